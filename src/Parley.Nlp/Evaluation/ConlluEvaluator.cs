using System.Globalization;
using System.Text;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Evaluation;

/// <summary>Scores of a system CoNLL-U file against gold, as F1 x 100 (CoNLL 2018 style).</summary>
public sealed record ConlluScores(double Tokens, double Sentences, double Words, double Upos, double Xpos, double UFeats, double Lemmas, double Uas, double Las)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"tokens={Tokens:F2} sentences={Sentences:F2} words={Words:F2} upos={Upos:F2} xpos={Xpos:F2} ufeats={UFeats:F2} lemmas={Lemmas:F2} uas={Uas:F2} las={Las:F2}");

    public Dictionary<string, double> ToDictionary(string prefix) => new()
    {
        [prefix + "tokens"] = Math.Round(Tokens, 2), [prefix + "sentences"] = Math.Round(Sentences, 2), [prefix + "words"] = Math.Round(Words, 2),
        [prefix + "upos"] = Math.Round(Upos, 2), [prefix + "xpos"] = Math.Round(Xpos, 2), [prefix + "ufeats"] = Math.Round(UFeats, 2),
        [prefix + "lemmas"] = Math.Round(Lemmas, 2), [prefix + "uas"] = Math.Round(Uas, 2), [prefix + "las"] = Math.Round(Las, 2),
    };
}

/// <summary>
/// CoNLL 2018-style evaluation: tokens, sentences and words are aligned by their spans over the non-whitespace
/// characters of the text, so output tokenized from raw text is scored fairly; word attributes are F1 over
/// aligned words; relation subtypes are ignored for LAS. Agrees with /work/shared/tools/conllu_eval.py on
/// tokens, sentences, UPOS, UAS and LAS.
/// </summary>
public static class ConlluEvaluator
{
    private readonly record struct Word(int Sentence, int Id, int Start, int End, int Sub, ConlluWord Data);

    public static ConlluScores Score(IReadOnlyList<ConlluSentence> gold, IReadOnlyList<ConlluSentence> system)
    {
        var (gw, gt, gs) = Spans(gold);
        var (sw, st, ss) = Spans(system);
        var tokenSet = new HashSet<(int, int)>(st);
        int tokenMatch = 0;
        foreach (var t in gt) if (tokenSet.Contains(t)) tokenMatch++;
        var sentSet = new HashSet<(int, int)>(ss);
        int sentMatch = 0;
        foreach (var s in gs) if (sentSet.Contains(s)) sentMatch++;

        var byKey = new Dictionary<(int, int, int), Word>();
        foreach (var w in sw) byKey.TryAdd((w.Start, w.End, w.Sub), w);
        var gIndex = new Dictionary<(int, int), Word>();
        foreach (var w in gw) gIndex[(w.Sentence, w.Id)] = w;
        var sIndex = new Dictionary<(int, int), Word>();
        foreach (var w in sw) sIndex[(w.Sentence, w.Id)] = w;

        int aligned = 0, upos = 0, xpos = 0, feats = 0, lemmas = 0, uas = 0, las = 0;
        foreach (var g in gw)
        {
            if (!byKey.TryGetValue((g.Start, g.End, g.Sub), out var s)) continue;
            aligned++;
            if (g.Data.Upos == s.Data.Upos) upos++;
            if (g.Data.Xpos == s.Data.Xpos) xpos++;
            if (FeatsEqual(g.Data.Feats, s.Data.Feats)) feats++;
            if (g.Data.Lemma == s.Data.Lemma) lemmas++;
            if (HeadKey(g, gIndex) == HeadKey(s, sIndex))
            {
                uas++;
                if (BaseRel(g.Data.Deprel) == BaseRel(s.Data.Deprel)) las++;
            }
        }
        int ng = gw.Count, ns = sw.Count;
        return new ConlluScores(F1(gt.Count, st.Count, tokenMatch), F1(gs.Count, ss.Count, sentMatch), F1(ng, ns, aligned),
            F1(ng, ns, upos), F1(ng, ns, xpos), F1(ng, ns, feats), F1(ng, ns, lemmas), F1(ng, ns, uas), F1(ng, ns, las));
    }

