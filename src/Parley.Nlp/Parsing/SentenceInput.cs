namespace Parley.Nlp.Parsing;

/// <summary>
/// The hashed attributes of one sentence's words plus the root (index n) and "no word" (index n + 1),
/// and a running count of separators for "is there a comma between" features. Reused between sentences.
/// </summary>
internal sealed class SentenceInput
{
    public TokenAttributes[] Words = new TokenAttributes[66];
    public int[] SeparatorsBefore = new int[66];
    public int Count;
    /// <summary>Whether the words carry word clusters (set by <see cref="Finish"/>): cluster features are left out otherwise.</summary>
    public bool HasClusters;

    public void Reset(int count)
    {
        if (Words.Length < count + 2)
        {
            int n = Math.Max(count + 2, Words.Length * 2);
            Words = new TokenAttributes[n];
            SeparatorsBefore = new int[n];
        }
        Count = count;
    }

    /// <summary>Call after the words are set.</summary>
    public void Finish()
    {
        HasClusters = Count > 0 && Words[0].Cluster != TokenAttributes.NoClusters;
        Words[Count] = TokenAttributes.Root;
        Words[Count + 1] = TokenAttributes.None;
        int running = 0;
        for (int i = 0; i < Count; i++)
        {
            SeparatorsBefore[i] = running;
            running += Words[i].IsSeparator;
        }
        SeparatorsBefore[Count] = running;
    }

    /// <summary>Attributes of word i; -1 gives the "no word" entry.</summary>
    public ref readonly TokenAttributes At(int i) => ref Words[i < 0 ? Count + 1 : i];

    /// <summary>Number of separators strictly between two words (0, 1 or 2 = "two or more").</summary>
    public ulong SeparatorsBetween(int a, int b)
    {
        if (a < 0 || b < 0) return 3;
        int lo = Math.Min(a, b), hi = Math.Min(Math.Max(a, b), Count);
        if (hi - lo < 2) return 0;
        int n = SeparatorsBefore[hi] - SeparatorsBefore[lo + 1];
        return (ulong)Math.Min(n, 2);
    }
}
