using System.Numerics;

namespace Parley.Nlp.Learning;

/// <summary>
/// The inner loops of the spherical k-means both word-cluster trainers run (NER's and the tagger's): dot products of
/// unit vectors, normalising, and the nearest centroid of a vector, first best on ties.
/// </summary>
internal static class Centroids
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int width = Vector<float>.Count, i = 0;
        for (; i + width <= a.Length; i += width) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float result = Vector.Sum(sum);
        for (; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }

    /// <summary>Scales <paramref name="v"/> to unit length (a zero vector stays zero).</summary>
    public static void Normalise(Span<float> v)
    {
        double norm = 0;
        foreach (float x in v) norm += x * x;
        if (norm <= 0) return;
        float scale = (float)(1 / Math.Sqrt(norm));
        for (int d = 0; d < v.Length; d++) v[d] *= scale;
    }

    /// <summary>The centroid (of <paramref name="k"/>, each <paramref name="dims"/> floats) with the largest dot product with <paramref name="v"/>.</summary>
    public static int Nearest(ReadOnlySpan<float> v, float[] centroids, int k, int dims)
    {
        int best = 0;
        float top = float.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            float dot = Dot(v, new ReadOnlySpan<float>(centroids, c * dims, dims));
            if (dot > top) { top = dot; best = c; }
        }
        return best;
    }
}
