using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>Feature weights: a row of <see cref="NerBilou.Count"/> weights per known feature, plus label transitions.</summary>
internal sealed class NerWeights
{
    public const int L = NerBilou.Count;
    /// <summary>Transition row index of the sentence start (rows 0..L-1 are the previous label).</summary>
    public const int Start = L;

    public Dictionary<ulong, int> Rows = [];
    public float[] Emission = new float[1024 * L];
    public float[] Transition = new float[(L + 1) * L];
    public int RowCount;
    /// <summary>Fast read-only lookup for prediction; null while training (rows are still being added).</summary>
    public FeatureTable? Frozen;

    public void Freeze() => Frozen = new FeatureTable(Rows, Emission);

    public int AddRow(ulong feature)
    {
        if (Rows.TryGetValue(feature, out int row)) return row;
        row = RowCount++;
        Rows.Add(feature, row);
        if (RowCount * L > Emission.Length) Array.Resize(ref Emission, Emission.Length * 2);
        return row;
    }
}

/// <summary>Scores tokens from their features and finds the best label sequence (Viterbi over BILOU transitions).</summary>
internal static class NerDecoder
{
    private const int L = NerBilou.Count;
    private static readonly ulong[] DomainSalt = [0x5EED_0001_D0D0_0001UL, 0x5EED_0002_D0D0_0002UL];

    /// <summary>Number of labels a domain may use: the web domain (UNER) has no MISC.</summary>
    public static int LabelLimit(NerDomain domain) => NerBilou.Limit(domain);

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
        if (w.Frozen is { } frozen)
        {
            frozen.Score(features, scores);
            return;
        }
        // Accumulate in vector registers: 16 labels in two 8-wide vectors, the 17th on its own (as the frozen table does).
        var sum0 = System.Runtime.Intrinsics.Vector256<float>.Zero;
        var sum1 = System.Runtime.Intrinsics.Vector256<float>.Zero;
        float last = 0;
        var emission = w.Emission;
        foreach (ulong f in features)
        {
            if (!w.Rows.TryGetValue(f, out int row)) continue;
            var r = new ReadOnlySpan<float>(emission, row * L, L);
            sum0 += System.Runtime.Intrinsics.Vector256.Create(r[..8]);
            sum1 += System.Runtime.Intrinsics.Vector256.Create(r.Slice(8, 8));
            last += r[16];
        }
        System.Runtime.Intrinsics.Vector256.CopyTo(sum0, scores);
        System.Runtime.Intrinsics.Vector256.CopyTo(sum1, scores[8..]);
        scores[16] = last;
    }

    /// <summary>Transition scores with disallowed moves set to minus infinity, so Viterbi needs no checks.</summary>
    public static void Constrain(float[] transition, float[] constrained)
    {
        for (int p = 0; p <= L; p++)
            for (int y = 0; y < L; y++)
                constrained[p * L + y] = Allowed(p, y) ? transition[p * L + y] : float.NegativeInfinity;
    }

    public static bool Allowed(int previous, int label) => NerBilou.Allowed(previous == NerWeights.Start ? -1 : previous, label);

    /// <summary>
    /// Viterbi over emission scores (n x L, row-major); <paramref name="transition"/> must come from <see cref="Constrain"/>
    /// (hard BILOU constraints). Labels at or above <paramref name="limit"/> are not used.
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> emission, int n, float[] transition, int limit, Span<int> best)
    {
        if (n == 0) return;
        Span<float> score = stackalloc float[L];
        Span<float> next = stackalloc float[L];
        int[] back = System.Buffers.ArrayPool<int>.Shared.Rent(n * L);
        try
        {
            for (int y = 0; y < L; y++)
                score[y] = y < limit ? emission[y] + transition[NerWeights.Start * L + y] : float.NegativeInfinity;
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
            for (int y = 1; y < limit; y++) if (NerBilou.CanEnd(y) && score[y] > score[last]) last = y;
            best[n - 1] = last;
            for (int k = n - 1; k > 0; k--) best[k - 1] = back[k * L + best[k]];
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(back);
        }
    }
}
