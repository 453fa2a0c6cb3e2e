using Parley.Nlp.Conllu;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Simulates tagger errors on gold-tagged data: an ambiguous word sometimes gets another analysis it has
/// elsewhere in the training data, and an unambiguous word rarely gets a common open-class analysis.
/// Real taggers err mostly on such ambiguous and unknown words, which is what the parser must tolerate.
/// </summary>
internal sealed class TagNoise
{
    internal readonly record struct Analysis(string Upos, string Xpos, string Feats, string Lemma);

    private readonly Dictionary<string, (Analysis Analysis, int Count)[]> _byForm;
    private readonly Analysis[] _openClass;
    private readonly double _ambiguousRate;
    private readonly double _otherRate;

    public TagNoise(IReadOnlyList<ConlluSentence> train, double ambiguousRate = 0.08, double otherRate = 0.015)
    {
        _ambiguousRate = ambiguousRate;
        _otherRate = otherRate;
        var counts = new Dictionary<string, Dictionary<(string, string), (Analysis, int)>>(StringComparer.Ordinal);
        var byXpos = new Dictionary<string, (Analysis, int)>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            foreach (var w in s.Words)
            {
                string key = w.Form.ToLowerInvariant();
                if (!counts.TryGetValue(key, out var m)) counts[key] = m = [];
                var tagKey = (w.Upos, w.Xpos);
                m[tagKey] = m.TryGetValue(tagKey, out var e) ? (e.Item1, e.Item2 + 1) : (new Analysis(w.Upos, w.Xpos, w.Feats, w.Lemma), 1);
                if (w.Upos is "NOUN" or "PROPN" or "ADJ" or "VERB" && !byXpos.ContainsKey(w.Xpos))
                    byXpos[w.Xpos] = (new Analysis(w.Upos, w.Xpos, w.Feats, "_"), 0);
            }
        }
        _byForm = new Dictionary<string, (Analysis, int)[]>(StringComparer.Ordinal);
        foreach (var (form, m) in counts)
        {
            if (m.Count < 2) continue;
            var list = new List<(Analysis, int)>(m.Values);
            list.Sort((a, b) => string.CompareOrdinal(a.Item1.Xpos + a.Item1.Upos, b.Item1.Xpos + b.Item1.Upos));
            _byForm[form] = [.. list];
        }
        var open = new List<string>(byXpos.Keys);
        open.Sort(StringComparer.Ordinal);
        _openClass = new Analysis[open.Count];
        for (int i = 0; i < open.Count; i++) _openClass[i] = byXpos[open[i]].Item1;
    }

    /// <summary>The analysis to use for a word: the gold one, or a simulated error.</summary>
    public Analysis Pick(ConlluWord w, Random random)
    {
        var gold = new Analysis(w.Upos, w.Xpos, w.Feats, w.Lemma);
        if (_byForm.TryGetValue(w.Form.ToLowerInvariant(), out var options))
        {
            if (random.NextDouble() >= _ambiguousRate) return gold;
            int total = 0;
            foreach (var (a, c) in options) if (a.Upos != w.Upos || a.Xpos != w.Xpos) total += c;
            if (total == 0) return gold;
            int r = random.Next(total);
            foreach (var (a, c) in options)
            {
                if (a.Upos == w.Upos && a.Xpos == w.Xpos) continue;
                if ((r -= c) < 0) return a;
            }
            return gold;
        }
        if (_openClass.Length == 0 || random.NextDouble() >= _otherRate) return gold;
        var o = _openClass[random.Next(_openClass.Length)];
        return o with { Lemma = w.Lemma };
    }
}
