using System.Globalization;

namespace Parley.Nlp.Ner;

/// <summary>Exact-span precision, recall and F1 per type (as conlleval and ner_eval.py count them).</summary>
public sealed class NerScore
{
    private readonly int[] _correct = new int[NerLabels.Types.Length];
    private readonly int[] _gold = new int[NerLabels.Types.Length];
    private readonly int[] _predicted = new int[NerLabels.Types.Length];

    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        var g = NerLabels.Spans(gold);
        var p = NerLabels.Spans(predicted);
        var set = new HashSet<(int, int, int)>(g);
        foreach (var s in g) _gold[s.Type]++;
        foreach (var s in p)
        {
            _predicted[s.Type]++;
            if (set.Contains(s)) _correct[s.Type]++;
        }
    }

    /// <summary>Micro-averaged F1 (0..100) over the given types, or all types when none are given.</summary>
    public double F1(params int[] types)
    {
        int c = 0, g = 0, p = 0;
        for (int t = 0; t < _gold.Length; t++)
        {
            if (types.Length > 0 && Array.IndexOf(types, t) < 0) continue;
            c += _correct[t]; g += _gold[t]; p += _predicted[t];
        }
        return Harmonic(c, g, p);
    }

    public double TypeF1(int type) => Harmonic(_correct[type], _gold[type], _predicted[type]);
    public int GoldCount(int type) => _gold[type];

    private static double Harmonic(int correct, int gold, int predicted)
    {
        double precision = predicted == 0 ? 0 : (double)correct / predicted;
        double recall = gold == 0 ? 0 : (double)correct / gold;
        return precision + recall == 0 ? 0 : 100 * 2 * precision * recall / (precision + recall);
    }

    public string Summary(NerDomain domain)
    {
        int types = domain == NerDomain.Web ? 3 : 4;
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"F1 {F1(Enumerable.Range(0, types).ToArray()):F2}") };
        for (int t = 0; t < types; t++) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{NerLabels.Types[t]} {TypeF1(t):F2}"));
        return string.Join("  ", parts);
    }
}
