namespace Parley.Nlp.Neural;

/// <summary>
/// One direction of a long short-term memory layer (gates i, f, g, o stacked in that order). The input projection
/// W_x x + b is computed by the caller (<see cref="Project"/>, or a table of projected embeddings when parsing), so
/// that the recurrence here costs one 4H x H product per word.
/// </summary>
internal sealed class LstmLayer
{
    public LstmLayer(string name, int input, int hidden)
    {
        Input = input;
        Hidden = hidden;
        Wx = new Parameter(name + ".wx", 4 * hidden, input);
        Wh = new Parameter(name + ".wh", 4 * hidden, hidden);
        Bias = new Parameter(name + ".b", 1, 4 * hidden);
    }

    public int Input { get; }
    public int Hidden { get; }
    public Parameter Wx { get; }
    public Parameter Wh { get; }
    public Parameter Bias { get; }
    public IEnumerable<Parameter> Parameters => [Wx, Wh, Bias];

    public void Initialise(Random random)
    {
        Wx.Initialise(random);
        Wh.Initialise(random);
        // forget gates start open (Jozefowicz et al. 2015)
        Bias.Value.AsSpan(Hidden, Hidden).Fill(1f);
    }

    /// <summary>projected[t] = W_x x[t] + b for <paramref name="count"/> inputs of <see cref="Input"/> floats each.</summary>
    public void Project(ReadOnlySpan<float> x, int count, Span<float> projected)
    {
        int g = 4 * Hidden;
        for (int t = 0; t < count; t++)
        {
            var row = projected.Slice(t * g, g);
            Bias.Value.CopyTo(row);
            DenseMath.MatVecAdd(Wx.Value, g, x.Slice(t * Input, Input), row);
        }
    }

    /// <summary>
    /// Runs the recurrence over <paramref name="count"/> steps (last to first when <paramref name="reverse"/>). On entry
    /// tape.Gates holds the projected inputs; on return it holds the gate activations, and tape.H the outputs.
    /// <paramref name="recurrentTransposed"/>: W_h transposed, for the faster product when parsing.
    /// </summary>
    public void Forward(LstmTape tape, int count, bool reverse, float[]? recurrentTransposed = null)
    {
        if (recurrentTransposed is not null)
        {
            ForwardPair(tape, count, null, 0, reverse, recurrentTransposed);
            return;
        }
        int prev = -1;
        for (int k = 0; k < count; k++)
        {
            int t = reverse ? count - 1 - k : k;
            if (prev >= 0) DenseMath.MatVecAdd(Wh.Value, 4 * Hidden, tape.H.AsSpan(prev * Hidden, Hidden), tape.Gates.AsSpan(t * 4 * Hidden, 4 * Hidden));
            Cell(tape, t, prev);
            prev = t;
        }
    }

    /// <summary>
    /// <see cref="Forward"/> with W_h transposed over two sentences at once (<paramref name="b"/> may be null, with
    /// <paramref name="countB"/> 0): while both have steps left, one pass over the recurrent weights serves both
    /// products (<see cref="DenseMath.MatVecTransposedAddPair"/>), which halves what is read of the matrix per step. Each
    /// sentence's floats are those of its own recurrence.
    /// </summary>
    public void ForwardPair(LstmTape a, int countA, LstmTape? b, int countB, bool reverse, float[] recurrentTransposed)
    {
        int h = Hidden, g4 = 4 * h, prevA = -1, prevB = -1;
        for (int k = 0; k < Math.Max(countA, countB); k++)
        {
            int ta = k < countA ? (reverse ? countA - 1 - k : k) : -1;
            int tb = k < countB ? (reverse ? countB - 1 - k : k) : -1;
            bool stepA = ta >= 0 && prevA >= 0, stepB = tb >= 0 && prevB >= 0;
            if (stepA && stepB)
                DenseMath.MatVecTransposedAddPair(recurrentTransposed, a.H.AsSpan(prevA * h, h), a.Gates.AsSpan(ta * g4, g4),
                    b!.H.AsSpan(prevB * h, h), b.Gates.AsSpan(tb * g4, g4));
            else if (stepA) DenseMath.MatVecTransposedAdd(recurrentTransposed, a.H.AsSpan(prevA * h, h), a.Gates.AsSpan(ta * g4, g4));
            else if (stepB) DenseMath.MatVecTransposedAdd(recurrentTransposed, b!.H.AsSpan(prevB * h, h), b.Gates.AsSpan(tb * g4, g4));
            if (ta >= 0) { Cell(a, ta, prevA); prevA = ta; }
            if (tb >= 0) { Cell(b!, tb, prevB); prevB = tb; }
        }
    }

