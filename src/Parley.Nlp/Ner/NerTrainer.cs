using System.Diagnostics;
using System.Globalization;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Structured averaged perceptron (Collins 2002) with lazy averaging. Documents are visited in a seeded shuffled
/// order each epoch; within a document sentences are tagged in order and the predicted labels feed the
/// history features of later sentences, exactly as at prediction time.
/// </summary>
internal sealed class NerTrainer
{
    private const int L = NerWeights.L;
    private readonly NerTrainingOptions _options;
    private readonly Gazetteer? _gazetteer;
    private readonly WordClusterTable? _clusters;
    private readonly NerWeights _w = new();
    private double[] _total = new double[1024 * L];
    private int[] _stamp = new int[1024 * L];
    private readonly double[] _transitionTotal = new double[(L + 1) * L];
    private readonly int[] _transitionStamp = new int[(L + 1) * L];
    private int _step;

    public NerTrainer(NerTrainingOptions options, Gazetteer? gazetteer, WordClusterTable? clusters)
    {
        _options = options;
        _gazetteer = gazetteer;
        _clusters = clusters;
    }

    public NerModel Train(IReadOnlyList<NerDocument> documents)
    {
        var random = new Random(_options.Seed);
        var order = new int[documents.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var features = new NerFeatures(_gazetteer, _clusters);
        var scratch = new NerModel.Scratch();
        int stride = NerFeatures.MaxFeatures * 2;
        ulong[] buffer = new ulong[256 * stride];
        int[] counts = new int[256];
        float[] emission = new float[256 * L];
        int[] best = new int[256];
        int[] bilou = new int[256], iob2 = new int[256];
        var constrained = new float[(L + 1) * L];
        var clock = Stopwatch.StartNew();
        NerModel? model = null;
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (int d in order)
            {
                var doc = documents[d];
                var sentences = new IReadOnlyList<string>[doc.Sentences.Count];
                for (int s = 0; s < sentences.Length; s++) sentences[s] = doc.Sentences[s].Tokens;
                NerModel.LoadDocument(features, sentences, scratch, doc.Domain);
                int limit = NerDecoder.LabelLimit(doc.Domain);
                for (int s = 0; s < sentences.Length; s++)
                {
                    int first = features.SentenceStart(s), n = features.SentenceEnd(s) - first;
                    if (n * stride > buffer.Length) { buffer = new ulong[n * stride * 2]; counts = new int[n * 2]; emission = new float[n * L * 2]; best = new int[n * 2]; bilou = new int[n * 2]; iob2 = new int[n * 2]; }
                    for (int k = 0; k < n; k++)
                    {
                        var f = buffer.AsSpan(k * stride, stride);
                        int m = features.Extract(first + k, f, _options.DomainFeatures);
                        counts[k] = m;
                        NerDecoder.Score(_w, f[..m], emission.AsSpan(k * L, L));
                    }
                    NerDecoder.Constrain(_w.Transition, constrained);
                    NerDecoder.Viterbi(emission, n, constrained, limit, best);
                    _step++;
                    var gold = bilou.AsSpan(0, n);
                    NerBilou.FromIob2(doc.Sentences[s].Labels, gold);
                    tokens += n;
                    int previousGold = NerWeights.Start, previousBest = NerWeights.Start;
                    for (int k = 0; k < n; k++)
                    {
                        int g = gold[k], p = best[k];
                        if (g != p)
                        {
                            errors++;
                            var f = buffer.AsSpan(k * stride, counts[k]);
                            foreach (ulong feature in f)
                            {
                                int row = Row(feature);
                                Update(row * L + g, 1);
                                Update(row * L + p, -1);
                            }
                        }
                        if (g != p || previousGold != previousBest)
                        {
                            UpdateTransition(previousGold * L + g, 1);
                            UpdateTransition(previousBest * L + p, -1);
                        }
                        previousGold = g; previousBest = p;
                    }
                    NerBilou.ToIob2(best.AsSpan(0, n), iob2.AsSpan(0, n));
                    features.Remember(s, iob2.AsSpan(0, n));
                }
            }
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: token errors {errors} of {tokens} ({100.0 * errors / Math.Max(1, tokens):F2}%), {_w.RowCount} features, {clock.Elapsed.TotalSeconds:F0}s");
            model = null;
            if (_options.Dev.Count > 0 && (_options.Log is not null))
            {
                model = Averaged();
                foreach (var (name, dev) in _options.Dev)
                    line += $"; {name} {model.Evaluate(dev).Summary(dev.Count > 0 ? dev[0].Domain : NerDomain.News)}";
            }
            _options.Log?.Invoke(line);
        }
        return model ?? Averaged();
    }

    private int Row(ulong feature)
    {
        int row = _w.AddRow(feature);
        if (_w.RowCount * L > _total.Length)
        {
            Array.Resize(ref _total, _total.Length * 2);
            Array.Resize(ref _stamp, _stamp.Length * 2);
        }
        return row;
    }

    private void Update(int index, float delta)
    {
        _total[index] += (double)(_step - _stamp[index]) * _w.Emission[index];
        _stamp[index] = _step;
        _w.Emission[index] += delta;
    }

    private void UpdateTransition(int index, float delta)
    {
        _transitionTotal[index] += (double)(_step - _transitionStamp[index]) * _w.Transition[index];
        _transitionStamp[index] = _step;
        _w.Transition[index] += delta;
    }

    /// <summary>A model with the averaged weights (the current weights are left as they are, so training can go on).</summary>
    private NerModel Averaged()
    {
        var averaged = new NerWeights { Rows = new Dictionary<ulong, int>(_w.Rows), RowCount = _w.RowCount, Emission = new float[Math.Max(1, _w.RowCount) * L] };
        double steps = Math.Max(1, _step);
        for (int i = 0; i < _w.RowCount * L; i++)
            averaged.Emission[i] = (float)((_total[i] + (_step - _stamp[i]) * (double)_w.Emission[i]) / steps);
        for (int i = 0; i < averaged.Transition.Length; i++)
            averaged.Transition[i] = (float)((_transitionTotal[i] + (_step - _transitionStamp[i]) * (double)_w.Transition[i]) / steps);
        return new NerModel(averaged, _options.DomainFeatures, _gazetteer, _clusters);
    }
}
