using Parley.Nlp.Neural;
using Parley.Nlp.Parsing;

namespace Parley.Nlp.Tests.Parsing;

public class NeuralParserTests
{
    private static readonly NeuralParserShape Tiny = new() { WordDim = 8, ClusterDim = 8, TagDim = 8, SuffixDim = 8, ShapeDim = 8, Hidden = 8, MoveHidden = 16, LabelHidden = 8 };

    private static (NeuralParserModel Net, NeuralSentence Sentence) TinyNet(int seed, int layers = 1, int tagHidden = 0)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal) { ["the"] = 1, ["police"] = 2, ["arrested"] = 3, ["men"] = 4 };
        var tags = new Dictionary<string, int>(StringComparer.Ordinal) { ["DET|DT"] = 1, ["NOUN|NNS"] = 2, ["VERB|VBD"] = 3 };
        var shape = Tiny with { Layers = layers, TagHidden = tagHidden };
        var net = new NeuralParserModel(shape, words, tags, labels: 5, clusters: null);
        net.Initialise(new Random(seed));
        var s = new NeuralSentence();
        s.Reset(4, shape, training: true);
        (string Form, string Upos, string Xpos)[] input = [("The", "DET", "DT"), ("police", "NOUN", "NNS"), ("arrested", "VERB", "VBD"), ("men", "NOUN", "NNS")];
        for (int i = 0; i < input.Length; i++) net.SetWord(s, i, input[i].Form, input[i].Upos, input[i].Xpos);
        return (net, s);
    }

    // A fixed set of decisions: (s0, s1, s2, b0) for moves, (head, dep) for labels; -1 is "no word", 4 the root.
    private static readonly (int S0, int S1, int S2, int B0)[] Moves = [(-1, -1, -1, 0), (0, -1, -1, 1), (1, 0, -1, 2), (2, 1, 0, 3), (3, 2, -1, 4)];
    private static readonly (int Head, int Dep)[] Arcs = [(1, 0), (2, 1), (2, 3), (4, 2)];
    // gold tag ids of the four words (DET|DT, NOUN|NNS, VERB|VBD, NOUN|NNS)
    private static readonly int[] GoldTags = [1, 2, 3, 2];

    /// <summary>A loss linear in every score with fixed random weights, so its gradient with respect to the scores is those weights.</summary>
    private static double Loss(NeuralParserModel net, NeuralSentence s, float[][] moveWeights, float[][] labelWeights)
    {
        net.Encode(s);
        double loss = 0;
        Span<float> scores = stackalloc float[8];
        Span<float> hidden = stackalloc float[16];
        for (int k = 0; k < Moves.Length; k++)
        {
            var (s0, s1, s2, b0) = Moves[k];
            net.ScoreMoves(s, s0, s1, s2, b0, scores, hidden);
            for (int m = 0; m < 3; m++) loss += moveWeights[k][m] * scores[m];
        }
        for (int k = 0; k < Arcs.Length; k++)
        {
            net.ScoreLabels(s, Arcs[k].Head, Arcs[k].Dep, scores, hidden);
            for (int l = 0; l < 5; l++) loss += labelWeights[k][l] * scores[l];
        }
        // plus the tag layer's softmax loss
        net.PredictTags(s);
        int tags = net.TagCount;
        for (int i = 0; i < GoldTags.Length; i++)
        {
            var row = s.TagScores.AsSpan(i * tags, tags);
            double z = 0;
            for (int t = 1; t < tags; t++) z += Math.Exp(row[t]);
            loss += Math.Log(z) - row[GoldTags[i]];
        }
        return loss;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 8)]
    public void BackPropagationMatchesFiniteDifferences(int layers, int tagHidden)
    {
        var (net, s) = TinyNet(seed: 7, layers, tagHidden);
        var random = new Random(11);
        float[][] moveWeights = [.. Moves.Select(_ => Enumerable.Range(0, 3).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray())];
        float[][] labelWeights = [.. Arcs.Select(_ => Enumerable.Range(0, 5).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray())];
        foreach (var p in net.Parameters) p.StartTraining();

        // analytic gradient
        net.Encode(s);
        Span<float> scores = stackalloc float[8];
        Span<float> hidden = stackalloc float[16];
        for (int k = 0; k < Moves.Length; k++)
        {
            var (s0, s1, s2, b0) = Moves[k];
            net.ScoreMoves(s, s0, s1, s2, b0, scores, hidden);
            net.BackMoves(s, s0, s1, s2, b0, moveWeights[k], hidden);
        }
        for (int k = 0; k < Arcs.Length; k++)
        {
            net.ScoreLabels(s, Arcs[k].Head, Arcs[k].Dep, scores, hidden);
            net.BackLabels(s, Arcs[k].Head, Arcs[k].Dep, labelWeights[k], hidden);
        }
        net.PredictTags(s);
        var tagGradient = new float[net.TagCount];
        for (int i = 0; i < GoldTags.Length; i++) net.BackTag(s, i, GoldTags[i], tagGradient);
        net.BackSentence(s);

        int checkedCount = 0;
        foreach (var p in net.Parameters)
        {
            // a few entries of every parameter, including the embedding rows the sentence uses
            for (int probe = 0; probe < 6; probe++)
            {
                int i = probe < 3 ? random.Next(p.Value.Length) : Array.FindIndex(p.Grad!, g => MathF.Abs(g) > 1e-3f) + probe;
                if (i < 0 || i >= p.Value.Length) continue;
                float saved = p.Value[i];
                const float eps = 1e-2f;
                p.Value[i] = saved + eps;
                double plus = Loss(net, s, moveWeights, labelWeights);
                p.Value[i] = saved - eps;
                double minus = Loss(net, s, moveWeights, labelWeights);
                p.Value[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double analytic = p.Grad![i];
                Assert.True(Math.Abs(numeric - analytic) <= 2e-3 + 2e-2 * Math.Abs(numeric),
                    $"{p.Name}[{i}]: back-propagation {analytic:G5}, finite differences {numeric:G5}");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 60);
    }

    [Fact]
    public void LearnsATinyTreebankAndReloadsIdentically()
    {
        var treebank = TinyTreebank.Sentences();
        var perceptron = DependencyParser.Train(treebank, [], new ParserTrainOptions { Seed = 3, Epochs = 2, MoveBits = 12, LabelBits = 8, SimulateTagErrors = false });
        var options = new NeuralTrainOptions { Seed = 3, Epochs = 30, Shape = new() { Hidden = 16, MoveHidden = 32, LabelHidden = 16, WordDim = 16 }, Dropout = 0, WordDropout = 0, Batch = 2, LearningRate = 0.01f };
        var parser = NeuralParserTrainer.Train(perceptron, treebank, options);
        Assert.True(parser.IsNeural);
        var score = ParserEvaluation.Evaluate(parser, treebank);
        Assert.True(score.Uas >= 95, $"UAS {score.Uas:F1} on its own training sentences");
        Assert.True(score.Las >= 90, $"LAS {score.Las:F1} on its own training sentences");

        string dir = Directory.CreateTempSubdirectory("parley-neural-").FullName;
        try
        {
            perceptron.Save(dir);
            parser.SaveNeural(Path.Combine(dir, DependencyParser.NeuralFileName));
            var loaded = DependencyParser.Load(dir);
            Assert.True(loaded.IsNeural);
            TinyTreebank.AssertSameParses(parser, loaded, treebank);
            // the same training run twice gives the same network
            var again = NeuralParserTrainer.Train(perceptron, treebank, options);
            string second = Path.Combine(dir, "again.bin.gz");
            again.SaveNeural(second);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, DependencyParser.NeuralFileName)), File.ReadAllBytes(second));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 64)]
    public void FrozenTablesScoreLikeTheTrainingPath(int layers, int tagHidden)
    {
        var (net, s) = TinyNet(seed: 5, layers, tagHidden);
        Span<float> a = stackalloc float[64];
        Span<float> b = stackalloc float[64];
        Span<float> hidden = stackalloc float[16];
        var slow = new List<float>();
        net.Encode(s);
        foreach (var (s0, s1, s2, b0) in Moves) { net.ScoreMoves(s, s0, s1, s2, b0, a, hidden); slow.AddRange(a[..3].ToArray()); }
        foreach (var (head, dep) in Arcs) { net.ScoreLabels(s, head, dep, a, hidden); slow.AddRange(a[..5].ToArray()); }
        net.PredictTags(s);
        var slowTags = s.PredictedTag[..4];
        var slowTagScores = s.TagScores[..(4 * net.TagCount)];
        net.Freeze();
        net.Encode(s);
        net.PredictTags(s);
        Assert.Equal(slowTags, s.PredictedTag[..4]);
        for (int i = 0; i < 4; i++)
            for (int t = 1; t < net.TagCount; t++) Assert.Equal(slowTagScores[i * net.TagCount + t], s.TagScores[i * 64 + t], 4);
        int k = 0;
        foreach (var (s0, s1, s2, b0) in Moves)
        {
            net.ScoreMoves(s, s0, s1, s2, b0, b, hidden);
            for (int m = 0; m < 3; m++) Assert.Equal(slow[k++], b[m], 4);
        }
        foreach (var (head, dep) in Arcs)
        {
            net.ScoreLabels(s, head, dep, b, hidden);
            for (int l = 0; l < 5; l++) Assert.Equal(slow[k++], b[l], 4);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(208)]
    [InlineData(256 + 64 + 16)]
    [InlineData(203)]
    public void Transposed_product_is_the_same_at_either_SIMD_width(int rows)
    {
        // one generic kernel serves both widths; each lane adds the same products in the same order, so where no scalar
        // tail is left (rows a multiple of 16) both widths and the dispatching product agree to the bit
        const int cols = 37;
        var rng = new Random(rows);
        var wt = Enumerable.Range(0, rows * cols).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var x = Enumerable.Range(0, cols).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var y0 = Enumerable.Range(0, rows).Select(_ => (float)rng.NextDouble()).ToArray();
        var reference = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = y0[r];
            for (int c = 0; c < cols; c++) sum += (double)wt[c * rows + r] * x[c];
            reference[r] = (float)sum;
        }
        var any = (float[])y0.Clone();
        DenseMath.MatVecTransposedAdd(wt, x, any);
        foreach (bool wide in new[] { true, false })
        {
            var y = (float[])y0.Clone();
            if (!DenseMath.RowsByFourInternal(wide, wt, x, y)) continue;
            for (int r = 0; r < rows; r++)
            {
                Assert.True(MathF.Abs(y[r] - reference[r]) < 1e-4f, $"width {(wide ? 512 : 256)}, row {r}");
                if (rows % 16 == 0) Assert.Equal(BitConverter.SingleToInt32Bits(any[r]), BitConverter.SingleToInt32Bits(y[r]));
            }
        }
    }

    [Fact]
    public void TanhApproximationIsAccurate()
    {
        var xs = Enumerable.Range(-400, 801).Select(i => i / 40f).ToArray();
        var ys = (float[])xs.Clone();
        DenseMath.Tanh(ys);
        for (int i = 0; i < xs.Length; i++) Assert.True(MathF.Abs(ys[i] - MathF.Tanh(xs[i])) < 1e-5f, $"tanh({xs[i]})");
        var sig = (float[])xs.Clone();
        DenseMath.Sigmoid(sig);
        for (int i = 0; i < xs.Length; i++) Assert.True(MathF.Abs(sig[i] - 1 / (1 + MathF.Exp(-xs[i]))) < 1e-5f, $"sigmoid({xs[i]})");
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(64, false)]
    [InlineData(24, true)]
    [InlineData(8, false)]
    public void Fused_lstm_cell_gives_the_floats_of_the_separate_steps(int h, bool hasPrevious)
    {
        var random = new Random(h);
        var gates = Enumerable.Range(0, 4 * h).Select(_ => (random.NextSingle() - 0.5f) * 12).ToArray();
        var cPrev = Enumerable.Range(0, h).Select(_ => (random.NextSingle() - 0.5f) * 4).ToArray();
        // the separate steps, as the LSTM took them before the fused cell
        var expected = (float[])gates.Clone();
        DenseMath.Sigmoid(expected.AsSpan(0, 2 * h));
        DenseMath.Tanh(expected.AsSpan(2 * h, h));
        DenseMath.Sigmoid(expected.AsSpan(3 * h, h));
        var c = new float[h];
        for (int j = 0; j < h; j++)
        {
            float cj = expected[j] * expected[2 * h + j];
            if (hasPrevious) cj += expected[h + j] * cPrev[j];
            c[j] = cj;
        }
        var tc = (float[])c.Clone();
        DenseMath.Tanh(tc);
        var output = new float[h];
        for (int j = 0; j < h; j++) output[j] = expected[3 * h + j] * tc[j];

        float[] fusedC = new float[h], fusedTc = new float[h], fusedOut = new float[h];
        if (!DenseMath.LstmCell(gates, hasPrevious ? cPrev : default, fusedC, fusedTc, fusedOut, h))
        {
            // no 256-bit SIMD: the LSTM keeps the separate steps
            Assert.False(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated);
            return;
        }
        Assert.Equal(Bits(expected), Bits(gates));
        Assert.Equal(Bits(c), Bits(fusedC));
        Assert.Equal(Bits(tc), Bits(fusedTc));
        Assert.Equal(Bits(output), Bits(fusedOut));
        Assert.False(DenseMath.LstmCell(new float[4 * 12], default, new float[12], new float[12], new float[12], 12));
    }

    [Theory]
    [InlineData(128, 40, 7)]
    [InlineData(64, 128, 8)]
    [InlineData(48, 16, 5)]
    public void Batched_products_give_the_floats_of_one_product_per_row(int rows, int cols, int count)
    {
        var random = new Random(rows + cols + count);
        float[] Fill(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextSingle() - 0.5f)];
        var wt = Fill(rows * cols);
        var x = Fill(count * cols);
        var start = Fill(count * rows);
        var added = (float[])start.Clone();
        var set = Fill(count * rows);
        DenseMath.MatMatTransposedAdd(wt, x, added, count);
        DenseMath.MatMatTransposedSet(wt, x, set, count);
        var expectedAdded = (float[])start.Clone();
        var expectedSet = new float[count * rows];
        for (int t = 0; t < count; t++)
        {
            DenseMath.MatVecTransposedAdd(wt, x.AsSpan(t * cols, cols), expectedAdded.AsSpan(t * rows, rows));
            DenseMath.MatVecTransposedAdd(wt, x.AsSpan(t * cols, cols), expectedSet.AsSpan(t * rows, rows));
        }
        Assert.Equal(Bits(expectedAdded), Bits(added));
        Assert.Equal(Bits(expectedSet), Bits(set));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(20)]
    public void Sum_of_rows_gives_the_floats_of_adding_them_one_after_the_other(int n)
    {
        var random = new Random(n);
        float[][] rows = [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, n).Select(_ => (random.NextSingle() - 0.5f) * 8).ToArray())];
        var expected = (float[])rows[0].Clone();
        for (int r = 1; r < 6; r++) DenseMath.Add(rows[r], expected);
        var sum = new float[n];
        DenseMath.SumOfRows(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], sum);
        Assert.Equal(Bits(expected), Bits(sum));
    }

    [Theory]
    [InlineData(256, 64)]
    [InlineData(128, 40)]
    [InlineData(96, 16)]
    public void Paired_products_give_the_floats_of_two_products(int rows, int cols)
    {
        var random = new Random(rows * cols);
        float[] Fill(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextSingle() - 0.5f)];
        var wt = Fill(rows * cols);
        float[] xa = Fill(cols), xb = Fill(cols), ya = Fill(rows), yb = Fill(rows);
        float[] expectedA = (float[])ya.Clone(), expectedB = (float[])yb.Clone();
        DenseMath.MatVecTransposedAdd(wt, xa, expectedA);
        DenseMath.MatVecTransposedAdd(wt, xb, expectedB);
        DenseMath.MatVecTransposedAddPair(wt, xa, ya, xb, yb);
        Assert.Equal(Bits(expectedA), Bits(ya));
        Assert.Equal(Bits(expectedB), Bits(yb));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_sentences_side_by_side_get_the_floats_of_their_own_recurrences(bool reverse)
    {
        const int hidden = 64;
        var layer = new LstmLayer("test", 8, hidden);
        layer.Initialise(new Random(3));
        var transposed = DenseMath.Transpose(layer.Wh.Value, 4 * hidden, hidden);
        var random = new Random(4);
        LstmTape Tape(int count)
        {
            var tape = new LstmTape();
            tape.Ensure(count, hidden);
            for (int i = 0; i < count * 4 * hidden; i++) tape.Gates[i] = (random.NextSingle() - 0.5f) * 4;
            return tape;
        }
        LstmTape Copy(LstmTape tape) => new() { Gates = (float[])tape.Gates.Clone(), C = new float[tape.C.Length], TanhC = new float[tape.TanhC.Length], H = new float[tape.H.Length] };
        // a shorter and a longer sentence: the longer one runs alone once the shorter ends
        LstmTape a = Tape(5), b = Tape(9);
        LstmTape soloA = Copy(a), soloB = Copy(b);
        layer.Forward(soloA, 5, reverse, transposed);
        layer.Forward(soloB, 9, reverse, transposed);
        layer.ForwardPair(a, 5, b, 9, reverse, transposed);
        Assert.Equal(Bits(soloA.H[..(5 * hidden)]), Bits(a.H[..(5 * hidden)]));
        Assert.Equal(Bits(soloB.H[..(9 * hidden)]), Bits(b.H[..(9 * hidden)]));
        Assert.Equal(Bits(soloB.C[..(9 * hidden)]), Bits(b.C[..(9 * hidden)]));
    }

    private static int[] Bits(float[] xs) => [.. xs.Select(BitConverter.SingleToInt32Bits)];
}

