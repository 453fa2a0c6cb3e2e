namespace Parley.Nlp.Neural;

/// <summary>The precomputed tables parsing uses once the weights are final.</summary>
internal sealed partial class NeuralParserModel
{
    /// <summary>
    /// Precomputes what parsing needs from the weights, which must not change afterwards: every embedding row multiplied
    /// by its block of both LSTMs' input weights (so that a word's input projection is a sum of five rows, not a matrix
    /// product), and transposed recurrent and per-word weights for <see cref="DenseMath.MatVecTransposedAdd"/>.
    /// </summary>
    public void Freeze() => _plan = new InferencePlan(this);

    /// <summary>Drops the inference tables, before the weights change again (training).</summary>
    public void Thaw() => _plan = null;

    private sealed class InferencePlan
    {
        public readonly float[][] Projected;
        public readonly float[] Bias;
        public readonly float[] ForwardRecurrent, BackwardRecurrent, PartsTransposed, LabelOutTransposed, TagOutTransposed, TagInTransposed = [];
        /// <summary>Tag rows padded to a multiple of 64 for the SIMD product (padding scores are never read).</summary>
        public readonly int TagRows, LabelRows;
        /// <summary>Second layer: input weights of both directions stacked and transposed (2H x 8H), biases, recurrent weights.</summary>
        public readonly float[] Input2 = [], Bias2 = [], Forward2Recurrent = [], Backward2Recurrent = [];

        public InferencePlan(NeuralParserModel net)
        {
            var shape = net.Shape;
            int h = shape.Hidden, g4 = 4 * h, d = shape.InputDim;
            Parameter[] tables = [net.Words, net.Clusters, net.Tags, net.Suffixes, net.Shapes];
            Projected = new float[tables.Length][];
            int offset = 0;
            for (int t = 0; t < tables.Length; t++)
            {
                var table = tables[t];
                var projected = new float[(long)table.Rows * 2 * g4];
                // the block of W_x that multiplies this table's slice of the input, transposed for the SIMD product
                var forward = Block(net.Forward.Wx.Value, g4, d, offset, table.Cols);
                var backward = Block(net.Backward.Wx.Value, g4, d, offset, table.Cols);
                for (int v = 0; v < table.Rows; v++)
                {
                    var e = table.Row(v);
                    DenseMath.MatVecTransposedAdd(forward, e, projected.AsSpan(v * 2 * g4, g4));
                    DenseMath.MatVecTransposedAdd(backward, e, projected.AsSpan(v * 2 * g4 + g4, g4));
                }
                Projected[t] = projected;
                offset += table.Cols;
            }
            Bias = [.. net.Forward.Bias.Value, .. net.Backward.Bias.Value];
            ForwardRecurrent = DenseMath.Transpose(net.Forward.Wh.Value, g4, h);
            BackwardRecurrent = DenseMath.Transpose(net.Backward.Wh.Value, g4, h);
            int h2 = 2 * h;
            if (net.Forward2 is { } f2 && net.Backward2 is { } b2)
            {
                float[] both = [.. f2.Wx.Value, .. b2.Wx.Value];
                Input2 = DenseMath.Transpose(both, 2 * g4, h2);
                Bias2 = [.. f2.Bias.Value, .. b2.Bias.Value];
                Forward2Recurrent = DenseMath.Transpose(f2.Wh.Value, g4, h);
                Backward2Recurrent = DenseMath.Transpose(b2.Wh.Value, g4, h);
            }
            float[] stacked = [.. net.MoveIn.Value, .. net.LabelHead.Value, .. net.LabelDep.Value];
            PartsTransposed = DenseMath.Transpose(stacked, stacked.Length / h2, h2);
            // relation rows padded to a multiple of 64, like the tags: one SIMD block instead of a scalar tail
            LabelRows = (net.LabelCount + 63) / 64 * 64;
            var labelOut = new float[LabelRows * shape.LabelHidden];
            net.LabelOut.Value.CopyTo(labelOut, 0);
            LabelOutTransposed = DenseMath.Transpose(labelOut, LabelRows, shape.LabelHidden);
            TagRows = (net.TagCount + 63) / 64 * 64;
            int tagInput = net.TagInputWidth;
            var padded = new float[TagRows * tagInput];
            net.TagOut.Value.CopyTo(padded, 0);
            TagOutTransposed = DenseMath.Transpose(padded, TagRows, tagInput);
            if (net.TagIn is { } tagIn) TagInTransposed = DenseMath.Transpose(tagIn.Value, tagIn.Rows, h2);
        }

        /// <summary>Columns [offset, offset + width) of a rows x cols matrix, transposed (width x rows).</summary>
        private static float[] Block(float[] w, int rows, int cols, int offset, int width)
        {
            var t = new float[width * rows];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < width; c++) t[c * rows + r] = w[r * cols + offset + c];
            return t;
        }
    }
}
