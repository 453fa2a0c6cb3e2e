namespace Parley.Nlp.Ner;

/// <summary>Feature weights: a row of <see cref="NerLabels.Count"/> weights per known feature, plus label transitions.</summary>
internal sealed class NerWeights
{
    public const int L = NerLabels.Count;
    /// <summary>Transition row index of the sentence start (rows 0..L-1 are the previous label).</summary>
    public const int Start = L;

    public Dictionary<ulong, int> Rows = [];
    public float[] Emission = new float[1024 * L];
    public float[] Transition = new float[(L + 1) * L];
    public int RowCount;

    public int AddRow(ulong feature)
    {
        if (Rows.TryGetValue(feature, out int row)) return row;
        row = RowCount++;
        Rows.Add(feature, row);
        if (RowCount * L > Emission.Length) Array.Resize(ref Emission, Emission.Length * 2);
        return row;
    }
}

/// <summary>Scores tokens from their features and finds the best label sequence (Viterbi over IOB2 transitions).</summary>
internal static class NerDecoder
{
    private const int L = NerLabels.Count;
    private static readonly ulong[] DomainSalt = [0x5EED_0001_D0D0_0001UL, 0x5EED_0002_D0D0_0002UL];

    /// <summary>Number of labels a domain may use: the web domain (UNER) has no MISC.</summary>
    public static int LabelLimit(NerDomain domain) => domain == NerDomain.Web ? 7 : L;

    /// <summary>Adds the domain-specific copy of each feature (feature augmentation, Daumé 2007).</summary>
    public static int Augment(Span<ulong> features, int count, NerDomain domain)
    {
        ulong salt = DomainSalt[(int)domain];
        for (int k = 0; k < count; k++) features[count + k] = FeatureHash.Mix(features[k] ^ salt);
        return count * 2;
    }

    /// <summary>Adds the emission scores of one token's features into <paramref name="scores"/> (length L).</summary>
    public static void Score(NerWeights w, ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var rows = w.Rows;
        var emission = w.Emission.AsSpan();
        foreach (ulong f in features)
        {
            if (!rows.TryGetValue(f, out int row)) continue;
            var r = emission.Slice(row * L, L);
            for (int y = 0; y < L; y++) scores[y] += r[y];
        }
    }

    public static bool Allowed(int previous, int label)
    {
        if (!NerLabels.IsInside(label)) return true;
        return previous != NerWeights.Start && previous != NerLabels.O && NerLabels.TypeOf(previous) == NerLabels.TypeOf(label);
    }

    /// <summary>Viterbi over emission scores (n x L, row-major) with hard IOB2 constraints; labels at or above <paramref name="limit"/> are not used.</summary>
    public static void Viterbi(ReadOnlySpan<float> emission, int n, float[] transition, int limit, Span<int> best)
    {
        if (n == 0) return;
        Span<float> score = stackalloc float[L];
        Span<float> next = stackalloc float[L];
        int[] back = System.Buffers.ArrayPool<int>.Shared.Rent(n * L);
        try
        {
            for (int y = 0; y < L; y++)
                score[y] = y < limit && Allowed(NerWeights.Start, y) ? emission[y] + transition[NerWeights.Start * L + y] : float.NegativeInfinity;
            for (int k = 1; k < n; k++)
            {
                for (int y = 0; y < L; y++)
                {
                    float top = float.NegativeInfinity;
                    int arg = 0;
                    if (y < limit)
                    {
                        for (int p = 0; p < limit; p++)
                        {
                            if (!Allowed(p, y)) continue;
                            float s = score[p] + transition[p * L + y];
                            if (s > top) { top = s; arg = p; }
                        }
                    }
                    next[y] = top + emission[k * L + y];
                    back[k * L + y] = arg;
                }
                next.CopyTo(score);
            }
            int last = 0;
            for (int y = 1; y < limit; y++) if (score[y] > score[last]) last = y;
            best[n - 1] = last;
            for (int k = n - 1; k > 0; k--) best[k - 1] = back[k * L + best[k]];
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(back);
        }
    }
}
