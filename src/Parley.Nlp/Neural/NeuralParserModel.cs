using Parley.Nlp.Learning;
using Parley.Nlp.Parsing;

namespace Parley.Nlp.Neural;

/// <summary>Sizes of the neural parser's layers; the defaults are the shipped parser's (training reads them from here).</summary>
public sealed record NeuralParserShape
{
    public int WordDim { get; init; } = 64;
    public int ClusterDim { get; init; } = 32;
    public int TagDim { get; init; } = 32;
    public int SuffixDim { get; init; } = 16;
    public int ShapeDim { get; init; } = 16;
    /// <summary>LSTM units per direction; a word's vector has twice as many.</summary>
    public int Hidden { get; init; } = 64;
    public int MoveHidden { get; init; } = 128;
    public int LabelHidden { get; init; } = 64;
    /// <summary>Stacked BiLSTM layers (1 or 2).</summary>
    public int Layers { get; init; } = 1;
    /// <summary>Units of the tag layer's hidden tanh layer; 0: the tags are a linear function of the word's vector.</summary>
    public int TagHidden { get; init; }

    public int InputDim => WordDim + ClusterDim + TagDim + SuffixDim + ShapeDim;
}

/// <summary>
/// A bidirectional-LSTM transition scorer in the manner of Kiperwasser and Goldberg (2016): each word is the
/// concatenation of embeddings of its form, word cluster, predicted UPOS/XPOS pair, suffix and shape; a one-layer
/// BiLSTM reads the sentence; an arc-hybrid move is scored by a tanh layer over the vectors of the top three stack
/// words and the buffer front, and an arc's relation by a tanh layer over the head's and dependent's vectors.
/// The first layers of both scorers are linear in each word's vector, so they are computed once per word
/// (<see cref="NeuralSentence.Parts"/>), not once per move. Immutable after training or loading.
/// </summary>
internal sealed partial class NeuralParserModel
{
    public const string FileName = "neural.bin.gz";
    private const string Magic = "PARLEY-NEURAL-DEP";
    private const int FormatVersion = 2;
    public const int Positions = 4;
    public const int SuffixBuckets = 2048;
    public const int ShapeCount = 32 * WordClusterTable.CaseBuckets;

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int> _tags;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tagLookup;
    private readonly WordClusterTable? _clusters;

    public NeuralParserModel(NeuralParserShape shape, Dictionary<string, int> words, Dictionary<string, int> tags, int labels, WordClusterTable? clusters)
    {
        Shape = shape;
        _words = words;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _tags = tags;
        _tagLookup = tags.GetAlternateLookup<ReadOnlySpan<char>>();
        _clusters = clusters;
        LabelCount = labels;
        int h2 = 2 * shape.Hidden;
        Words = new Parameter("emb.word", words.Count + 1, shape.WordDim);
        Clusters = new Parameter("emb.cluster", (clusters?.FineCount ?? 0) + 1, shape.ClusterDim);
        Tags = new Parameter("emb.tag", tags.Count + 1, shape.TagDim);
        Suffixes = new Parameter("emb.suffix", SuffixBuckets, shape.SuffixDim);
        Shapes = new Parameter("emb.shape", ShapeCount, shape.ShapeDim);
        Forward = new LstmLayer("lstm.fwd", shape.InputDim, shape.Hidden);
        Backward = new LstmLayer("lstm.bwd", shape.InputDim, shape.Hidden);
        if (shape.Layers > 1)
        {
            Forward2 = new LstmLayer("lstm2.fwd", h2, shape.Hidden);
            Backward2 = new LstmLayer("lstm2.bwd", h2, shape.Hidden);
        }
        Root = new Parameter("root", 1, h2);
        None = new Parameter("none", 1, h2);
        MoveIn = new Parameter("move.in", Positions * shape.MoveHidden, h2);
        MoveBias = new Parameter("move.b", 1, shape.MoveHidden);
        MoveOut = new Parameter("move.out", 3, shape.MoveHidden);
        MoveOutBias = new Parameter("move.out.b", 1, 3);
        LabelHead = new Parameter("label.head", shape.LabelHidden, h2);
        LabelDep = new Parameter("label.dep", shape.LabelHidden, h2);
        LabelDirection = new Parameter("label.dir", 2, shape.LabelHidden);
        LabelOut = new Parameter("label.out", labels, shape.LabelHidden);
        LabelOutBias = new Parameter("label.out.b", 1, labels);
        if (shape.TagHidden > 0)
        {
            TagIn = new Parameter("tag.in", shape.TagHidden, h2);
            TagInBias = new Parameter("tag.in.b", 1, shape.TagHidden);
        }
        TagOut = new Parameter("tag.out", tags.Count + 1, shape.TagHidden > 0 ? shape.TagHidden : h2);
        TagOutBias = new Parameter("tag.out.b", 1, tags.Count + 1);
        TagUpos = new string[tags.Count + 1];
        TagXpos = new string[tags.Count + 1];
        TagUpos[0] = TagXpos[0] = "_";
        foreach (var (key, id) in tags)
        {
            int bar = key.IndexOf('|', StringComparison.Ordinal);
            TagUpos[id] = key[..bar];
            TagXpos[id] = key[(bar + 1)..];
        }
    }

