namespace Parley.Nlp.Neural;

/// <summary>Back-propagation through the network (training only).</summary>
internal sealed partial class NeuralParserModel
{
    /// <summary>Gradient of a move decision's scores: into the output layer and the per-word move parts.</summary>
    public void BackMoves(NeuralSentence s, int s0, int s1, int s2, int b0, ReadOnlySpan<float> dScores, ReadOnlySpan<float> hidden)
    {
        int m = Shape.MoveHidden;
        Span<float> dHidden = stackalloc float[m];
        dHidden.Clear();
        DenseMath.OuterAdd(MoveOut.Grad, dScores[..3], hidden[..m]);
        DenseMath.Add(dScores[..3], MoveOutBias.Grad);
        DenseMath.MatTVecAdd(MoveOut.Value, dScores[..3], dHidden);
        for (int k = 0; k < m; k++) dHidden[k] *= 1 - hidden[k] * hidden[k];
        DenseMath.Add(dHidden, MoveBias.Grad);
        var dParts = s.PartGrads.AsSpan();
        DenseMath.Add(dHidden, dParts.Slice(MovePart(s, 0, s0), m));
        DenseMath.Add(dHidden, dParts.Slice(MovePart(s, 1, s1), m));
        DenseMath.Add(dHidden, dParts.Slice(MovePart(s, 2, s2), m));
        DenseMath.Add(dHidden, dParts.Slice(MovePart(s, 3, b0), m));
    }

    public void BackLabels(NeuralSentence s, int head, int dep, ReadOnlySpan<float> dScores, ReadOnlySpan<float> hidden)
    {
        int l = Shape.LabelHidden;
        Span<float> dHidden = stackalloc float[l];
        dHidden.Clear();
        DenseMath.OuterAdd(LabelOut.Grad, dScores[..LabelCount], hidden[..l]);
        DenseMath.Add(dScores[..LabelCount], LabelOutBias.Grad);
        DenseMath.MatTVecAdd(LabelOut.Value, dScores[..LabelCount], dHidden);
        for (int k = 0; k < l; k++) dHidden[k] *= 1 - hidden[k] * hidden[k];
        DenseMath.Add(dHidden, LabelDirection.GradRow(dep < head ? 0 : 1));
        DenseMath.Add(dHidden, s.PartGrads.AsSpan(HeadPart(s, head), l));
        DenseMath.Add(dHidden, s.PartGrads.AsSpan(DepPart(s, dep), l));
    }

    /// <summary>After all decisions of a sentence: back through the per-word parts, the BiLSTM and the embeddings.</summary>
    public void BackSentence(NeuralSentence s)
    {
        var shape = Shape;
        int n = s.Count, rows = n + 2, m = shape.MoveHidden, l = shape.LabelHidden, h = shape.Hidden, h2 = 2 * h, d = shape.InputDim, width = PartsWidth;
        var dVectors = s.VectorGrads.AsSpan(0, rows * h2);
        dVectors.Clear();
        DenseMath.Add(s.TagGrads.AsSpan(0, n * h2), dVectors);
        for (int i = 0; i < rows; i++)
        {
            var v = s.Vectors.AsSpan(i * h2, h2);
            var dv = dVectors.Slice(i * h2, h2);
            var g = s.PartGrads.AsSpan(i * width, Positions * m);
            DenseMath.OuterAdd(MoveIn.Grad, g, v);
            DenseMath.MatTVecAdd(MoveIn.Value, g, dv);
            var gh = s.PartGrads.AsSpan(i * width + Positions * m, l);
            var gd = s.PartGrads.AsSpan(i * width + Positions * m + l, l);
            DenseMath.OuterAdd(LabelHead.Grad, gh, v);
            DenseMath.MatTVecAdd(LabelHead.Value, gh, dv);
            DenseMath.OuterAdd(LabelDep.Grad, gd, v);
            DenseMath.MatTVecAdd(LabelDep.Value, gd, dv);
        }
        DenseMath.Add(dVectors.Slice(n * h2, h2), Root.Grad);
        DenseMath.Add(dVectors.Slice((n + 1) * h2, h2), None.Grad);
        if (Forward2 is { } f2 && Backward2 is { } b2)
        {
            Split(dVectors, n, h, s);
            var dLower = s.LowerGrads.AsSpan(0, n * h2);
            dLower.Clear();
            f2.Backward(s.ForwardTape2, n, reverse: false, s.Lower, s.ForwardGrads, dLower);
            b2.Backward(s.BackwardTape2, n, reverse: true, s.Lower, s.BackwardGrads, dLower);
            Split(dLower, n, h, s);
        }
        else Split(dVectors, n, h, s);
        var dx = s.InputGrads.AsSpan(0, n * d);
        dx.Clear();
        Forward.Backward(s.ForwardTape, n, reverse: false, s.Inputs, s.ForwardGrads, dx);
        Backward.Backward(s.BackwardTape, n, reverse: true, s.Inputs, s.BackwardGrads, dx);
        for (int i = 0; i < n; i++)
        {
            var g = dx.Slice(i * d, d);
            if (s.Dropped)
            {
                var mask = s.Mask.AsSpan(i * d, d);
                for (int k = 0; k < d; k++) g[k] *= mask[k];
            }
            int at = 0;
            DenseMath.Add(g.Slice(at, shape.WordDim), Words.GradRow(s.Word[i]));
            at += shape.WordDim;
            DenseMath.Add(g.Slice(at, shape.ClusterDim), Clusters.GradRow(s.Cluster[i]));
            at += shape.ClusterDim;
            DenseMath.Add(g.Slice(at, shape.TagDim), Tags.GradRow(s.Tag[i]));
            at += shape.TagDim;
            DenseMath.Add(g.Slice(at, shape.SuffixDim), Suffixes.GradRow(s.Suffix[i]));
            at += shape.SuffixDim;
            DenseMath.Add(g.Slice(at, shape.ShapeDim), Shapes.GradRow(s.Shape[i]));
        }
    }

    /// <summary>Splits gradients of [forward; backward] rows into the two directions' output gradients.</summary>
    private static void Split(ReadOnlySpan<float> rows, int n, int h, NeuralSentence s)
    {
        for (int i = 0; i < n; i++)
        {
            rows.Slice(i * 2 * h, h).CopyTo(s.ForwardGrads.AsSpan(i * h, h));
            rows.Slice(i * 2 * h + h, h).CopyTo(s.BackwardGrads.AsSpan(i * h, h));
        }
    }
}