    /// <summary>Step t of the recurrence after its gates' pre-activations are summed (prev: the step before, -1 at the first).</summary>
    private void Cell(LstmTape tape, int t, int prev)
    {
        int h = Hidden, g4 = 4 * h;
        var gates = tape.Gates.AsSpan(t * g4, g4);
        var c = tape.C.AsSpan(t * h, h);
        var tc = tape.TanhC.AsSpan(t * h, h);
        var output = tape.H.AsSpan(t * h, h);
        var cPrev = prev >= 0 ? tape.C.AsSpan(prev * h, h) : default;
        if (DenseMath.LstmCell(gates, cPrev, c, tc, output, h)) return;
        DenseMath.Sigmoid(gates[..(2 * h)]);
        DenseMath.Tanh(gates.Slice(2 * h, h));
        DenseMath.Sigmoid(gates.Slice(3 * h, h));
        for (int j = 0; j < h; j++)
        {
            float cj = gates[j] * gates[2 * h + j];
            if (prev >= 0) cj += gates[h + j] * tape.C[prev * h + j];
            c[j] = cj;
            tc[j] = cj;
        }
        DenseMath.Tanh(tc);
        for (int j = 0; j < h; j++) output[j] = gates[3 * h + j] * tc[j];
    }

    /// <summary>
    /// Back-propagates output gradients <paramref name="dh"/> (count x H) through the recurrence, accumulating the
    /// weight gradients and the gradient of the inputs <paramref name="x"/> into <paramref name="dx"/>.
    /// </summary>
    public void Backward(LstmTape tape, int count, bool reverse, ReadOnlySpan<float> x, ReadOnlySpan<float> dh, Span<float> dx)
    {
        int h = Hidden, g4 = 4 * h;
        Span<float> dhNext = stackalloc float[h];
        Span<float> dcNext = stackalloc float[h];
        Span<float> dGates = stackalloc float[g4];
        dhNext.Clear();
        dcNext.Clear();
        var wh = Wh.Value;
        var dWh = Wh.Grad!;
        var dWx = Wx.Grad!;
        var dB = Bias.Grad!;
        for (int k = count - 1; k >= 0; k--)
        {
            int t = reverse ? count - 1 - k : k;
            int prev = k == 0 ? -1 : reverse ? t + 1 : t - 1;
            var gates = tape.Gates.AsSpan(t * g4, g4);
            for (int j = 0; j < h; j++)
            {
                float i = gates[j], f = gates[h + j], g = gates[2 * h + j], o = gates[3 * h + j];
                float tc = tape.TanhC[t * h + j];
                float dhj = dh[t * h + j] + dhNext[j];
                float dc = dhj * o * (1 - tc * tc) + dcNext[j];
                float cPrev = prev >= 0 ? tape.C[prev * h + j] : 0f;
                dGates[j] = dc * g * i * (1 - i);
                dGates[h + j] = dc * cPrev * f * (1 - f);
                dGates[2 * h + j] = dc * i * (1 - g * g);
                dGates[3 * h + j] = dhj * tc * o * (1 - o);
                dcNext[j] = dc * f;
            }
            DenseMath.Add(dGates, dB);
            DenseMath.OuterAdd(dWx, dGates, x.Slice(t * Input, Input));
            DenseMath.MatTVecAdd(Wx.Value, dGates, dx.Slice(t * Input, Input));
            dhNext.Clear();
            if (prev >= 0)
            {
                DenseMath.OuterAdd(dWh, dGates, tape.H.AsSpan(prev * h, h));
                DenseMath.MatTVecAdd(wh, dGates, dhNext);
            }
        }
    }
}

/// <summary>What one direction of an LSTM keeps of a sentence: gate activations, cells and outputs per step.</summary>
internal sealed class LstmTape
{
    public float[] Gates = [];
    public float[] C = [];
    public float[] TanhC = [];
    public float[] H = [];

    public void Ensure(int count, int hidden)
    {
        if (H.Length >= count * hidden) return;
        int n = Math.Max(count, 64) * 2;
        Gates = new float[n * 4 * hidden];
        C = new float[n * hidden];
        TanhC = new float[n * hidden];
        H = new float[n * hidden];
    }
}