public class ShippedParserLayerTests
{
    [Fact]
    public void The_shipped_parser_corrects_tags_and_reanalyses_features_and_lemmas()
    {
        string dir = Parley.Core.ModelLocator.FindModel("nlp-en-ewt") ?? throw new InvalidOperationException("models/nlp-en-ewt not found");
        var model = NlpModel.Load(dir);
        var tagger = model.TaggerComponent();
        var parser = DependencyParser.Load(Path.Combine(dir, DependencyParser.Subfolder));
        Assert.True(parser.IsNeural);
        Assert.True(parser.OutputsTags);
        var component = new ParserComponent(parser, tagger);
        // its descriptor says so: the parse assigned, the tagger's tags and lemmas amended
        Assert.Equal(Parley.Core.Layers.Parse, ParserComponent.Descriptor.Assigns);
        Assert.Equal(Parley.Core.Layers.Tags | Parley.Core.Layers.Lemmas, ParserComponent.Descriptor.Amends);

        // whatever tags the network settles on, each token's lemma is the lemmatizer's for those tags
        var doc = new Parley.Core.Document("t", "The talks resumed in Doha after the militants attacks on Kabul ended.");
        model.TokenizerComponent().Process(doc);
        tagger.Process(doc);
        component.Process(doc);
        var expected = new Parley.Core.Document("t", doc.Text);
        model.TokenizerComponent().Process(expected);
        tagger.Process(expected);
        for (int i = 0; i < doc.TokenCount; i++)
        {
            ref var t = ref expected.TokensMutable[i];
            t.Upos = doc.Tokens[i].Upos;
            t.Xpos = doc.Tokens[i].Xpos;
            tagger.Reanalyse(expected, i);
            Assert.Equal(expected.Tokens[i].Lemma, doc.Tokens[i].Lemma);
            Assert.Equal(expected.Tokens[i].Feats, doc.Tokens[i].Feats);
        }
    }
}
