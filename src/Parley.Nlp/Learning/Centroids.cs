using System.Numerics;

namespace Parley.Nlp.Learning;

/// <summary>
/// The spherical k-means of <see cref="Training.ClusterTrainer"/>: dot products of unit vectors, normalising, the
/// nearest centroid of a vector (first best on ties) and Lloyd's iterations. Its recipes differ only in how they seed
/// the centroids and in the parameters of <see cref="Lloyd"/>.
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

    /// <summary>
    /// Lloyd's iterations from the seeded <paramref name="centroids"/> (updated in place): each of the first <paramref name="n"/> vectors (each
    /// <paramref name="dims"/> floats) goes to its nearest centroid, each centroid becomes the normalised sum of its
    /// vectors, times <paramref name="weights"/> when given, until no vector moves or after <paramref name="iterations"/>.
    /// A cluster left empty keeps its centroid when <paramref name="keepEmpty"/>, else becomes zero (as NER's clusters were
    /// trained). Returns each vector's cluster and each cluster's total weight.
    /// </summary>
    public static (int[] Assign, float[] Sizes) Lloyd(float[] vectors, int n, float[]? weights, float[] centroids, int k, int dims, int iterations,
        bool keepEmpty, Action<string>? log, string name)
    {
        var assign = new int[n];
        var sizes = new float[k];
        var sums = new float[k * dims];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int changed = 0;
            for (int w = 0; w < n; w++)
            {
                var v = new ReadOnlySpan<float>(vectors, w * dims, dims);
                int best = Nearest(v, centroids, k, dims);
                if (assign[w] != best || iteration == 0) { changed++; assign[w] = best; }
            }
            Array.Clear(sums);
            Array.Clear(sizes);
            for (int w = 0; w < n; w++)
            {
                var target = sums.AsSpan(assign[w] * dims, dims);
                var v = new ReadOnlySpan<float>(vectors, w * dims, dims);
                float weight = weights is null ? 1f : weights[w];
                for (int d = 0; d < dims; d++) target[d] += weight * v[d];
                sizes[assign[w]] += weight;
            }
            for (int c = 0; c < k; c++)
            {
                if (sizes[c] == 0 && keepEmpty) continue;
                var s = sums.AsSpan(c * dims, dims);
                Normalise(s);
                s.CopyTo(centroids.AsSpan(c * dims, dims));
            }
            log?.Invoke($"clusters {name} iteration {iteration + 1}: {changed} words moved");
            if (changed == 0) break;
        }
        return (assign, sizes);
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