    /// <summary>UPOS and XPOS of each tag id (0: unknown).</summary>
    public string[] TagUpos { get; }
    public string[] TagXpos { get; }
    /// <summary>Tag ids: 1 to this count - 1.</summary>
    public int TagCount => TagOutBias.Cols;

    /// <summary>Inference tables (<see cref="Freeze"/>); null while training.</summary>
    private InferencePlan? _plan;

    public NeuralParserShape Shape { get; }
    public int LabelCount { get; }
    /// <summary>Weight of the averaged perceptron's move scores added to the network's (0: the network alone).</summary>
    public float PerceptronWeight { get; set; }
    /// <summary>Weight of the averaged perceptron's relation scores added to the network's.</summary>
    public float PerceptronLabelWeight { get; set; }
    /// <summary>Whether the parser outputs the tag layer's UPOS/XPOS instead of the tagger's (set when it scores better on dev).</summary>
    public bool OutputsTags { get; set; }
    public WordClusterTable? ClusterTable => _clusters;
    public Parameter Words { get; }
    public Parameter Clusters { get; }
    public Parameter Tags { get; }
    public Parameter Suffixes { get; }
    public Parameter Shapes { get; }
    public LstmLayer Forward { get; }
    public LstmLayer Backward { get; }
    /// <summary>The second BiLSTM layer, reading the first one's vectors; null with one layer.</summary>
    public LstmLayer? Forward2 { get; }
    public LstmLayer? Backward2 { get; }
    public Parameter Root { get; }
    public Parameter None { get; }
    public Parameter MoveIn { get; }
    public Parameter MoveBias { get; }
    public Parameter MoveOut { get; }
    public Parameter MoveOutBias { get; }
    public Parameter LabelHead { get; }
    public Parameter LabelDep { get; }
    public Parameter LabelDirection { get; }
    public Parameter LabelOut { get; }
    public Parameter LabelOutBias { get; }
    /// <summary>
    /// The tag layer: from a word's vector, its UPOS/XPOS pair. The network reads the tagger's tags and the whole sentence,
    /// so it learns where the tagger goes wrong (it is trained on jackknifed tags); the parser's output carries its tags.
    /// </summary>
    public Parameter TagOut { get; }
    public Parameter TagOutBias { get; }
    /// <summary>The tag layer's hidden layer, when <see cref="NeuralParserShape.TagHidden"/> > 0.</summary>
    public Parameter? TagIn { get; }
    public Parameter? TagInBias { get; }
    /// <summary>Width of what the tag output layer reads: the hidden layer's units, or the word's vector.</summary>
    private int TagInputWidth => TagIn?.Rows ?? 2 * Shape.Hidden;

    public IReadOnlyList<Parameter> Parameters =>
    [
        Words, Clusters, Tags, Suffixes, Shapes, .. Forward.Parameters, .. Backward.Parameters,
        .. Forward2?.Parameters ?? [], .. Backward2?.Parameters ?? [], Root, None,
        MoveIn, MoveBias, MoveOut, MoveOutBias, LabelHead, LabelDep, LabelDirection, LabelOut, LabelOutBias,
        .. TagIn is null ? Array.Empty<Parameter>() : [TagIn, TagInBias!], TagOut, TagOutBias,
    ];

