using System.Diagnostics;
using System.Globalization;
using Parley.Nlp.Conllu;
using Parley.Nlp.Parsing;

namespace Parley.Nlp.Neural;

/// <summary>Settings of <see cref="NeuralParserTrainer"/>.</summary>
public sealed record NeuralTrainOptions
{
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 20;
    /// <summary>Sizes of the network's layers (one declaration of them and their defaults: <see cref="NeuralParserShape"/>).</summary>
    public NeuralParserShape Shape { get; init; } = new();
    public float LearningRate { get; init; } = 0.002f;
    /// <summary>Sentences per Adam step.</summary>
    public int Batch { get; init; } = 16;
    /// <summary>Dropout of the input vectors.</summary>
    public float Dropout { get; init; } = 0.25f;
    /// <summary>A word seen c times in training is replaced by the unknown word with chance alpha / (alpha + c) (Kiperwasser and Goldberg).</summary>
    public float WordDropout { get; init; } = 0.25f;
    /// <summary>From this epoch (0-based) on, training follows the model's own moves with chance <see cref="ExploreProbability"/>.</summary>
    public int ExploreFromEpoch { get; init; } = 1;
    public double ExploreProbability { get; init; } = 0.9;
    /// <summary>Predicted (jackknifed) analyses of the training sentences, same words; null: gold tags.</summary>
    public IReadOnlyList<ConlluSentence>? PredictedTags { get; init; }
    /// <summary>Chance that a sentence is shown with its predicted tags in an epoch (otherwise gold).</summary>
    public double PredictedTagShare { get; init; } = 1;
    public Learning.WordClusterTable? Clusters { get; init; }
    /// <summary>Called after each epoch with the epoch (1-based) and the parser so far, e.g. to score dev; returns a line to print.</summary>
    public Func<int, DependencyParser, string>? AfterEpoch { get; init; }
    public Action<string>? Progress { get; init; }
    /// <summary>Add the perceptron's scores to the network's, with weights chosen on dev (by the caller).</summary>
    public bool Mix { get; init; }
}

