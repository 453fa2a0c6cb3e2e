using System.Buffers;
using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Tagging;

/// <summary>
/// Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting UPOS and XPOS jointly
/// (one class per UPOS/XPOS pair seen in training), with word, affix, shape, context-word, previous-tag and
/// tag-dictionary features hashed into a sparse weight table. Immutable and thread-safe.
/// </summary>
public sealed class Tagger
{
    private const int PerToken = 12;
    private const int FeatureCapacity = 40;
    private const int Unknown = 0x7FFF;
    private readonly PerceptronModel _model;
    private readonly string[] _labels;
    private readonly UPos[] _upos;
    private readonly int[] _xpos;
    private readonly Dictionary<string, int> _ambiguity;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ambiguityLookup;

    internal Tagger(PerceptronModel model, string[] labels, Dictionary<string, int> ambiguity)
    {
        _model = model;
        _labels = labels;
        _ambiguity = ambiguity;
        _ambiguityLookup = ambiguity.GetAlternateLookup<ReadOnlySpan<char>>();
        _upos = new UPos[labels.Length];
        _xpos = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int tab = labels[i].IndexOf('\t');
            _upos[i] = UPosNames.Parse(labels[i].AsSpan(0, tab));
            _xpos[i] = StringStore.Intern(labels[i][(tab + 1)..]);
        }
    }

    internal PerceptronModel Model => _model;
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Tags tokens [first, end) of one sentence: sets Upos and Xpos (interned) on each token.</summary>
    public void Tag(string text, Span<TokenData> tokens)
    {
        int n = tokens.Length;
        if (n == 0) return;
        var labels = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Predict(text, tokens, labels, null, null);
            for (int i = 0; i < n; i++)
            {
                tokens[i].Upos = _upos[labels[i]];
                tokens[i].Xpos = _xpos[labels[i]];
            }
        }
        finally { ArrayPool<int>.Shared.Return(labels); }
    }

    internal UPos UposOf(int label) => _upos[label];
    internal string XposOf(int label) => StringStore.Get(_xpos[label]);

    /// <summary>Greedy decoding; during training also updates <paramref name="trainer"/> toward <paramref name="gold"/>.</summary>
    private void Predict(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels, PerceptronTrainer? trainer, int[]? gold) =>
        Decode(text, tokens, labels, trainer, gold, _model, _ambiguityLookup, _labels.Length);

    private static void Decode(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels, PerceptronTrainer? trainer, int[]? gold,
        PerceptronModel? model, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ambiguity, int classCount)
    {
        int n = tokens.Length;
        var cache = ArrayPool<ulong>.Shared.Rent((n + 4) * PerToken);
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        Span<float> scores = stackalloc float[classCount];
        try
        {
            // two padding positions on each side
            for (int k = 0; k < PerToken; k++)
            {
                cache[k] = 11 + (ulong)k; cache[PerToken + k] = 13 + (ulong)k;
                cache[(n + 2) * PerToken + k] = 17 + (ulong)k; cache[(n + 3) * PerToken + k] = 19 + (ulong)k;
            }
            for (int i = 0; i < n; i++) TokenHashes(text, tokens[i], i == 0, ambiguity, cache.AsSpan((i + 2) * PerToken, PerToken));
            int prev1 = -1, prev2 = -2;
            for (int i = 0; i < n; i++)
            {
                int count = Features(cache, i + 2, prev1, prev2, features);
                var f = features[..count];
                int guess;
                if (trainer is not null)
                {
                    trainer.Score(f, scores);
                    guess = PerceptronModel.ArgMax(scores);
                    trainer.Update(f, gold![i], guess);
                }
                else
                {
                    scores.Clear();
                    model!.Score(f, scores);
                    guess = PerceptronModel.ArgMax(scores);
                }
                labels[i] = guess;
                prev2 = prev1;
                prev1 = guess;
            }
        }
        finally { ArrayPool<ulong>.Shared.Return(cache); }
    }

    /// <summary>Per-token hashes computed once: lower form, cased form, shape, suffixes 1-4, prefixes 1-3, tag-dictionary class, flags.</summary>
    private static void TokenHashes(string text, in TokenData t, bool first, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ambiguity, Span<ulong> h)
    {
        var w = text.AsSpan(t.Start, t.End - t.Start);
        const ulong seed = 14695981039346656037UL;
        h[0] = FeatureHash.Mix(FeatureHash.AddLower(seed, w));
        h[1] = FeatureHash.Mix(FeatureHash.Add(seed, w));
        h[2] = WordShape.Hash(w, collapse: false);
        for (int k = 1; k <= 4; k++) h[2 + k] = w.Length >= k ? FeatureHash.Mix(FeatureHash.AddLower(seed + (ulong)k, w[^k..])) : 23;
        for (int k = 1; k <= 3; k++) h[6 + k] = w.Length >= k ? FeatureHash.Mix(FeatureHash.AddLower(seed + 7 + (ulong)k, w[..k])) : 29;
        int amb = Unknown;
        if (w.Length <= 32)
        {
            Span<char> lower = stackalloc char[w.Length];
            w.ToLowerInvariant(lower);
            if (!ambiguity.TryGetValue(lower, out amb)) amb = Unknown;
        }
        h[10] = (ulong)amb + 1;
        int flags = (first ? 1 : 0) | (char.IsUpper(w[0]) ? 2 : 0) | (w.Contains('-') ? 4 : 0) | (ContainsDigit(w) ? 8 : 0) | (IsAllUpper(w) ? 16 : 0);
        h[11] = (ulong)flags + 1;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (char.IsDigit(c)) return true;
        return false;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static ulong F(int template, ulong a) => FeatureHash.Add(FeatureHash.Start(template), a);
    private static ulong F(int template, ulong a, ulong b) => FeatureHash.Add(FeatureHash.Add(FeatureHash.Start(template), a), b);

    private static int Features(ulong[] c, int p, int prev1, int prev2, Span<ulong> f)
    {
        int i = p * PerToken, prv = (p - 1) * PerToken, prv2 = (p - 2) * PerToken, nxt = (p + 1) * PerToken, nxt2 = (p + 2) * PerToken;
        ulong t1 = (ulong)(prev1 + 3), t2 = (ulong)(prev2 + 3);
        int n = 0;
        f[n++] = FeatureHash.Start(0);
        f[n++] = F(1, c[i]);
        f[n++] = F(2, c[i + 1]);
        f[n++] = F(3, c[i + 2]);
        f[n++] = F(4, c[i + 3]);
        f[n++] = F(5, c[i + 4]);
        f[n++] = F(6, c[i + 5]);
        f[n++] = F(7, c[i + 6]);
        f[n++] = F(8, c[i + 7]);
        f[n++] = F(9, c[i + 8]);
        f[n++] = F(10, c[i + 9]);
        f[n++] = F(11, c[i + 10]);
        f[n++] = F(12, c[i + 11]);
        f[n++] = F(13, c[prv]);
        f[n++] = F(14, c[nxt]);
        f[n++] = F(15, c[prv2]);
        f[n++] = F(16, c[nxt2]);
        f[n++] = F(17, t1);
        f[n++] = F(18, t2);
        f[n++] = F(19, t1, t2);
        f[n++] = F(20, t1, c[i]);
        f[n++] = F(21, c[prv + 5]);
        f[n++] = F(22, c[nxt + 5]);
        f[n++] = F(23, c[nxt + 2]);
        f[n++] = F(24, c[prv + 2]);
        f[n++] = F(25, c[nxt + 10]);
        f[n++] = F(26, c[prv + 10]);
        f[n++] = F(27, c[i], c[nxt]);
        f[n++] = F(28, c[prv], c[i]);
        f[n++] = F(29, t1, c[i + 10]);
        f[n++] = F(30, t1, c[i + 5]);
        f[n++] = F(31, c[i + 10], c[nxt + 10]);
        f[n++] = F(32, c[nxt2 + 10]);
        f[n++] = F(33, t1, c[nxt]);
        f[n++] = F(34, c[i + 11], c[i + 2]);
        return n;
    }

    // ---- training ----

    internal static Tagger Train(IReadOnlyList<ConlluSentence> sentences, int epochs, int seed, Action<int, Tagger>? afterEpoch = null)
    {
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordCounts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        var data = new List<(string Text, TokenData[] Tokens, int[] Gold)>(sentences.Count);
        foreach (var s in sentences)
        {
            var sb = new System.Text.StringBuilder();
            var buffer = new TokenBuffer(s.Words.Count);
            SentenceSplitter.AppendWords(s, sb, buffer);
            var gold = new int[s.Words.Count];
            for (int i = 0; i < s.Words.Count; i++)
            {
                string label = s.Words[i].Upos + "\t" + s.Words[i].Xpos;
                if (!labelIds.TryGetValue(label, out int id)) { id = labelIds.Count; labelIds[label] = id; }
                gold[i] = id;
                string lower = s.Words[i].Form.ToLowerInvariant();
                if (!wordCounts.TryGetValue(lower, out var counts)) wordCounts[lower] = counts = [];
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            if (buffer.Count != gold.Length) continue;
            data.Add((sb.ToString(), buffer.Span.ToArray(), gold));
        }
        var labels = new string[labelIds.Count];
        foreach (var (k, v) in labelIds) labels[v] = k;
        var ambiguity = AmbiguityClasses(wordCounts);
        var lookup = ambiguity.GetAlternateLookup<ReadOnlySpan<char>>();
        var trainer = new PerceptronTrainer(labels.Length);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(seed);
        var scratch = new int[1024];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int k in order)
            {
                var (text, tokens, gold) = data[k];
                if (scratch.Length < tokens.Length) scratch = new int[tokens.Length * 2];
                Decode(text, tokens, scratch, trainer, gold, null, lookup, labels.Length);
            }
            if (afterEpoch is not null) afterEpoch(epoch, new Tagger(trainer.Freeze(), labels, ambiguity));
        }
        return new Tagger(trainer.Freeze(), labels, ambiguity);
    }

    /// <summary>For words seen at least 3 times: the set of classes covering at least 5% of their occurrences, as a class id.</summary>
    private static Dictionary<string, int> AmbiguityClasses(Dictionary<string, Dictionary<int, int>> wordCounts)
    {
        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, counts) in wordCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            int total = 0;
            foreach (var c in counts.Values) total += c;
            if (total < 3) continue;
            var tags = counts.Where(p => p.Value * 20 >= total).Select(p => p.Key).Order().ToArray();
            string key = string.Join(',', tags);
            if (!classIds.TryGetValue(key, out int id)) { id = classIds.Count; classIds[key] = id; }
            result[word] = id;
        }
        return result;
    }

    public void Save(string path) => PerceptronModel.WriteFile(path, w =>
    {
        w.Write(_labels.Length);
        foreach (var l in _labels) w.Write(l);
        w.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        _model.Write(w);
    });

    public static Tagger Load(string path) => PerceptronModel.ReadFile(path, r =>
    {
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        int n = r.ReadInt32();
        var ambiguity = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) { string k = r.ReadString(); ambiguity[k] = r.ReadInt32(); }
        return new Tagger(PerceptronModel.Read(r), labels, ambiguity);
    });

    /// <summary>Labels predicted for a sentence, for evaluation.</summary>
    internal void PredictLabels(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels) => Predict(text, tokens, labels, null, null);
}