    public void Initialise(Random random)
    {
        foreach (var p in new[] { Words, Clusters, Tags, Suffixes, Shapes, Root, None }) p.Initialise(random, 0.1f);
        Forward.Initialise(random);
        Backward.Initialise(random);
        Forward2?.Initialise(random);
        Backward2?.Initialise(random);
        MoveIn.Initialise(random);
        MoveOut.Initialise(random);
        LabelHead.Initialise(random);
        LabelDep.Initialise(random);
        LabelOut.Initialise(random);
        TagIn?.Initialise(random);
        TagOut.Initialise(random);
    }

    // ---------------------------------------------------------------- word ids

    /// <summary>The form as the word table keys it: lower case, digits as 0.</summary>
    public static string WordKey(ReadOnlySpan<char> form) => WordClusterTable.Normalise(form);

    public static string TagKey(ReadOnlySpan<char> upos, ReadOnlySpan<char> xpos) => string.Concat(upos, "|", xpos);

    /// <summary>Sets the embedding ids of word <paramref name="i"/> of a sentence being prepared.</summary>
    public void SetWord(NeuralSentence s, int i, ReadOnlySpan<char> form, ReadOnlySpan<char> upos, ReadOnlySpan<char> xpos)
    {
        int length = Math.Min(form.Length, WordClusterTable.MaxChars);
        Span<char> key = stackalloc char[Math.Max(length, 1)];
        WordClusterTable.Normalise(form[..length], key);
        s.Word[i] = _wordLookup.TryGetValue(key[..length], out int w) ? w : 0;
        s.Tag[i] = TagId(upos, xpos);
        int code = _clusters?.Lookup(form) ?? 0;
        s.Cluster[i] = _clusters?.Cluster(code, 0) ?? 0;
        s.Shape[i] = Math.Min(TokenAttributes.ShapeOf(form), 31) * WordClusterTable.CaseBuckets + WordClusterTable.CaseBucket(code);
        s.Suffix[i] = (int)(FeatureHash.Parser.Suffix(form, 3, 5) % SuffixBuckets);
    }

    // ---------------------------------------------------------------- encoding and scoring

