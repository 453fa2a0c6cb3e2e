using System.Diagnostics;
using System.Globalization;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Online training with the dynamic oracle (Goldberg and Nivre 2012/2013): at each step the best-scoring legal
/// move is compared with the best zero-cost move; on a mistake both move weights are updated. After the first
/// epoch the trainer mostly follows its own predictions, so it learns to recover from its errors. Labels are
/// learnt at every arc whose head is right. Deterministic for a given seed.
/// </summary>
internal sealed class ParserTrainer
{
    private readonly IReadOnlyList<ConlluSentence> _train;
    private readonly IReadOnlyList<ConlluSentence> _dev;
    private readonly ParserTrainOptions _options;
    private readonly string[] _labelNames;
    private readonly Dictionary<string, int> _labelIndex;

    public ParserTrainer(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, ParserTrainOptions options)
    {
        _train = train;
        _dev = dev;
        _options = options;
        var names = new SortedSet<string>(StringComparer.Ordinal) { "root", "dep" };
        foreach (var s in train)
            foreach (var w in s.Words)
                if (w.Deprel != "_") names.Add(w.Deprel);
        _labelNames = [.. names];
        _labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _labelNames.Length; i++) _labelIndex[_labelNames[i]] = i;
    }

    public DependencyParser Run()
    {
        var moves = HashedPerceptron.ForTraining(_options.MoveBits, 3);
        var labels = HashedPerceptron.ForTraining(_options.LabelBits, _labelNames.Length);
        var parser = new DependencyParser(moves, labels, _labelNames, _options.Clusters);
        var random = new Random(_options.Seed);
        var noise = _options.SimulateTagErrors && (_options.PredictedTags is null || _options.PredictedTagShare < 1) ? new TagNoise(_train, _options.SimulatedAmbiguousErrorRate, _options.SimulatedOtherErrorRate) : null;
        var tagged = _options.PredictedTags?.Invoke(_train);

        var order = new int[_train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var scratch = new ParserScratch();
        var oracle = new DynamicOracle();
        var gold = new GoldTree(_labelIndex, _labelIndex["dep"]);

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            long steps = 0, errors = 0, arcs = 0, labelErrors = 0;
            bool explore = epoch >= _options.ExploreFromEpoch;
            foreach (int index in order)
            {
                var sentence = _train[index];
                int n = sentence.Words.Count;
                if (n == 0) continue;
                if (!gold.Read(sentence)) continue;
                // draw only when mixing, so that runs with all-predicted tags follow the same random sequence
                var predicted = tagged is not null && (_options.PredictedTagShare >= 1 || random.NextDouble() < _options.PredictedTagShare) ? tagged[index] : null;
                FillTrainingInput(scratch.Input, sentence, predicted, noise, random, _options.Clusters);
                oracle.Reset(gold.Heads.AsSpan(0, n));
                var (s, e, a, le) = TrainSentence(parser, scratch, oracle, gold.Labels, explore, random);
                steps += s; errors += e; arcs += a; labelErrors += le;
            }
            string line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch + 1}/{_options.Epochs}: move accuracy {100.0 * (steps - errors) / Math.Max(1, steps):F2}%, label accuracy {100.0 * (arcs - labelErrors) / Math.Max(1, arcs):F2}%, {clock.Elapsed.TotalSeconds:F1}s");
            if (_dev.Count > 0 && (epoch == _options.Epochs - 1 || epoch % 3 == 2))
            {
                var score = ParserEvaluation.Evaluate(parser, _dev, null, 0);
                line += string.Create(CultureInfo.InvariantCulture, $"; dev (unaveraged) UAS {score.Uas:F2} LAS {score.Las:F2}");
            }
            _options.Progress?.Invoke(line);
        }
        moves.Average();
        labels.Average();
        return parser;
    }

    private static void FillTrainingInput(SentenceInput input, ConlluSentence sentence, ConlluSentence? predicted, TagNoise? noise, Random random, Learning.WordClusterTable? clusters)
    {
        if (predicted is not null) { DependencyParser.FillInput(input, predicted, clusters); return; }
        if (noise is null) { DependencyParser.FillInput(input, sentence, clusters); return; }
        var words = sentence.Words;
        input.Reset(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var a = noise.Pick(w, random);
            input.Words[i] = TokenAttributes.From(w.Form, a.Lemma, a.Upos, a.Xpos, clusters);
        }
        input.Finish();
    }

    private static (long Steps, long Errors, long Arcs, long LabelErrors) TrainSentence(DependencyParser parser, ParserScratch scratch,
        DynamicOracle oracle, int[] goldLabels, bool explore, Random random)
    {
        var st = scratch.State;
        var input = scratch.Input;
        int n = input.Count;
        st.Reset(n);
        var moves = parser.Moves;
        var labels = parser.LabelModel;
        Span<ulong> feats = scratch.Features;
        Span<ulong> labelFeats = stackalloc ulong[ParserFeatures.MaxLabelFeatures];
        Span<float> scores = scratch.Scores;
        Span<float> labelScores = stackalloc float[256];
        Span<int> costs = stackalloc int[3];
        long steps = 0, errors = 0, arcs = 0, labelErrors = 0;
        while (!st.IsTerminal)
        {
            int count = ParserFeatures.Transition(st, input, feats);
            moves.Score(feats[..count], scores);
            int minCost = int.MaxValue;
            for (int m = 0; m < 3; m++)
            {
                costs[m] = st.IsLegal((Move)m) ? oracle.Cost(st, (Move)m) : int.MaxValue;
                if (costs[m] < minCost) minCost = costs[m];
            }
            var predicted = DependencyParser.BestLegal(st, scores);
            Move gold = DependencyParser.BestOfLeastCost(costs, minCost, scores, predicted);
            steps++;
            if (costs[(int)predicted] > minCost)
            {
                errors++;
                moves.Update(feats[..count], (int)gold, 1f);
                moves.Update(feats[..count], (int)predicted, -1f);
            }
            moves.Tick();
            var move = explore && costs[(int)predicted] != int.MaxValue && random.NextDouble() < 0.9 ? predicted : gold;

            int label = -1;
            if (move != Move.Shift)
            {
                var (head, dep) = st.ArcOf(move);
                if (head == n) label = parser.RootLabel;
                else
                {
                    int lc = ParserFeatures.Label(st, input, head, dep, labelFeats);
                    labels.Score(labelFeats[..lc], labelScores);
                    int guess = parser.BestLabel(labelScores);
                    label = guess;
                    if (head == oracle.GoldHead(dep))
                    {
                        arcs++;
                        int want = goldLabels[dep];
                        if (guess != want)
                        {
                            labelErrors++;
                            labels.Update(labelFeats[..lc], want, 1f);
                            labels.Update(labelFeats[..lc], guess, -1f);
                        }
                        labels.Tick();
                        if (!explore) label = want;
                    }
                }
            }
            st.Apply(move, label);
        }
        return (steps, errors, arcs, labelErrors);
    }
}
