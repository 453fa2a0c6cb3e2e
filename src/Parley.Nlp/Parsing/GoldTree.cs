using Parley.Nlp.Conllu;

namespace Parley.Nlp.Parsing;

/// <summary>
/// The gold heads (as the arc-hybrid state numbers words: the root is n) and relation ids of one treebank sentence, in
/// buffers reused from sentence to sentence. Shared by the perceptron and the network trainers.
/// </summary>
internal sealed class GoldTree(IReadOnlyDictionary<string, int> labelIndex, int unknownLabel)
{
    public int[] Heads { get; private set; } = new int[64];
    public int[] Labels { get; private set; } = new int[64];

    /// <summary>Reads the sentence's tree; false when a head is out of range (the sentence cannot be trained on).</summary>
    public bool Read(ConlluSentence sentence)
    {
        int n = sentence.Words.Count;
        if (Heads.Length < n) { Heads = new int[n * 2]; Labels = new int[n * 2]; }
        for (int i = 0; i < n; i++)
        {
            var w = sentence.Words[i];
            if (w.Head < 0 || w.Head > n) return false;
            Heads[i] = w.Head == 0 ? n : w.Head - 1;
            Labels[i] = labelIndex.TryGetValue(w.Deprel, out int l) ? l : unknownLabel;
        }
        return true;
    }
}