    /// <summary>
    /// Reads the sentence (ids set by <see cref="SetWord"/>): word vectors, then the per-word parts of the move and label
    /// layers. With <paramref name="dropout"/> > 0 (training) the input vectors are dropped out and kept for back-propagation.
    /// </summary>
    public void Encode(NeuralSentence s, float dropout = 0, Random? random = null)
    {
        var shape = Shape;
        int n = s.Count, d = shape.InputDim, h = shape.Hidden, h2 = 2 * h;
        if (_plan is { } plan && dropout == 0)
        {
            EncodeFrozen(s, null, plan);
            return;
        }
        var x = s.Inputs;
        s.Dropped = dropout > 0;
        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            Words.Row(s.Word[i]).CopyTo(row);
            int at = shape.WordDim;
            Clusters.Row(s.Cluster[i]).CopyTo(row[at..]);
            at += shape.ClusterDim;
            Tags.Row(s.Tag[i]).CopyTo(row[at..]);
            at += shape.TagDim;
            Suffixes.Row(s.Suffix[i]).CopyTo(row[at..]);
            at += shape.SuffixDim;
            Shapes.Row(s.Shape[i]).CopyTo(row[at..]);
            if (dropout > 0)
            {
                var mask = s.Mask.AsSpan(i * d, d);
                float keep = 1f / (1 - dropout);
                for (int k = 0; k < d; k++)
                {
                    mask[k] = random!.NextSingle() < dropout ? 0f : keep;
                    row[k] *= mask[k];
                }
            }
        }
        Forward.Project(x, n, s.ForwardTape.Gates);
        Forward.Forward(s.ForwardTape, n, reverse: false);
        Backward.Project(x, n, s.BackwardTape.Gates);
        Backward.Forward(s.BackwardTape, n, reverse: true);
        if (Forward2 is { } f2 && Backward2 is { } b2)
        {
            Concatenate(s.ForwardTape, s.BackwardTape, n, h, s.Lower);
            f2.Project(s.Lower, n, s.ForwardTape2.Gates);
            f2.Forward(s.ForwardTape2, n, reverse: false);
            b2.Project(s.Lower, n, s.BackwardTape2.Gates);
            b2.Forward(s.BackwardTape2, n, reverse: true);
            Concatenate(s.ForwardTape2, s.BackwardTape2, n, h, s.Vectors);
        }
        else Concatenate(s.ForwardTape, s.BackwardTape, n, h, s.Vectors);
        FinishEncoding(s);
    }

    /// <summary>
    /// <see cref="Encode"/> of two sentences (inference): with the inference tables, their recurrences run side by side and
    /// share each pass over the recurrent weights. Each sentence gets the floats of its own encoding.
    /// </summary>
    public void EncodePair(NeuralSentence a, NeuralSentence b)
    {
        if (_plan is { } plan) EncodeFrozen(a, b, plan);
        else
        {
            Encode(a);
            Encode(b);
        }
    }

    /// <summary>Encoding with the inference tables (of one sentence, or two side by side): input projections are sums of precomputed rows.</summary>
    private void EncodeFrozen(NeuralSentence a, NeuralSentence? b, InferencePlan plan)
    {
        int h = Shape.Hidden;
        InputSums(a, plan);
        if (b is not null) InputSums(b, plan);
        Forward.ForwardPair(a.ForwardTape, a.Count, b?.ForwardTape, b?.Count ?? 0, reverse: false, plan.ForwardRecurrent);
        Backward.ForwardPair(a.BackwardTape, a.Count, b?.BackwardTape, b?.Count ?? 0, reverse: true, plan.BackwardRecurrent);
        if (Forward2 is { } f2 && Backward2 is { } b2)
        {
            SecondLayerInputs(a, plan);
            if (b is not null) SecondLayerInputs(b, plan);
            f2.ForwardPair(a.ForwardTape2, a.Count, b?.ForwardTape2, b?.Count ?? 0, reverse: false, plan.Forward2Recurrent);
            b2.ForwardPair(a.BackwardTape2, a.Count, b?.BackwardTape2, b?.Count ?? 0, reverse: true, plan.Backward2Recurrent);
            Concatenate(a.ForwardTape2, a.BackwardTape2, a.Count, h, a.Vectors);
            if (b is not null) Concatenate(b.ForwardTape2, b.BackwardTape2, b.Count, h, b.Vectors);
        }
        else
        {
            Concatenate(a.ForwardTape, a.BackwardTape, a.Count, h, a.Vectors);
            if (b is not null) Concatenate(b.ForwardTape, b.BackwardTape, b.Count, h, b.Vectors);
        }
        FinishEncoding(a);
        if (b is not null) FinishEncoding(b);
    }

    /// <summary>The first layer's projected inputs of every word: each direction's half of five precomputed rows, summed into its tape.</summary>
    private void InputSums(NeuralSentence s, InferencePlan plan)
    {
        int n = s.Count, g4 = 4 * Shape.Hidden, g8 = 2 * g4;
        var p = plan.Projected;
        for (int i = 0; i < n; i++)
        {
            // bias first, then the rows in order
            for (int half = 0; half < 2; half++)
            {
                int at = half * g4;
                DenseMath.SumOfRows(plan.Bias.AsSpan(at, g4), p[0].AsSpan(s.Word[i] * g8 + at, g4), p[1].AsSpan(s.Cluster[i] * g8 + at, g4),
                    p[2].AsSpan(s.Tag[i] * g8 + at, g4), p[3].AsSpan(s.Suffix[i] * g8 + at, g4), p[4].AsSpan(s.Shape[i] * g8 + at, g4),
                    (half == 0 ? s.ForwardTape : s.BackwardTape).Gates.AsSpan(i * g4, g4));
            }
        }
    }

    /// <summary>The second layer's projected inputs: the first layer's vectors, then both directions' input projections of every word in one batched product.</summary>
    private void SecondLayerInputs(NeuralSentence s, InferencePlan plan)
    {
        int n = s.Count, h = Shape.Hidden, h2 = 2 * h, g4 = 4 * h, g8 = 8 * h;
        Concatenate(s.ForwardTape, s.BackwardTape, n, h, s.Lower);
        var projected = s.Projected2.AsSpan(0, n * g8);
        for (int i = 0; i < n; i++) plan.Bias2.CopyTo(projected.Slice(i * g8, g8));
        DenseMath.MatMatTransposedAdd(plan.Input2, s.Lower.AsSpan(0, n * h2), projected, n);
        for (int i = 0; i < n; i++)
        {
            projected.Slice(i * g8, g4).CopyTo(s.ForwardTape2.Gates.AsSpan(i * g4, g4));
            projected.Slice(i * g8 + g4, g4).CopyTo(s.BackwardTape2.Gates.AsSpan(i * g4, g4));
        }
    }

    /// <summary>The root's and the empty position's vectors after the words', then the per-word parts of the scorers.</summary>
    private void FinishEncoding(NeuralSentence s)
    {
        int n = s.Count, h2 = 2 * Shape.Hidden;
        Root.Value.CopyTo(s.Vectors.AsSpan(n * h2, h2));
        None.Value.CopyTo(s.Vectors.AsSpan((n + 1) * h2, h2));
        WordParts(s);
    }

    /// <summary>Rows of [forward output; backward output], 2H floats per word.</summary>
    private static void Concatenate(LstmTape forward, LstmTape backward, int n, int h, float[] into)
    {
        for (int i = 0; i < n; i++)
        {
            forward.H.AsSpan(i * h, h).CopyTo(into.AsSpan(i * 2 * h, h));
            backward.H.AsSpan(i * h, h).CopyTo(into.AsSpan(i * 2 * h + h, h));
        }
    }

    /// <summary>
    /// Each row's parts: MoveIn block p times the row's vector for the four positions, then LabelHead and LabelDep times it
    /// (<see cref="PartsWidth"/> floats per row).
    /// </summary>
    private void WordParts(NeuralSentence s)
    {
        int rows = s.Count + 2, m = Shape.MoveHidden, l = Shape.LabelHidden, h2 = 2 * Shape.Hidden, width = PartsWidth;
        var parts = s.Parts.AsSpan(0, rows * width);
        if (_plan is { } plan)
        {
            DenseMath.MatMatTransposedSet(plan.PartsTransposed, s.Vectors.AsSpan(0, rows * h2), parts, rows);
            return;
        }
        parts.Clear();
        for (int i = 0; i < rows; i++)
        {
            var v = s.Vectors.AsSpan(i * h2, h2);
            var row = parts.Slice(i * width, width);
            DenseMath.MatVecAdd(MoveIn.Value, Positions * m, v, row);
            DenseMath.MatVecAdd(LabelHead.Value, l, v, row.Slice(Positions * m, l));
            DenseMath.MatVecAdd(LabelDep.Value, l, v, row.Slice(Positions * m + l, l));
        }
    }

    /// <summary>Floats of per-word parts: four move blocks and the label head and dependent parts.</summary>
    public int PartsWidth => Positions * Shape.MoveHidden + 2 * Shape.LabelHidden;

    private int MovePart(NeuralSentence s, int position, int word) => RowOf(s, word) * PartsWidth + position * Shape.MoveHidden;
    private int HeadPart(NeuralSentence s, int word) => RowOf(s, word) * PartsWidth + Positions * Shape.MoveHidden;
    private int DepPart(NeuralSentence s, int word) => RowOf(s, word) * PartsWidth + Positions * Shape.MoveHidden + Shape.LabelHidden;

    /// <summary>Each word's most likely tag id by the tag layer, into s.PredictedTag (after <see cref="Encode"/>).</summary>
    public void PredictTags(NeuralSentence s)
    {
        int n = s.Count, h2 = 2 * Shape.Hidden, tags = TagCount;
        var plan = _plan;
        int stride = plan?.TagRows ?? tags;
        s.EnsureTagScores(stride);
        var scores = s.TagScores.AsSpan(0, n * stride);
        if (plan is null) scores.Clear();
        int width = TagInputWidth;
        var input = s.Vectors.AsSpan(0, n * h2);
        if (TagIn is { } tagIn)
        {
            // hidden tanh layer: its values are kept for back-propagation
            if (s.TagHiddenValues.Length < n * width) s.TagHiddenValues = new float[Math.Max(n, 64) * 2 * width];
            var hidden = s.TagHiddenValues.AsSpan(0, n * width);
            for (int i = 0; i < n; i++) TagInBias!.Value.CopyTo(hidden.Slice(i * width, width));
            if (plan is not null && width % 64 == 0) DenseMath.MatMatTransposedAdd(plan.TagInTransposed, input, hidden, n);
            else
                for (int i = 0; i < n; i++) DenseMath.MatVecAdd(tagIn.Value, width, input.Slice(i * h2, h2), hidden.Slice(i * width, width));
            DenseMath.Tanh(hidden);
            input = hidden;
        }
        if (plan is not null) DenseMath.MatMatTransposedSet(plan.TagOutTransposed, input, scores, n);
        else
            for (int i = 0; i < n; i++) DenseMath.MatVecAdd(TagOut.Value, tags, input.Slice(i * width, width), scores.Slice(i * stride, tags));
        var bias = TagOutBias.Value;
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * stride, tags);
            int best = 1;
            for (int t = 1; t < tags; t++)
            {
                row[t] += bias[t];
                if (row[t] > row[best]) best = t;
            }
            s.PredictedTag[i] = best;
        }
    }

    /// <summary>Softmax loss of word i's tag layer toward <paramref name="gold"/> (after <see cref="PredictTags"/>); returns the loss.</summary>
    public double BackTag(NeuralSentence s, int i, int gold, Span<float> gradient)
    {
        int tags = TagCount, h2 = 2 * Shape.Hidden;
        var row = s.TagScores.AsSpan(i * tags, tags);
        float max = float.NegativeInfinity;
        for (int t = 1; t < tags; t++) max = MathF.Max(max, row[t]);
        float z = 0;
        gradient[0] = 0;
        for (int t = 1; t < tags; t++) { gradient[t] = MathF.Exp(row[t] - max); z += gradient[t]; }
        for (int t = 1; t < tags; t++) gradient[t] /= z;
        double loss = -Math.Log(Math.Max(gradient[gold], 1e-30f));
        gradient[gold] -= 1;
        var g = gradient[..tags];
        var v = s.Vectors.AsSpan(i * h2, h2);
        DenseMath.Add(g, TagOutBias.Grad);
        if (TagIn is { } tagIn)
        {
            int width = tagIn.Rows;
            var hidden = s.TagHiddenValues.AsSpan(i * width, width);
            Span<float> dHidden = stackalloc float[width];
            dHidden.Clear();
            DenseMath.OuterAdd(TagOut.Grad, g, hidden);
            DenseMath.MatTVecAdd(TagOut.Value, g, dHidden);
            for (int k = 0; k < width; k++) dHidden[k] *= 1 - hidden[k] * hidden[k];
            DenseMath.Add(dHidden, TagInBias!.Grad);
            DenseMath.OuterAdd(tagIn.Grad, dHidden, v);
            DenseMath.MatTVecAdd(tagIn.Value, dHidden, s.TagGrads.AsSpan(i * h2, h2));
            return loss;
        }
        DenseMath.OuterAdd(TagOut.Grad, g, v);
        DenseMath.MatTVecAdd(TagOut.Value, g, s.TagGrads.AsSpan(i * h2, h2));
        return loss;
    }

    /// <summary>The tag id of a gold UPOS/XPOS pair, 0 when the network has no such tag.</summary>
    public int TagId(ReadOnlySpan<char> upos, ReadOnlySpan<char> xpos)
    {
        if (upos.SequenceEqual("_")) upos = default;
        if (xpos.IsEmpty || xpos.SequenceEqual("_")) xpos = upos;
        Span<char> tag = stackalloc char[upos.Length + 1 + xpos.Length];
        upos.CopyTo(tag);
        tag[upos.Length] = '|';
        xpos.CopyTo(tag[(upos.Length + 1)..]);
        return _tagLookup.TryGetValue(tag, out int t) ? t : 0;
    }

    /// <summary>Floats a relation score buffer needs (the relations, padded for the SIMD product).</summary>
    public int ScoreRoom => _plan?.LabelRows ?? LabelCount;

    /// <summary>Row of a word in the sentence's vectors: -1 (no word) is the row after the root's.</summary>
    public static int RowOf(NeuralSentence s, int word) => word < 0 ? s.Count + 1 : word;

    /// <summary>Scores of Shift, Left and Right given the stack top three and buffer front (-1 when absent); the hidden layer goes to <paramref name="hidden"/>.</summary>
    public void ScoreMoves(NeuralSentence s, int s0, int s1, int s2, int b0, Span<float> scores, Span<float> hidden)
    {
        int m = Shape.MoveHidden;
        var parts = s.Parts.AsSpan();
        MoveBias.Value.CopyTo(hidden);
        DenseMath.Add(parts.Slice(MovePart(s, 0, s0), m), hidden);
        DenseMath.Add(parts.Slice(MovePart(s, 1, s1), m), hidden);
        DenseMath.Add(parts.Slice(MovePart(s, 2, s2), m), hidden);
        DenseMath.Add(parts.Slice(MovePart(s, 3, b0), m), hidden);
        DenseMath.Tanh(hidden[..m]);
        var output = MoveOut.Value;
        for (int k = 0; k < 3; k++) scores[k] = MoveOutBias.Value[k] + DenseMath.Dot(output.AsSpan(k * m, m), hidden[..m]);
    }

    /// <summary>
    /// Scores of every relation for the arc head -> dep (<paramref name="scores"/> must have room for <see cref="ScoreRoom"/>);
    /// the hidden layer goes to <paramref name="hidden"/>.
    /// </summary>
    public void ScoreLabels(NeuralSentence s, int head, int dep, Span<float> scores, Span<float> hidden)
    {
        int l = Shape.LabelHidden;
        LabelDirection.Row(dep < head ? 0 : 1).CopyTo(hidden);
        DenseMath.Add(s.Parts.AsSpan(HeadPart(s, head), l), hidden);
        DenseMath.Add(s.Parts.AsSpan(DepPart(s, dep), l), hidden);
        DenseMath.Tanh(hidden[..l]);
        LabelOutBias.Value.CopyTo(scores);
        // the padding rows' scores (after LabelCount) are left as they were and never read
        if (_plan is { } plan) DenseMath.MatVecTransposedAdd(plan.LabelOutTransposed, hidden[..l], scores[..plan.LabelRows]);
        else DenseMath.MatVecAdd(LabelOut.Value, LabelCount, hidden[..l], scores);
    }

    // ---------------------------------------------------------------- files

    public void Save(string path)
    {
        using var w = ModelFile.Create(path, Magic, FormatVersion);
        var s = Shape;
        foreach (int v in new[] { s.WordDim, s.ClusterDim, s.TagDim, s.SuffixDim, s.ShapeDim, s.Hidden, s.MoveHidden, s.LabelHidden, s.Layers, s.TagHidden, LabelCount }) w.Write(v);
        w.Write(_clusters?.Fingerprint ?? 0UL);
        w.Write(PerceptronWeight);
        w.Write(PerceptronLabelWeight);
        w.Write(OutputsTags);
        WriteTable(w, _words);
        WriteTable(w, _tags);
        foreach (var p in Parameters) p.Write(w);
    }

    public static NeuralParserModel Load(string path, WordClusterTable? clusters)
    {
        using var r = ModelFile.Open(path, Magic, "neural parser model", FormatVersion, static v => v is 1 or FormatVersion, out int version);
        var shape = new NeuralParserShape
        {
            WordDim = r.ReadInt32(), ClusterDim = r.ReadInt32(), TagDim = r.ReadInt32(), SuffixDim = r.ReadInt32(), ShapeDim = r.ReadInt32(),
            Hidden = r.ReadInt32(), MoveHidden = r.ReadInt32(), LabelHidden = r.ReadInt32(), Layers = r.ReadInt32(),
            // format 1 had no hidden tag layer
            TagHidden = version >= 2 ? r.ReadInt32() : 0,
        };
        if (shape.Layers is < 1 or > 2) throw new InvalidDataException($"{path}: {shape.Layers} LSTM layers");
        int labels = r.ReadInt32();
        ulong fingerprint = r.ReadUInt64();
        float perceptronWeight = r.ReadSingle(), perceptronLabelWeight = r.ReadSingle();
        bool outputsTags = r.ReadBoolean();
        if (fingerprint != 0 && clusters?.Fingerprint != fingerprint) throw new InvalidDataException($"{path}: trained with other word clusters than the model folder's");
        var words = ReadTable(r);
        var tags = ReadTable(r);
        var model = new NeuralParserModel(shape, words, tags, labels, fingerprint == 0 ? null : clusters);
        foreach (var p in model.Parameters) p.Read(r);
        model.PerceptronWeight = perceptronWeight;
        model.PerceptronLabelWeight = perceptronLabelWeight;
        model.OutputsTags = outputsTags;
        model.Freeze();
        return model;
    }

    private static void WriteTable(BinaryWriter w, Dictionary<string, int> table)
    {
        w.Write(table.Count);
        var ordered = new string[table.Count];
        foreach (var (key, id) in table) ordered[id - 1] = key;
        foreach (var key in ordered) w.Write(key);
    }

    private static Dictionary<string, int> ReadTable(BinaryReader r)
    {
        int count = r.ReadInt32();
        var table = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 1; i <= count; i++) table[r.ReadString()] = i;
        return table;
    }
}
