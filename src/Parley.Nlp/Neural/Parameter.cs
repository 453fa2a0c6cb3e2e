namespace Parley.Nlp.Neural;

/// <summary>
/// One weight matrix (or vector, or embedding table) of a network, row-major, with its gradient and Adam moments
/// while training. After training only <see cref="Value"/> is kept.
/// </summary>
internal sealed class Parameter
{
    public Parameter(string name, int rows, int cols)
    {
        Name = name;
        Rows = rows;
        Cols = cols;
        Value = new float[(long)rows * cols];
    }

    public string Name { get; }
    public int Rows { get; }
    public int Cols { get; }
    public float[] Value { get; }
    public float[]? Grad { get; private set; }
    internal float[]? Moment1 { get; private set; }
    internal float[]? Moment2 { get; private set; }
    /// <summary>Exponential moving average of the weights while training (what is kept at the end).</summary>
    internal float[]? Average { get; private set; }

    public Span<float> Row(int r) => Value.AsSpan(r * Cols, Cols);
    public Span<float> GradRow(int r) => Grad.AsSpan(r * Cols, Cols);

    /// <summary>Uniform in +-sqrt(6 / (fan in + fan out)) (Glorot), or +-<paramref name="scale"/> when given.</summary>
    public void Initialise(Random random, float scale = 0)
    {
        float bound = scale > 0 ? scale : MathF.Sqrt(6f / (Rows + Cols));
        for (int i = 0; i < Value.Length; i++) Value[i] = (float)(random.NextDouble() * 2 - 1) * bound;
    }

    public void StartTraining()
    {
        Grad = new float[Value.Length];
        Moment1 = new float[Value.Length];
        Moment2 = new float[Value.Length];
        Average = (float[])Value.Clone();
    }

    /// <summary>Exchanges the weights with their moving average (twice restores them).</summary>
    public void SwapAverage()
    {
        var average = Average ?? throw new InvalidOperationException("not training");
        for (int i = 0; i < Value.Length; i++) (Value[i], average[i]) = (average[i], Value[i]);
    }

    /// <summary>Leaves training, keeping the moving average of the weights.</summary>
    public void EndTraining()
    {
        Average!.CopyTo(Value, 0);
        Average = null;
        Grad = null;
        Moment1 = null;
        Moment2 = null;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        w.Write(Rows);
        w.Write(Cols);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Value.AsSpan()));
    }

    public void Read(BinaryReader r)
    {
        string name = r.ReadString();
        int rows = r.ReadInt32(), cols = r.ReadInt32();
        if (name != Name || rows != Rows || cols != Cols)
            throw new InvalidDataException($"neural parser: expected {Name} {Rows}x{Cols}, found {name} {rows}x{cols}");
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Value.AsSpan()));
    }
}

/// <summary>
/// Adam (Kingma and Ba 2015) with global gradient-norm clipping; clears the gradients after each step and keeps an
/// exponential moving average of the weights (Polyak averaging: steadier and usually better than the last weights).
/// </summary>
internal sealed class AdamOptimizer(IReadOnlyList<Parameter> parameters, float learningRate, float beta1 = 0.9f, float beta2 = 0.9f, float clip = 5f, float averageDecay = 0.999f)
{
    private int _step;

    public float LearningRate { get; set; } = learningRate;

    public void Step()
    {
        _step++;
        double norm = 0;
        foreach (var p in parameters)
        {
            var g = p.Grad!;
            for (int i = 0; i < g.Length; i++) norm += (double)g[i] * g[i];
        }
        norm = Math.Sqrt(norm);
        float scale = norm > clip ? (float)(clip / norm) : 1f;
        float c1 = 1 - MathF.Pow(beta1, _step), c2 = 1 - MathF.Pow(beta2, _step);
        float rate = LearningRate * MathF.Sqrt(c2) / c1;
        // a short run would keep mostly the initial weights: the average warms up (as TensorFlow's num_updates)
        float decay = MathF.Min(averageDecay, (1f + _step) / (10f + _step));
        foreach (var p in parameters)
        {
            var w = p.Value;
            var g = p.Grad!;
            var m = p.Moment1!;
            var v = p.Moment2!;
            for (int i = 0; i < w.Length; i++)
            {
                float gi = g[i] * scale;
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + 1e-8f);
            }
            Array.Clear(g);
            var average = p.Average!;
            for (int i = 0; i < w.Length; i++) average[i] = decay * average[i] + (1 - decay) * w[i];
        }
    }
}
