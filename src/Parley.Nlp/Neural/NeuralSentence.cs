namespace Parley.Nlp.Neural;

/// <summary>Per-thread working memory of the neural parser for one sentence, grown as needed.</summary>
internal sealed class NeuralSentence
{
    public int Count;
    /// <summary>Whether <see cref="Mask"/> holds the dropout of the last encoding.</summary>
    public bool Dropped;
    public int[] Word = [], Cluster = [], Tag = [], Suffix = [], Shape = [];
    public float[] Inputs = [], Mask = [], Vectors = [], Parts = [];
    public float[] InputGrads = [], VectorGrads = [], PartGrads = [], ForwardGrads = [], BackwardGrads = [];
    /// <summary>The first layer's vectors and their gradients, with two BiLSTM layers.</summary>
    public float[] Lower = [], LowerGrads = [], Projected2 = [];
    /// <summary>Tag layer: scores per word, the best tag id, and the gradient of each word's vector from the tag loss.</summary>
    public float[] TagScores = [], TagGrads = [], TagHiddenValues = [];
    public int[] PredictedTag = [];
    public readonly LstmTape ForwardTape = new(), BackwardTape = new(), ForwardTape2 = new(), BackwardTape2 = new();
    private int _capacity = -1;
    private NeuralParserShape? _shape;

    public void Reset(int count, NeuralParserShape shape, bool training)
    {
        Count = count;
        int rows = count + 2;
        ForwardTape.Ensure(count, shape.Hidden);
        BackwardTape.Ensure(count, shape.Hidden);
        if (shape.Layers > 1)
        {
            ForwardTape2.Ensure(count, shape.Hidden);
            BackwardTape2.Ensure(count, shape.Hidden);
        }
        // a thread's scratch may serve networks of other sizes in turn (several models, tests)
        if (rows > _capacity || shape != _shape || (training && InputGrads.Length < rows * shape.InputDim))
        {
            _shape = shape;
            int cap = Math.Max(rows * 2, 66);
            _capacity = cap;
            Word = new int[cap]; Cluster = new int[cap]; Tag = new int[cap]; Suffix = new int[cap]; Shape = new int[cap]; PredictedTag = new int[cap];
            Inputs = new float[cap * shape.InputDim];
            Vectors = new float[cap * 2 * shape.Hidden];
            Lower = new float[cap * 2 * shape.Hidden];
            Projected2 = shape.Layers > 1 ? new float[cap * 8 * shape.Hidden] : [];
            Parts = new float[cap * Width(shape)];
            if (training)
            {
                Mask = new float[cap * shape.InputDim];
                InputGrads = new float[cap * shape.InputDim];
                VectorGrads = new float[cap * 2 * shape.Hidden];
                LowerGrads = new float[cap * 2 * shape.Hidden];
                TagGrads = new float[cap * 2 * shape.Hidden];
                PartGrads = new float[cap * Width(shape)];
                ForwardGrads = new float[cap * shape.Hidden];
                BackwardGrads = new float[cap * shape.Hidden];
            }
        }
        if (training)
        {
            PartGrads.AsSpan(0, rows * Width(shape)).Clear();
            TagGrads.AsSpan(0, rows * 2 * shape.Hidden).Clear();
        }
    }

    /// <summary>Room for the tag layer's scores (<paramref name="stride"/> per word, padded when parsing).</summary>
    public void EnsureTagScores(int stride)
    {
        if (TagScores.Length < (Count + 2) * stride) TagScores = new float[Math.Max(Count + 2, 64) * 2 * stride];
    }

    private static int Width(NeuralParserShape shape) => NeuralParserModel.Positions * shape.MoveHidden + 2 * shape.LabelHidden;
}
