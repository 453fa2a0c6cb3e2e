using System.Buffers;
using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Tagging;

/// <summary>
/// Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting UPOS and XPOS jointly
/// (one class per UPOS/XPOS pair seen in training), with word, affix, shape, context-word, previous-tag and
/// tag-dictionary features hashed into a sparse weight table; a second pass (the refiner) sees the first
/// pass's tags of the neighbouring words too and, by default, reads the sentence right to left, so its own
/// decisions come from the right and the first pass's from the left. Words the treebank always tags the same
/// way (frequent, one tag in at least 99.5% of cases) take that tag without scoring. Immutable and thread-safe.
/// </summary>
public sealed class Tagger
{
    private const int PerToken = 18;
    private const int FeatureCapacity = 96;
    private const int Unknown = 0x7FFF;
    private readonly PerceptronModel _model;
    private readonly PerceptronModel? _refiner;
    private readonly string[] _labels;
    private readonly UPos[] _upos;
    private readonly int[] _xpos;
    private readonly Dictionary<string, int> _ambiguity;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ambiguityLookup;
    private readonly WordClusterTable? _clusters;
    private readonly bool _refinerRightToLeft;
    // the word-only part of each pass's scores, per word type and thread (inference only)
    private readonly ThreadLocal<WordScoreCache> _firstWords;
    private readonly ThreadLocal<WordScoreCache> _refinerWords;

