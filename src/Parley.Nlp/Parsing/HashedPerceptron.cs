using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Nlp.Parsing;

/// <summary>
/// A multi-class averaged perceptron over hashed features: a feature's 64-bit hash picks a row of a flat
/// weight array, and the row holds one weight per class (padded to a SIMD width). Scoring a state is a
/// sum of rows, with no dictionary look-up and no allocation. After training the averaged weights are
/// quantised to 16-bit integers with one scale per model: half the memory traffic when parsing (scoring is
/// bound by memory, not arithmetic) and half the file size, at no measurable cost in accuracy.
/// </summary>
internal sealed class HashedPerceptron
{
    private readonly int _bits;
    private readonly int _classes;
    private readonly int _stride;
    // Training: float weights with lazily averaged totals and the step at which each weight last changed.
    private float[]? _weights;
    private double[]? _totals;
    private int[]? _stamps;
    private int _step;
    // Parsing: quantised averaged weights; weight = value * _scale.
    private short[]? _quantized;
    private float _scale;

    private HashedPerceptron(int bits, int classes)
    {
        _bits = bits;
        _classes = classes;
        int width = Vector<short>.Count;
        _stride = classes <= 4 ? classes : (classes + width - 1) / width * width;
    }

    public static HashedPerceptron ForTraining(int bits, int classes)
    {
        var model = new HashedPerceptron(bits, classes);
        long size = (1L << bits) * model._stride;
        model._weights = new float[size];
        model._totals = new double[size];
        model._stamps = new int[size];
        return model;
    }

    public int Classes => _classes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(ulong feature) => (int)(feature >> (64 - _bits)) * _stride;

    /// <summary>Sums the rows of <paramref name="features"/> into <paramref name="scores"/> (length >= Classes).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (_quantized is not null) ScoreQuantized(features, scores);
        else ScoreFloat(features, scores);
    }

    private void ScoreQuantized(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var w = _quantized!;
        if (_stride <= 4)
        {
            int a = 0, b = 0, c = 0, d = 0;
            if (_stride == 3)
            {
                foreach (ulong f in features)
                {
                    int r = Row(f);
                    a += w[r]; b += w[r + 1]; c += w[r + 2];
                }
                scores[0] = a * _scale; scores[1] = b * _scale; scores[2] = c * _scale;
                return;
            }
            Span<int> sums = [a, b, c, d];
            foreach (ulong f in features)
            {
                int r = Row(f);
                for (int k = 0; k < _classes; k++) sums[k] += w[r + k];
            }
            for (int k = 0; k < _classes; k++) scores[k] = sums[k] * _scale;
            return;
        }
        int vectors = _stride / Vector<short>.Count;
        Span<Vector<int>> acc = stackalloc Vector<int>[2 * 16];
        if (vectors > 16) throw new InvalidOperationException("too many classes");
        acc[..(2 * vectors)].Clear();
        foreach (ulong f in features)
        {
            var row = MemoryMarshal.Cast<short, Vector<short>>(w.AsSpan(Row(f), _stride));
            for (int k = 0; k < vectors; k++)
            {
                Vector.Widen(row[k], out var lo, out var hi);
                acc[2 * k] += lo;
                acc[2 * k + 1] += hi;
            }
        }
        var ints = MemoryMarshal.Cast<Vector<int>, int>(acc[..(2 * vectors)]);
        for (int k = 0; k < _classes; k++) scores[k] = ints[k] * _scale;
    }

    private void ScoreFloat(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var w = _weights!;
        scores[.._classes].Clear();
        foreach (ulong f in features)
        {
            int r = Row(f);
            for (int k = 0; k < _classes; k++) scores[k] += w[r + k];
        }
    }

    /// <summary>Counts one training instance (for averaging).</summary>
    public void Tick() => _step++;

    public void Update(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        var weights = _weights ?? throw new InvalidOperationException("model is not in training mode");
        var totals = _totals!;
        var stamps = _stamps!;
        foreach (ulong f in features)
        {
            int i = Row(f) + cls;
            totals[i] += (double)(_step - stamps[i]) * weights[i];
            stamps[i] = _step;
            weights[i] += delta;
        }
    }

    /// <summary>Replaces the weights by their average over all training steps, quantised, and leaves training mode.</summary>
    public void Average()
    {
        var weights = _weights ?? throw new InvalidOperationException("model is not in training mode");
        var totals = _totals!;
        var stamps = _stamps!;
        int step = Math.Max(1, _step);
        float max = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double total = totals[i] + (double)(step - stamps[i]) * weights[i];
            weights[i] = (float)(total / step);
            max = MathF.Max(max, MathF.Abs(weights[i]));
        }
        _scale = max > 0 ? max / short.MaxValue : 1f;
        var q = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++) q[i] = (short)MathF.Round(weights[i] / _scale);
        _quantized = q;
        _weights = null;
        _totals = null;
        _stamps = null;
    }

    public void Write(BinaryWriter w)
    {
        var q = _quantized ?? throw new InvalidOperationException("average the model before saving it");
        w.Write(_bits);
        w.Write(_classes);
        w.Write(_stride);
        w.Write(_scale);
        w.Write(MemoryMarshal.AsBytes(q.AsSpan()));
    }

    public static HashedPerceptron Read(BinaryReader r)
    {
        int bits = r.ReadInt32();
        int classes = r.ReadInt32();
        int stride = r.ReadInt32();
        float scale = r.ReadSingle();
        if (bits is < 4 or > 28 || classes is < 1 or > 256) throw new InvalidDataException("corrupt parser model header");
        var model = new HashedPerceptron(bits, classes) { _scale = scale };
        long rows = 1L << bits;
        var q = new short[rows * model._stride];
        if (model._stride == stride)
        {
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(q.AsSpan()));
        }
        else
        {
            // Saved where the SIMD width differs: re-lay the rows.
            var row = new short[stride];
            for (long i = 0; i < rows; i++)
            {
                r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(row.AsSpan()));
                Array.Copy(row, 0, q, i * model._stride, Math.Min(classes, stride));
            }
        }
        model._quantized = q;
        return model;
    }
}