/// <summary>
/// Trains a <see cref="NeuralParserModel"/> with the arc-hybrid dynamic oracle: at every step the loss is the negative
/// log of the probability mass the model gives to the zero-cost legal moves, and the arc's relation gets a softmax
/// loss when its head is right; after the first epoch the trainer mostly follows its own moves (as the perceptron
/// trainer does). Adam, mini-batches of sentences, input and word dropout. Deterministic for a seed (one thread).
/// </summary>
public static class NeuralParserTrainer
{
    /// <summary>Trains a neural scorer for <paramref name="parser"/>'s relations and returns the parser deciding with it.</summary>
    public static DependencyParser Train(DependencyParser parser, IReadOnlyList<ConlluSentence> train, NeuralTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var labelNames = parser.Labels;
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labelNames.Count; i++) labelIndex[labelNames[i]] = i;
        int rootLabel = labelIndex["root"], depLabel = labelIndex["dep"];

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddTag(ConlluWord w)
        {
            string upos = w.Upos == "_" ? "" : w.Upos, xpos = w.Xpos is "_" or "" ? upos : w.Xpos;
            string key = NeuralParserModel.TagKey(upos, xpos);
            if (!tags.ContainsKey(key)) tags[key] = tags.Count + 1;
        }
        for (int si = 0; si < train.Count; si++)
        {
            foreach (var w in train[si].Words)
            {
                string key = NeuralParserModel.WordKey(w.Form.AsSpan(0, Math.Min(w.Form.Length, Learning.WordClusterTable.MaxChars)));
                counts[key] = counts.GetValueOrDefault(key) + 1;
                AddTag(w);
            }
            if (options.PredictedTags is { } p) foreach (var w in p[si].Words) AddTag(w);
        }
        // ids in order of first appearance: deterministic
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in train)
            foreach (var w in s.Words)
            {
                string key = NeuralParserModel.WordKey(w.Form.AsSpan(0, Math.Min(w.Form.Length, Learning.WordClusterTable.MaxChars)));
                if (!words.ContainsKey(key)) words[key] = words.Count + 1;
            }
        var wordCount = new int[words.Count + 1];
        foreach (var (key, id) in words) wordCount[id] = counts[key];

        var shape = options.Shape;
        var net = new NeuralParserModel(shape, words, tags, labelNames.Count, options.Clusters);
        var random = new Random(options.Seed);
        net.Initialise(random);
        foreach (var p in net.Parameters) p.StartTraining();
        var adam = new AdamOptimizer(net.Parameters, options.LearningRate);
        var withNet = parser.WithNeural(net);

        var order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var ns = new NeuralSentence();
        var state = new ArcHybridState();
        var oracle = new DynamicOracle();
        var tree = new GoldTree(labelIndex, depLabel);
        Span<float> scores = stackalloc float[3];
        Span<float> dScores = stackalloc float[3];
        Span<int> costs = stackalloc int[3];
        var labelScores = new float[labelNames.Count];
        var dLabels = new float[labelNames.Count];
        var hidden = new float[Math.Max(shape.MoveHidden, shape.LabelHidden)];
        var tagGradient = new float[tags.Count + 1];

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            bool explore = epoch >= options.ExploreFromEpoch;
            double loss = 0;
            long steps = 0, right = 0, arcs = 0, labelsRight = 0, tagsSeen = 0, tagsRight = 0;
            int inBatch = 0;
            foreach (int index in order)
            {
                var sentence = train[index];
                int n = sentence.Words.Count;
                if (n == 0) continue;
                if (!tree.Read(sentence)) continue;
                var goldLabels = tree.Labels;
                var tagged = options.PredictedTags is { } predicted && (options.PredictedTagShare >= 1 || random.NextDouble() < options.PredictedTagShare) ? predicted[index] : sentence;
                ns.Reset(n, shape, training: true);
                for (int i = 0; i < n; i++)
                {
                    var w = tagged.Words[i];
                    net.SetWord(ns, i, w.Form, w.Upos, w.Xpos);
                    int id = ns.Word[i];
                    if (id != 0 && random.NextSingle() < options.WordDropout / (options.WordDropout + wordCount[id])) ns.Word[i] = 0;
                }
                net.Encode(ns, options.Dropout, random);
                net.PredictTags(ns);
                for (int i = 0; i < n; i++)
                {
                    int want = net.TagId(sentence.Words[i].Upos, sentence.Words[i].Xpos);
                    if (want == 0) continue;
                    tagsSeen++;
                    if (ns.PredictedTag[i] == want) tagsRight++;
                    loss += net.BackTag(ns, i, want, tagGradient);
                }
                oracle.Reset(tree.Heads.AsSpan(0, n));
                state.Reset(n);
                while (!state.IsTerminal)
                {
                    int s0 = state.S(0), s1 = state.S(1), s2 = state.S(2), b0 = state.B(0);
                    net.ScoreMoves(ns, s0, s1, s2, b0, scores, hidden);
                    int minCost = int.MaxValue;
                    float max = float.NegativeInfinity;
                    for (int m = 0; m < 3; m++)
                    {
                        bool legal = state.IsLegal((Move)m);
                        costs[m] = legal ? oracle.Cost(state, (Move)m) : int.MaxValue;
                        if (costs[m] < minCost) minCost = costs[m];
                        if (legal && scores[m] > max) max = scores[m];
                    }
                    float z = 0, zGood = 0;
                    for (int m = 0; m < 3; m++)
                    {
                        dScores[m] = costs[m] == int.MaxValue ? 0 : MathF.Exp(scores[m] - max);
                        z += dScores[m];
                        if (costs[m] == minCost) zGood += dScores[m];
                    }
                    loss -= Math.Log(zGood / z);
                    for (int m = 0; m < 3; m++)
                    {
                        float p = dScores[m] / z;
                        dScores[m] = costs[m] == minCost ? p - dScores[m] / zGood : p;
                    }
                    net.BackMoves(ns, s0, s1, s2, b0, dScores, hidden);
                    var best = DependencyParser.BestLegal(state, scores);
                    var gold = DependencyParser.BestOfLeastCost(costs, minCost, scores, best);
                    steps++;
                    if (costs[(int)best] == minCost) right++;
                    var move = explore && random.NextDouble() < options.ExploreProbability ? best : gold;

                    int label = -1;
                    if (move != Move.Shift)
                    {
                        var (head, dep) = state.ArcOf(move);
                        if (head == n) label = rootLabel;
                        else
                        {
                            net.ScoreLabels(ns, head, dep, labelScores, hidden);
                            label = ArgMax(labelScores, rootLabel);
                            if (head == oracle.GoldHead(dep))
                            {
                                int want = goldLabels[dep];
                                arcs++;
                                if (label == want) labelsRight++;
                                loss += SoftmaxGradient(labelScores, want, dLabels);
                                net.BackLabels(ns, head, dep, dLabels, hidden);
                            }
                        }
                    }
                    state.Apply(move, label);
                }
                net.BackSentence(ns);
                if (++inBatch == options.Batch) { adam.Step(); inBatch = 0; }
            }
            if (inBatch > 0) adam.Step();
            string line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch + 1}/{options.Epochs}: loss {loss / Math.Max(1, steps):F4}, move accuracy {100.0 * right / Math.Max(1, steps):F2}%, label accuracy {100.0 * labelsRight / Math.Max(1, arcs):F2}%, tag accuracy {100.0 * tagsRight / Math.Max(1, tagsSeen):F2}%, {clock.Elapsed.TotalSeconds:F1}s");
            if (options.AfterEpoch is { } after)
            {
                // score the averaged weights, as they will be kept
                foreach (var p in net.Parameters) p.SwapAverage();
                net.Freeze();
                line += "; " + after(epoch + 1, withNet);
                net.Thaw();
                foreach (var p in net.Parameters) p.SwapAverage();
            }
            options.Progress?.Invoke(line);
        }
        foreach (var p in net.Parameters) p.EndTraining();
        net.Freeze();
        return withNet;
    }

    private static int ArgMax(ReadOnlySpan<float> scores, int skip)
    {
        int best = skip == 0 ? 1 : 0;
        for (int k = 0; k < scores.Length; k++)
            if (k != skip && scores[k] > scores[best]) best = k;
        return best;
    }

    /// <summary>Softmax cross-entropy: writes the gradient (p - one-hot) and returns the loss.</summary>
    private static double SoftmaxGradient(ReadOnlySpan<float> scores, int gold, Span<float> gradient)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores) max = MathF.Max(max, s);
        float z = 0;
        for (int k = 0; k < scores.Length; k++) { gradient[k] = MathF.Exp(scores[k] - max); z += gradient[k]; }
        for (int k = 0; k < scores.Length; k++) gradient[k] /= z;
        double loss = -Math.Log(Math.Max(gradient[gold], 1e-30f));
        gradient[gold] -= 1;
        return loss;
    }
}