    internal Tagger(PerceptronModel model, PerceptronModel? refiner, string[] labels, Dictionary<string, int> ambiguity, WordClusterTable? clusters,
        bool refinerRightToLeft = false)
    {
        _model = model;
        _refinerRightToLeft = refinerRightToLeft;
        _clusters = clusters;
        _refiner = refiner;
        _labels = labels;
        _ambiguity = ambiguity;
        _ambiguityLookup = ambiguity.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = WordScoreCache.PerThread(PerToken, labels.Length, WordCacheSlots, Roles);
        _refinerWords = WordScoreCache.PerThread(PerToken, labels.Length, WordCacheSlots, Roles);
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
    /// <summary>Whether the second pass reads sentences right to left (stored in the model file).</summary>
    internal bool RefinerRightToLeft => _refinerRightToLeft;
    /// <summary>The word clusters the tagger's features use, when it was trained with them.</summary>
    public WordClusterTable? Clusters => _clusters;
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Tags tokens [first, end) of one sentence: sets Upos and Xpos (interned) on each token.</summary>
    public void Tag(string text, Span<TokenData> tokens)
    {
        int n = tokens.Length;
        if (n == 0) return;
        var labels = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Predict(text, tokens, labels);
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

    /// <summary>
    /// Greedy decoding with the first model, then the refiner when there is one. The refiner rescores only the words
    /// whose first-pass decision was close (score margin below <see cref="RefineBelowMargin"/>): on the others it
    /// practically never changes the tag, and skipping them saves most of its cost. A right-to-left refiner decodes the
    /// mirrored sentence, so its "following words" are the preceding ones, tagged by the left-to-right first pass.
    /// </summary>
    private void Predict(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels, Span<float> firstMargins = default, Span<float> refinerMargins = default)
    {
        int n = tokens.Length;
        var context = new Context(_ambiguityLookup, _clusters);
        var cache = ArrayPool<ulong>.Shared.Rent((n + 4) * PerToken);
        var fixedLabels = ArrayPool<int>.Shared.Rent(n);
        var margins = ArrayPool<float>.Shared.Rent(n);
        var first = ArrayPool<int>.Shared.Rent(n);
        try
        {
            HashTokens(text, tokens, context, cache, fixedLabels);
            bool cached = UseWordCache;
            Decode(cache, fixedLabels, n, labels, default, null, null, _model, cached ? _firstWords.Value : null, _labels.Length, context.Clusters is not null, useFixed: true,
                margins, default, 0);
            if (!firstMargins.IsEmpty) margins.AsSpan(0, n).CopyTo(firstMargins);
            if (_refiner is null) return;
            labels[..n].CopyTo(first);
            if (_refinerRightToLeft)
            {
                Reverse(cache, fixedLabels, n);
                first.AsSpan(0, n).Reverse();
                margins.AsSpan(0, n).Reverse();
            }
            Decode(cache, fixedLabels, n, labels, first.AsSpan(0, n), null, null, _refiner, cached ? _refinerWords.Value : null, _labels.Length, context.Clusters is not null,
                useFixed: true, refinerMargins, margins.AsSpan(0, n), RefineBelowMargin);
            if (_refinerRightToLeft) labels[..n].Reverse();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(cache);
            ArrayPool<int>.Shared.Return(fixedLabels);
            ArrayPool<float>.Shared.Return(margins);
            ArrayPool<int>.Shared.Return(first);
        }
    }

    /// <summary>
    /// First-pass score margin (best minus second best) above which the refiner keeps the first-pass tag. On EWT dev
    /// with the shipped model, 50 leaves the refiner about a third of the words and changes no tag; 15 changes a few.
    /// </summary>
    internal static float RefineBelowMargin { get; set; } = 50;

    /// <summary>
    /// Whether inference reuses each word type's score sums per role (<see cref="WordScoreCache"/>); off, every token
    /// scores them afresh. The scores are the same to the bit either way: a token's scores are always the sum of its
    /// five role vectors (<see cref="RoleFeatures"/>, each summed from zero), added in a fixed order, then its context
    /// features added one by one.
    /// </summary>
    internal static bool UseWordCache { get; set; } = true;

    /// <summary>Word types each pass's cache holds per thread (a power of two); the slot is picked by the cased form and the flags.</summary>
    internal const int WordCacheSlots = 4096;

    /// <summary>
    /// The roles in which a word's own hashes alone make features: itself, then as the previous, next, second previous and
    /// second next word of the word being tagged (<see cref="RoleFeatures"/>).
    /// </summary>
    private const int Roles = 5;
    private static readonly int[] RoleOffsets = [0, -1, 1, -2, 2];

    /// <summary>
    /// Mirrors a hashed sentence (tokens and padding) in place, so that left-to-right decoding reads it right to left:
    /// the features are positional, so the "previous word" becomes the next one.
    /// </summary>
    private static void Reverse(ulong[] cache, int[] fixedLabels, int n)
    {
        for (int a = 0, b = n + 3; a < b; a++, b--)
            for (int k = 0; k < PerToken; k++) (cache[a * PerToken + k], cache[b * PerToken + k]) = (cache[b * PerToken + k], cache[a * PerToken + k]);
        fixedLabels.AsSpan(0, n).Reverse();
    }

    /// <summary>Per-token hashes of a sentence (with two padding positions on each side) and the tags fixed by the dictionary.</summary>
    private static void HashTokens(string text, ReadOnlySpan<TokenData> tokens, Context context, ulong[] cache, int[] fixedLabels)
    {
        int n = tokens.Length;
        for (int k = 0; k < PerToken; k++)
        {
            cache[k] = 11 + (ulong)k; cache[PerToken + k] = 13 + (ulong)k;
            cache[(n + 2) * PerToken + k] = 17 + (ulong)k; cache[(n + 3) * PerToken + k] = 19 + (ulong)k;
        }
        bool titleLike = context.Clusters is not null && IsTitleLike(text, tokens);
        for (int i = 0; i < n; i++) fixedLabels[i] = TokenHashes(text, tokens[i], i == 0, titleLike, context, cache.AsSpan((i + 2) * PerToken, PerToken));
    }

    /// <summary>Training and jackknife decoding: hashes the sentence, then decodes it (mirrored when <paramref name="rightToLeft"/>).</summary>
    private static void Decode(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels, ReadOnlySpan<int> right, PerceptronTrainer? trainer, int[]? gold,
        PerceptronModel? model, Context context, int classCount, bool useFixed, bool rightToLeft)
    {
        int n = tokens.Length;
        var cache = ArrayPool<ulong>.Shared.Rent((n + 4) * PerToken);
        var fixedLabels = ArrayPool<int>.Shared.Rent(n);
        try
        {
            HashTokens(text, tokens, context, cache, fixedLabels);
            if (rightToLeft)
            {
                Reverse(cache, fixedLabels, n);
                if (gold is not null) { gold = (int[])gold.Clone(); gold.AsSpan().Reverse(); }
                if (!right.IsEmpty) { var mirrored = right.ToArray(); mirrored.AsSpan().Reverse(); right = mirrored; }
            }
            Decode(cache, fixedLabels, n, labels, right, trainer, gold, model, null, classCount, context.Clusters is not null, useFixed, default, default, 0);
            if (rightToLeft) labels[..n].Reverse();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(cache);
            ArrayPool<int>.Shared.Return(fixedLabels);
        }
    }

    /// <summary>
    /// Greedy left-to-right decoding over hashed tokens. <paramref name="right"/>, when not empty, holds an earlier pass's
    /// tags (refiner features). With a <paramref name="trainer"/> it trains toward <paramref name="gold"/> instead of
    /// using a model; with a <paramref name="words"/> cache, a token's word-only score sum is copied from it when held
    /// (and stored when not), and only the context features are scored. <paramref name="marginsOut"/> receives each word's score margin; with <paramref name="marginsIn"/>,
    /// words whose earlier margin is at least <paramref name="keepAbove"/> keep their earlier tag.
    /// </summary>
    private static void Decode(ulong[] cache, int[] fixedLabels, int n, Span<int> labels, ReadOnlySpan<int> right, PerceptronTrainer? trainer, int[]? gold,
        PerceptronModel? model, WordScoreCache? words, int classCount, bool withClusters, bool useFixed, Span<float> marginsOut, ReadOnlySpan<float> marginsIn,
        float keepAbove)
    {
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        Span<float> scores = stackalloc float[classCount];
        Span<float> role = stackalloc float[classCount];
        int prev1 = -1, prev2 = -2;
        for (int i = 0; i < n; i++)
        {
            int guess;
            if (useFixed && fixedLabels[i] >= 0) { guess = fixedLabels[i]; if (!marginsOut.IsEmpty) marginsOut[i] = float.PositiveInfinity; }
            else if (!marginsIn.IsEmpty && marginsIn[i] >= keepAbove) guess = right[i];
            else
            {
                // a model's scores start from the sum of the five role vectors (from the cache when there is one), then
                // the context features are added; the trainer scores the same features one by one
                if (trainer is null) RoleSums(cache, i + 2, words, model!, withClusters, features, scores, role);
                int count = trainer is null ? 0 : AllRoleFeatures(cache, i + 2, withClusters, features);
                count = ContextFeatures(cache, i + 2, prev1, prev2, withClusters, features, count);
                if (!right.IsEmpty) count = RightFeatures(cache, i + 2, right, i, features, count);
                var f = features[..count];
                if (trainer is not null)
                {
                    trainer.Score(f, scores);
                    guess = PerceptronModel.ArgMax(scores);
                    trainer.Update(f, gold![i], guess);
                }
                else
                {
                    model!.Score(f, scores);
                    guess = PerceptronModel.ArgMax(scores);
                    if (!marginsOut.IsEmpty) marginsOut[i] = Margin(scores, guess);
                }
            }
            labels[i] = guess;
            prev2 = prev1;
            prev1 = guess;
        }
    }

    /// <summary>
    /// Sets <paramref name="scores"/> to the sum of the role vectors of word <paramref name="p"/>: its own, then those of its
    /// previous, next, second previous and second next word in those roles, each the sum of its <see cref="RoleFeatures"/> from
    /// zero under <paramref name="model"/>; taken from <paramref name="words"/> when held there, else scored (and stored).
    /// <paramref name="features"/> and <paramref name="scratch"/> are scratch.
    /// </summary>
    private static void RoleSums(ulong[] cache, int p, WordScoreCache? words, PerceptronModel model, bool withClusters, Span<ulong> features, Span<float> scores,
        Span<float> scratch)
    {
        int width = scores.Length;
        for (int r = 0; r < Roles; r++)
        {
            int q = p + RoleOffsets[r];
            Span<float> vector = scratch;
            int slot = -1;
            if (words is not null)
            {
                var key = cache.AsSpan(q * PerToken, PerToken);
                // the cased form and the flags (sentence start, title-like sentence) spread the words over the slots
                var entry = words.Entry(key, FeatureHash.Mix(key[1] ^ key[11]), out slot);
                vector = entry.Slice(r * width, width);
                if (words.Holds(slot, r)) slot = -1;
            }
            if (words is null || slot >= 0)
            {
                vector.Clear();
                model.Score(features[..RoleFeatures(cache, q, r, withClusters, features, 0)], vector);
                if (slot >= 0) words!.Hold(slot, r);
            }
            // the vector is read before the next role's entry can take its slot
            if (r == 0) vector.CopyTo(scores);
            else Add(vector, scores);
        }
    }

    private static void Add(ReadOnlySpan<float> x, Span<float> sum)
    {
        int k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
            for (int step = System.Numerics.Vector<float>.Count; k + step <= x.Length; k += step)
                (new System.Numerics.Vector<float>(x[k..]) + new System.Numerics.Vector<float>(sum[k..])).CopyTo(sum[k..]);
        for (; k < x.Length; k++) sum[k] += x[k];
    }

    private static float Margin(ReadOnlySpan<float> scores, int best)
    {
        float second = float.NegativeInfinity;
        for (int k = 0; k < scores.Length; k++) if (k != best && scores[k] > second) second = scores[k];
        return scores[best] - second;
    }

    private static int RightFeatures(ulong[] c, int p, ReadOnlySpan<int> right, int i, Span<ulong> f, int n)
    {
        ulong r1 = i + 1 < right.Length ? (ulong)(right[i + 1] + 3) : 1;
        ulong r2 = i + 2 < right.Length ? (ulong)(right[i + 2] + 3) : 2;
        ulong r0 = (ulong)(right[i] + 3);
        int at = p * PerToken;
        f[n++] = F(40, r1);
        f[n++] = F(41, r2);
        f[n++] = F(42, r1, r2);
        f[n++] = F(43, r1, c[at]);
        f[n++] = F(44, r0);
        f[n++] = F(45, r1, c[at + 5]);
        f[n++] = F(46, r1, c[(p + 1) * PerToken]);
        f[n++] = F(47, r0, c[at]);
        if (c[at + 13] == 31) return n;
        // with clusters: the next word's first-pass tag with this word's capitalisation (names run on: "Hobby Lobby")
        f[n++] = F(66, r1, c[at + 11]);
        f[n++] = F(67, r1, c[at + 17], c[at + 11]);
        f[n++] = F(68, r1, c[at + 14]);
        return n;
    }

    /// <summary>Per-token hashes computed once: lower form, cased form, shape, suffixes 1-4, prefixes 1-3, tag-dictionary class, flags.</summary>
    /// <summary>
    /// Headline-like sentences ("Stop Making Sense at Cinema 21") capitalise common nouns: most words after the first
    /// start with a capital. Capitalisation then says less about proper nouns.
    /// </summary>
    private static bool IsTitleLike(string text, ReadOnlySpan<TokenData> tokens)
    {
        int words = 0, capitalised = 0;
        for (int i = 1; i < tokens.Length; i++)
        {
            char c = text[tokens[i].Start];
            if (!char.IsLetter(c)) continue;
            words++;
            if (char.IsUpper(c)) capitalised++;
        }
        return words >= 2 && capitalised * 3 >= words * 2;
    }

    private static int TokenHashes(string text, in TokenData t, bool first, bool titleLike, Context context, Span<ulong> h)
    {
        var ambiguity = context.Ambiguity;
        var w = text.AsSpan(t.Start, t.End - t.Start);
        const ulong seed = FeatureHash.Offset;
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
        int fixedLabel = amb == Unknown ? -1 : (amb >> 16) - 1;
        amb &= 0xFFFF;
        h[10] = (ulong)amb + 1;
        // the tag class of the exact (cased) form, kept under a "\u0001" prefix: "Housing" vs "housing"
        int cased = Unknown;
        if (w.Length <= 32 && char.IsUpper(w[0]))
        {
            Span<char> key = stackalloc char[w.Length + 1];
            key[0] = '\u0001';
            w.CopyTo(key[1..]);
            if (ambiguity.TryGetValue(key, out cased)) cased &= 0xFFFF; else cased = Unknown;
        }
        h[12] = (ulong)cased + 5;
        int flags = (first ? 1 : 0) | (char.IsUpper(w[0]) ? 2 : 0) | (w.Contains('-') ? 4 : 0) | (ContainsDigit(w) ? 8 : 0) | (IsAllUpper(w) ? 16 : 0) | (titleLike ? 32 : 0);
        h[11] = (ulong)flags + 1;
        var clusters = context.Clusters;
        if (clusters is null) h[13] = h[14] = h[15] = h[16] = h[17] = 31;
        else
        {
            int code = clusters.Lookup(w);
            for (int level = 0; level < 4; level++) h[13 + level] = (ulong)clusters.Cluster(code, Math.Min(level, clusters.Levels - 1)) + 37;
            h[17] = (ulong)WordClusterTable.CaseBucket(code) + 41;
        }
        return fixedLabel;
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

    private static readonly ulong[] Templates = [.. Enumerable.Range(0, 80).Select(FeatureHash.Start)];

    /// <summary>What per-token hashing looks up: the tag dictionary and the word clusters.</summary>
    private readonly record struct Context(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ambiguity, WordClusterTable? Clusters);

    private static ulong F(int template, ulong a, ulong b, ulong c) => FeatureHash.Key<FeatureHash.TaggerFamily>(Templates[template], a, b, c);

    private static ulong F(int template, ulong a) => FeatureHash.Key<FeatureHash.TaggerFamily>(Templates[template], a);
    private static ulong F(int template, ulong a, ulong b) => FeatureHash.Key<FeatureHash.TaggerFamily>(Templates[template], a, b);

    /// <summary>All five roles' features of word <paramref name="p"/> (<see cref="RoleSums"/>' order), for the trainer.</summary>
    private static int AllRoleFeatures(ulong[] c, int p, bool withClusters, Span<ulong> f)
    {
        int n = 0;
        for (int r = 0; r < Roles; r++) n = RoleFeatures(c, p + RoleOffsets[r], r, withClusters, f, n);
        return n;
    }

    /// <summary>
    /// The features that word <paramref name="q"/>'s own hashes alone make in role <paramref name="role"/>, written from
    /// <paramref name="n"/> on: 0, the word being tagged (form, shape, affixes, tag-dictionary classes, flags, clusters);
    /// 1 and 2, the previous and next word; 3 and 4, the second previous and second next word.
    /// </summary>
    private static int RoleFeatures(ulong[] c, int q, int role, bool withClusters, Span<ulong> f, int n)
    {
        int i = q * PerToken;
        switch (role)
        {
            case 0:
                f[n++] = Templates[0];
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
                f[n++] = F(34, c[i + 11], c[i + 2]);
                f[n++] = F(35, c[i + 12]);
                if (!withClusters) return n;
                // word clusters: 13 fine, 14-16 coarser levels, 17 capitalisation prior
                f[n++] = F(48, c[i + 13]);
                f[n++] = F(49, c[i + 14]);
                f[n++] = F(50, c[i + 15]);
                f[n++] = F(51, c[i + 16]);
                f[n++] = F(60, c[i + 17], c[i + 11]);
                f[n++] = F(62, c[i + 17], c[i + 12]);
                return n;
            case 1:
                f[n++] = F(13, c[i]);
                f[n++] = F(21, c[i + 5]);
                f[n++] = F(24, c[i + 2]);
                f[n++] = F(26, c[i + 10]);
                if (!withClusters) return n;
                f[n++] = F(52, c[i + 14]);
                f[n++] = F(54, c[i + 13]);
                return n;
            case 2:
                f[n++] = F(14, c[i]);
                f[n++] = F(22, c[i + 5]);
                f[n++] = F(23, c[i + 2]);
                f[n++] = F(25, c[i + 10]);
                if (!withClusters) return n;
                f[n++] = F(53, c[i + 14]);
                f[n++] = F(55, c[i + 13]);
                return n;
            case 3:
                f[n++] = F(15, c[i]);
                if (withClusters) f[n++] = F(56, c[i + 15]);
                return n;
            default:
                f[n++] = F(16, c[i]);
                f[n++] = F(32, c[i + 10]);
                if (withClusters) f[n++] = F(57, c[i + 15]);
                return n;
        }
    }

    /// <summary>The features of word <paramref name="p"/> that see the previous tags or two words at once, written from <paramref name="n"/> on.</summary>
    private static int ContextFeatures(ulong[] c, int p, int prev1, int prev2, bool withClusters, Span<ulong> f, int n)
    {
        int i = p * PerToken, prv = (p - 1) * PerToken, nxt = (p + 1) * PerToken;
        ulong t1 = (ulong)(prev1 + 3), t2 = (ulong)(prev2 + 3);
        f[n++] = F(17, t1);
        f[n++] = F(18, t2);
        f[n++] = F(19, t1, t2);
        f[n++] = F(20, t1, c[i]);
        f[n++] = F(27, c[i], c[nxt]);
        f[n++] = F(28, c[prv], c[i]);
        f[n++] = F(29, t1, c[i + 10]);
        f[n++] = F(30, t1, c[i + 5]);
        f[n++] = F(31, c[i + 10], c[nxt + 10]);
        f[n++] = F(33, t1, c[nxt]);
        f[n++] = F(36, c[prv + 11], c[i + 11]);
        f[n++] = F(37, c[i + 11], c[nxt + 11]);
        f[n++] = F(38, c[prv], c[nxt]);
        f[n++] = F(39, t1, c[i + 12]);
        if (!withClusters) return n;
        f[n++] = F(58, c[prv + 14], c[i + 14]);
        f[n++] = F(59, c[i + 14], c[nxt + 14]);
        f[n++] = F(61, t1, c[i + 14]);
        f[n++] = F(63, c[prv + 16], c[i + 16], c[nxt + 16]);
        f[n++] = F(64, t1, c[i + 11]);
        f[n++] = F(65, t1, c[i + 17], c[i + 11]);
        return n;
    }

    // ---- training ----

    private const int Folds = 4;

    internal static Tagger Train(IReadOnlyList<ConlluSentence> sentences, int epochs, int seed, bool refine, Action<int, Tagger>? afterEpoch = null, Action<string>? progress = null,
        WordClusterTable? clusters = null, bool refinerRightToLeft = false)
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
                string form = s.Words[i].Form;
                string lower = form.ToLowerInvariant();
                if (!wordCounts.TryGetValue(lower, out var counts)) wordCounts[lower] = counts = [];
                counts[id] = counts.GetValueOrDefault(id) + 1;
                if (form.Length > 0 && char.IsUpper(form[0]))
                {
                    string cased = "\u0001" + form;
                    if (!wordCounts.TryGetValue(cased, out counts)) wordCounts[cased] = counts = [];
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }
            if (buffer.Count != gold.Length) continue;
            data.Add((sb.ToString(), buffer.Span.ToArray(), gold));
        }
        var labels = new string[labelIds.Count];
        foreach (var (k, v) in labelIds) labels[v] = k;
        var ambiguity = AmbiguityClasses(wordCounts, labels);
        var lookup = new Context(ambiguity.GetAlternateLookup<ReadOnlySpan<char>>(), clusters);
        var first = TrainPass(data, labels.Length, lookup, epochs, seed, null, false,
            afterEpoch is null ? null : e => afterEpoch(e.Epoch, new Tagger(e.Model, null, labels, ambiguity, clusters)));
        if (!refine) return new Tagger(first, null, labels, ambiguity, clusters);
        // the refiner learns from first-pass tags as good as those it will see on new text: each training
        // sentence is tagged by a first pass trained without it (jackknifing over folds)
        var right = new int[data.Count][];
        for (int fold = 0; fold < Folds; fold++)
        {
            var rest = new List<(string, TokenData[], int[])>(data.Count);
            for (int k = 0; k < data.Count; k++) if (k % Folds != fold) rest.Add(data[k]);
            var foldModel = TrainPass(rest, labels.Length, lookup, epochs, seed + 10 + fold, null, false, null);
            for (int k = fold; k < data.Count; k += Folds)
            {
                var (text, tokens, _) = data[k];
                right[k] = new int[tokens.Length];
                Decode(text, tokens, right[k], default, null, null, foldModel, lookup, labels.Length, useFixed: false, rightToLeft: false);
            }
            progress?.Invoke($"tagger: jackknife fold {fold + 1}/{Folds} done");
        }
        var refiner = TrainPass(data, labels.Length, lookup, epochs, seed + 1, right, refinerRightToLeft,
            afterEpoch is null ? null : e => afterEpoch(e.Epoch + epochs, new Tagger(first, e.Model, labels, ambiguity, clusters, refinerRightToLeft)));
        return new Tagger(first, refiner, labels, ambiguity, clusters, refinerRightToLeft);
    }

    internal readonly record struct EpochModel(int Epoch, PerceptronModel Model);

    private static PerceptronModel TrainPass(List<(string Text, TokenData[] Tokens, int[] Gold)> data, int classCount,
        Context lookup, int epochs, int seed, int[][]? right, bool rightToLeft, Action<EpochModel>? afterEpoch)
    {
        var trainer = new PerceptronTrainer(classCount);
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
                Decode(text, tokens, scratch, right is null ? default : right[k], trainer, gold, null, lookup, classCount, useFixed: false, rightToLeft);
            }
            // a snapshot for progress reports, at the end of the pass and every third epoch
            if (afterEpoch is not null && epoch < epochs - 1 && epoch % 3 == 2) afterEpoch(new EpochModel(epoch, trainer.Freeze()));
        }
        var model = trainer.Freeze();
        afterEpoch?.Invoke(new EpochModel(epochs - 1, model));
        return model;
    }

    /// <summary>For words seen at least 3 times: the set of classes covering at least 5% of their occurrences, as a class id.</summary>
    private static Dictionary<string, int> AmbiguityClasses(Dictionary<string, Dictionary<int, int>> wordCounts, string[] labels)
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
            int fixedLabel = 0;
            foreach (var (label, c) in counts)
                if (total >= 20 && c * 1000 >= total * 995 && word[0] != '\u0001') fixedLabel = label + 1;
            result[word] = id | (fixedLabel << 16);
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
        w.Write(_refiner is not null);
        _refiner?.Write(w);
        // which cluster file the features were trained with (it lives beside the tagger: clusters.bin.gz)
        w.Write(_clusters?.Fingerprint ?? 0UL);
        w.Write(_refinerRightToLeft);
    });

    /// <summary>Loads a tagger; one trained with word clusters needs the same <paramref name="clusters"/> (the NLP model folder's clusters.bin.gz).</summary>
    public static Tagger Load(string path, WordClusterTable? clusters = null) => PerceptronModel.ReadFile(path, r =>
    {
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        int n = r.ReadInt32();
        var ambiguity = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) { string k = r.ReadString(); ambiguity[k] = r.ReadInt32(); }
        var model = PerceptronModel.Read(r);
        var refiner = r.ReadBoolean() ? PerceptronModel.Read(r) : null;
        // older files end here: no clusters
        ulong fingerprint = r.BaseStream.CanRead && TryReadUInt64(r, out ulong f) ? f : 0;
        // older files end here too: a left-to-right refiner
        bool refinerRightToLeft = TryReadBoolean(r, out bool rightToLeft) && rightToLeft;
        if (fingerprint == 0) return new Tagger(model, refiner, labels, ambiguity, null, refinerRightToLeft);
        if (clusters is null) throw new InvalidDataException($"{path}: the tagger was trained with word clusters ({WordClusterTable.FileName}), which are missing");
        if (clusters.Fingerprint != fingerprint) throw new InvalidDataException($"{path}: the tagger was trained with other word clusters than {WordClusterTable.FileName}");
        return new Tagger(model, refiner, labels, ambiguity, clusters, refinerRightToLeft);
    });

    private static bool TryReadBoolean(BinaryReader r, out bool value)
    {
        try { value = r.ReadBoolean(); return true; }
        catch (EndOfStreamException) { value = false; return false; }
    }

    private static bool TryReadUInt64(BinaryReader r, out ulong value)
    {
        try { value = r.ReadUInt64(); return true; }
        catch (EndOfStreamException) { value = 0; return false; }
    }

    /// <summary>
    /// Labels predicted for a sentence, for evaluation; with the score margins (best minus second best) of the first pass and,
    /// in its reading order, of the refiner's rescored words (its other entries are left as they were).
    /// </summary>
    internal void PredictLabels(string text, ReadOnlySpan<TokenData> tokens, Span<int> labels, Span<float> firstMargins = default, Span<float> refinerMargins = default) =>
        Predict(text, tokens, labels, firstMargins, refinerMargins);
}
