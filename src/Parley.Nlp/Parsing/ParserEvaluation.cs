using Parley.Nlp.Conllu;

namespace Parley.Nlp.Parsing;

/// <summary>Attachment scores over all words (punctuation included, as in CoNLL 2018).</summary>
public readonly record struct ParserScore(int Words, double Uas, double Las, double UniversalLas);

/// <summary>Scores a parser on gold-annotated sentences without changing them.</summary>
public static class ParserEvaluation
{
    /// <summary>
    /// Parses each sentence (from its own tags, or from <paramref name="tagged"/>'s when given: same words with predicted
    /// tags) and compares with the gold heads and relations. With <paramref name="simulatedTagErrorSeed"/> != 0 and no
    /// <paramref name="tagged"/>, tags are first perturbed as in training (a stand-in for a tagger).
    /// </summary>
    public static ParserScore Evaluate(DependencyParser parser, IReadOnlyList<ConlluSentence> gold,
        IReadOnlyList<ConlluSentence>? tagged = null, int simulatedTagErrorSeed = 0, IReadOnlyList<ConlluSentence>? noiseSource = null)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(gold);
        var scratch = DependencyParser.Scratch;
        TagNoise? noise = simulatedTagErrorSeed != 0 && tagged is null ? new TagNoise(noiseSource ?? gold) : null;
        var random = new Random(simulatedTagErrorSeed);
        long words = 0, heads = 0, labelled = 0, universal = 0;
        var labels = parser.Labels;
        for (int si = 0; si < gold.Count; si++)
        {
            var sentence = gold[si];
            int n = sentence.Words.Count;
            if (n == 0) continue;
            var input = scratch.Input;
            if (tagged is not null) parser.Fill(scratch, tagged[si]);
            else if (noise is not null)
            {
                input.Reset(n);
                parser.ResetNeural(scratch, n);
                for (int i = 0; i < n; i++)
                {
                    var w = sentence.Words[i];
                    var a = noise.Pick(w, random);
                    input.Words[i] = TokenAttributes.From(w.Form, a.Lemma, a.Upos, a.Xpos, parser.Clusters);
                    parser.SetNeuralWord(scratch, i, w.Form, a.Upos, a.Xpos);
                }
                input.Finish();
            }
            else parser.Fill(scratch, sentence);
            parser.ParseInput(scratch);
            var st = scratch.State;
            for (int i = 0; i < n; i++)
            {
                var w = sentence.Words[i];
                int h = st.Heads[i] == n ? 0 : st.Heads[i] + 1;
                words++;
                if (h != w.Head) continue;
                heads++;
                string label = labels[st.Labels[i]];
                if (label == w.Deprel) labelled++;
                if (Universal(label).SequenceEqual(Universal(w.Deprel))) universal++;
            }
        }
        double Pct(long x) => words == 0 ? 0 : 100.0 * x / words;
        return new ParserScore((int)words, Pct(heads), Pct(labelled), Pct(universal));
    }

    private static ReadOnlySpan<char> Universal(string label)
    {
        int colon = label.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? label : label.AsSpan(0, colon);
    }
}
