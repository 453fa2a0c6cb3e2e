using Parley.Nlp.Conllu;
using Parley.Nlp.Lemmatization;
using Parley.Nlp.Tagging;

namespace Parley.Nlp.Training;

/// <summary>
/// Jackknifed tagging of a training split: the sentences are split into folds by document, a tagger (with its FEATS
/// and lemmatizer) is trained on all folds but one and tags the held-out fold. The parser then trains on tags with
/// the errors a real tagger makes on unseen text, not on gold tags.
/// </summary>
public static class TagJackknife
{
    /// <summary>
    /// Fold number of each sentence. Whole documents (started by a "# newdoc" comment) go to one fold, dealt out in
    /// turn so that every fold gets documents from every part (and genre) of the treebank.
    /// </summary>
    public static int[] FoldsByDocument(IReadOnlyList<ConlluSentence> sentences, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var result = new int[sentences.Count];
        int document = -1;
        for (int i = 0; i < sentences.Count; i++)
        {
            if (i == 0 || sentences[i].StartsDocument) document++;
            result[i] = document % folds;
        }
        return result;
    }

    /// <summary>
    /// Copies of <paramref name="train"/> whose UPOS, XPOS, FEATS and lemmas are predicted by jackknifed taggers, trained
    /// like the shipped one (by default with the right-to-left refiner).
    /// </summary>
    public static List<ConlluSentence> Tag(IReadOnlyList<ConlluSentence> train, int folds, int taggerEpochs, int seed, bool refine, Action<string> log,
        Learning.WordClusterTable? clusters = null, bool refinerRightToLeft = true)
    {
        var fold = FoldsByDocument(train, folds);
        var result = new ConlluSentence[train.Count];
        for (int f = 0; f < folds; f++)
        {
            var rest = new List<ConlluSentence>(train.Count);
            var held = new List<int>();
            for (int i = 0; i < train.Count; i++)
                if (fold[i] == f) held.Add(i); else rest.Add(train[i]);
            var tagger = Tagger.Train(rest, taggerEpochs, seed, refine, clusters: clusters, refinerRightToLeft: refinerRightToLeft);
            var component = new TaggerComponent(tagger, MorphFeatures.Train(rest), Lemmatizer.Train(rest));
            var heldSentences = new List<ConlluSentence>(held.Count);
            foreach (int i in held) heldSentences.Add(train[i]);
            var tagged = TagWith(component, heldSentences);
            for (int k = 0; k < held.Count; k++) result[held[k]] = tagged[k];
            log($"jackknife fold {f + 1}/{folds}: tagger trained on {rest.Count} sentences, tagged {held.Count}");
        }
        return [.. result];
    }

    /// <summary>
    /// Copies of <paramref name="sentences"/> (same words, heads and relations) with the analyses of <paramref name="tagger"/>.
    /// A sentence whose words the round trip does not reproduce keeps its gold analyses.
    /// </summary>
    public static List<ConlluSentence> TagWith(TaggerComponent tagger, IReadOnlyList<ConlluSentence> sentences)
    {
        var doc = DocumentConllu.FromSentences("jackknife", sentences);
        tagger.Process(doc);
        var writer = new StringWriter();
        DocumentConllu.Write(writer, doc);
        var predicted = ConlluReader.Read(new StringReader(writer.ToString())).ToList();
        var result = new List<ConlluSentence>(sentences.Count);
        for (int i = 0; i < sentences.Count; i++)
        {
            var gold = sentences[i];
            var p = i < predicted.Count && predicted[i].Words.Count == gold.Words.Count ? predicted[i] : null;
            var copy = new ConlluSentence();
            copy.Comments.AddRange(gold.Comments);
            copy.Multiwords.AddRange(gold.Multiwords);
            for (int k = 0; k < gold.Words.Count; k++)
            {
                var g = gold.Words[k];
                var t = p is not null && p.Words[k].Form == g.Form ? p.Words[k] : g;
                copy.Words.Add(new ConlluWord
                {
                    Id = g.Id, Form = g.Form, Lemma = t.Lemma, Upos = t.Upos, Xpos = t.Xpos, Feats = t.Feats,
                    Head = g.Head, Deprel = g.Deprel, Deps = g.Deps, Misc = g.Misc,
                });
            }
            result.Add(copy);
        }
        return result;
    }
}