    public static ConlluScores ScoreFiles(string goldPath, string systemPath) =>
        Score(ConlluReader.ReadFile(goldPath), ConlluReader.ReadFile(systemPath));

    private static (int, int, int)? HeadKey(Word w, Dictionary<(int, int), Word> index)
    {
        if (w.Data.Head == 0) return (-1, -1, -1);
        if (w.Data.Head < 0) return (-2, -2, -2);
        return index.TryGetValue((w.Sentence, w.Data.Head), out var h) ? (h.Start, h.End, h.Sub) : null;
    }

    private static string BaseRel(string rel)
    {
        int colon = rel.IndexOf(':');
        return colon < 0 ? rel : rel[..colon];
    }

    private static bool FeatsEqual(string a, string b)
    {
        if (a == b) return true;
        var x = a.Split('|'); var y = b.Split('|');
        Array.Sort(x, StringComparer.Ordinal); Array.Sort(y, StringComparer.Ordinal);
        return x.AsSpan().SequenceEqual(y);
    }

    private static double F1(int gold, int system, int correct)
    {
        double p = system > 0 ? (double)correct / system : 0, r = gold > 0 ? (double)correct / gold : 0;
        return p + r > 0 ? 100 * 2 * p * r / (p + r) : 0;
    }

    private static int NonSpaceLength(string s)
    {
        int n = 0;
        foreach (var c in s) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }

    private static (List<Word> Words, List<(int, int)> Tokens, List<(int, int)> Sentences) Spans(IReadOnlyList<ConlluSentence> sentences)
    {
        var words = new List<Word>();
        var tokens = new List<(int, int)>();
        var sents = new List<(int, int)>();
        int pos = 0;
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            int start = pos;
            int mw = 0;
            for (int i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                while (mw < s.Multiwords.Count && s.Multiwords[mw].Last < w.Id) mw++;
                if (mw < s.Multiwords.Count && s.Multiwords[mw].First == w.Id)
                {
                    var m = s.Multiwords[mw++];
                    int n = NonSpaceLength(m.Form);
                    int count = m.Last - m.First + 1;
                    for (int k = 0; k < count && i + k < s.Words.Count; k++)
                        words.Add(new Word(si, s.Words[i + k].Id, pos, pos + n, k, s.Words[i + k]));
                    tokens.Add((pos, pos + n));
                    pos += n;
                    i += count - 1;
                    continue;
                }
                int len = NonSpaceLength(w.Form);
                words.Add(new Word(si, w.Id, pos, pos + len, 0, w));
                tokens.Add((pos, pos + len));
                pos += len;
            }
            sents.Add((start, pos));
        }
        return (words, tokens, sents);
    }

    /// <summary>The running text of a treebank as the shared tool prints it: sentences of a paragraph joined by a space, paragraphs by a line break, documents by a blank line.</summary>
    public static string RunningText(IReadOnlyList<ConlluSentence> sentences)
    {
        var docs = new List<string>();
        var cur = new List<string>();
        var par = new List<string>();
        foreach (var s in sentences)
        {
            if (s.StartsDocument)
            {
                if (par.Count > 0) { cur.Add(string.Join(' ', par)); par.Clear(); }
                if (cur.Count > 0) { docs.Add(string.Join('\n', cur)); cur.Clear(); }
            }
            else if (s.StartsParagraph)
            {
                if (par.Count > 0) { cur.Add(string.Join(' ', par)); par.Clear(); }
            }
            var text = s.Text;
            if (text is not null) par.Add(text);
        }
        if (par.Count > 0) cur.Add(string.Join(' ', par));
        if (cur.Count > 0) docs.Add(string.Join('\n', cur));
        var sb = new StringBuilder();
        sb.AppendJoin("\n\n", docs).Append('\n');
        return sb.ToString();
    }
}
