using System.Runtime.InteropServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Feature extraction for one document. Holds the document's token hashes, gazetteer matches, word clusters,
/// capitalisation statistics and the history of labels given earlier in the document, then emits hashed features
/// per token. One instance per call (not shared between threads); arrays are reused across documents.
/// </summary>
internal sealed class NerFeatures
{
    public const int MaxFeatures = 80;
    private const int HistoryClasses = 5; // O, PER, ORG, LOC, MISC

    private readonly Gazetteer? _gazetteer;
    private readonly WordClusterTable? _clusters;
    /// <summary>The cluster table's codes by the lower-case hash each token gets anyway (<see cref="TokenHashes.Lower"/>): one lookup a token, no second normalisation.</summary>
    private readonly Dictionary<ulong, int>? _clusterCodes;

    private TokenHashes[] _tokens = new TokenHashes[256];
    private ushort[] _gazBegin = new ushort[256], _gazInside = new ushort[256], _gazSingle = new ushort[256];
    private int[] _cluster = new int[256];
    private int[] _sentenceOf = new int[256];
    private int[] _sentenceStart = new int[32], _sentenceEnd = new int[32];
    private bool[] _allCaps = new bool[32];
    private ulong[] _gazScratch = new ulong[256];
    private int _tokenCount, _sentenceCount;
    private NerDomain _domain;
    private readonly Dictionary<ulong, CaseCounts> _caseCounts = [];
    private readonly Dictionary<ulong, HistoryCounts> _history = [];

    private struct CaseCounts { public int MidCap; public int Lower; }

    [StructLayout(LayoutKind.Sequential)]
    private struct HistoryCounts { public int O, Per, Org, Loc, Misc; }

    public NerFeatures(Gazetteer? gazetteer, WordClusterTable? clusters)
    {
        _gazetteer = gazetteer;
        _clusters = clusters;
        if (clusters is null) return;
        _clusterCodes = new Dictionary<ulong, int>(clusters.Count);
        Span<char> buffer = stackalloc char[NerTokenHashes.MaxChars];
        foreach (var (word, code) in clusters.Codes) _clusterCodes[NerTokenHashes.Lower(word, buffer)] = code;
    }

    public int TokenCount => _tokenCount;
    public int SentenceCount => _sentenceCount;
    public int SentenceStart(int s) => _sentenceStart[s];
    public int SentenceEnd(int s) => _sentenceEnd[s];

    /// <summary>Loads a document: <paramref name="text"/> holds the tokens at the given spans; sentences are half-open token ranges given by their ends.</summary>
    public void Load(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> tokens, ReadOnlySpan<int> sentenceEnds, NerDomain domain = NerDomain.News)
    {
        _domain = domain;
        _tokenCount = tokens.Length;
        _sentenceCount = sentenceEnds.Length;
        Ensure(ref _tokens, _tokenCount); Ensure(ref _gazBegin, _tokenCount); Ensure(ref _gazInside, _tokenCount);
        Ensure(ref _gazSingle, _tokenCount); Ensure(ref _cluster, _tokenCount); Ensure(ref _sentenceOf, _tokenCount);
        Ensure(ref _gazScratch, _tokenCount);
        Ensure(ref _sentenceStart, _sentenceCount); Ensure(ref _sentenceEnd, _sentenceCount); Ensure(ref _allCaps, _sentenceCount);
        _caseCounts.Clear();
        _history.Clear();

        for (int i = 0; i < _tokenCount; i++)
        {
            var (start, end) = tokens[i];
            NerTokenHashes.Compute(text[start..end], ref _tokens[i]);
            _cluster[i] = _clusterCodes is null ? 0 : _clusterCodes.GetValueOrDefault(_tokens[i].Lower);
        }
        int first = 0;
        for (int s = 0; s < _sentenceCount; s++)
        {
            int end = sentenceEnds[s];
            _sentenceStart[s] = first;
            _sentenceEnd[s] = end;
            int withLower = 0, withLetters = 0;
            for (int i = first; i < end; i++)
            {
                _sentenceOf[i] = s;
                if (_tokens[i].HasLetter) withLetters++;
                if (_tokens[i].HasLowerLetter) withLower++;
            }
            // A headline: no lower-case letter in a sentence with at least two words.
            _allCaps[s] = withLower == 0 && withLetters >= 2;
            if (_gazetteer is not null)
            {
                for (int i = first; i < end; i++) _gazScratch[i] = _tokens[i].Lower;
                _gazetteer.Match(_gazScratch.AsSpan(first, end - first), _gazBegin.AsSpan(first, end - first),
                    _gazInside.AsSpan(first, end - first), _gazSingle.AsSpan(first, end - first));
            }
            // Capitalisation statistics: informative only mid-sentence in a normally cased sentence.
            if (!_allCaps[s])
            {
                for (int i = first; i < end; i++)
                {
                    ref readonly var t = ref _tokens[i];
                    if (!t.HasLetter) continue;
                    ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_caseCounts, t.Lower, out _);
                    if (t.Case == CaseClass.Lower) counts.Lower++;
                    else if (i > first && (t.Case == CaseClass.InitialCap || t.Case == CaseClass.MixedCaps)) counts.MidCap++;
                }
            }
            first = end;
        }
    }

    /// <summary>Records the labels given to a sentence, for the history features of later sentences.</summary>
    public void Remember(int sentence, ReadOnlySpan<int> labels)
    {
        int first = _sentenceStart[sentence];
        for (int k = 0; k < labels.Length; k++)
        {
            ref readonly var t = ref _tokens[first + k];
            if (!t.HasLetter) continue;
            ref var h = ref CollectionsMarshal.GetValueRefOrAddDefault(_history, t.Lower, out _);
            int type = NerLabels.TypeOf(labels[k]);
            Span<int> counts = MemoryMarshal.CreateSpan(ref h.O, HistoryClasses);
            counts[type + 1]++;
        }
    }

    /// <summary>-1 when the word was not seen earlier; else 2 * (most frequent entity type + 1, or 0) + (O was more frequent).</summary>
    private int HistoryClass(ulong lower)
    {
        if (!_history.TryGetValue(lower, out var h)) return -1;
        ReadOnlySpan<int> counts = MemoryMarshal.CreateReadOnlySpan(ref h.O, HistoryClasses);
        int best = 0, bestCount = 0;
        for (int k = 1; k < HistoryClasses; k++)
            if (counts[k] > bestCount) { best = k; bestCount = counts[k]; }
        return 2 * best + (counts[0] > bestCount ? 1 : 0);
    }

    /// <summary>How many hashes <see cref="WordKey"/> writes.</summary>
    public const int WordKeyLength = 14;

    /// <summary>
    /// Writes the features of token <paramref name="i"/> (a document-wide index) and returns how many: those of the word
    /// alone (<see cref="Word"/>) first, then those of its context (<see cref="Context"/>); with <paramref name="augment"/>
    /// each part is followed by its domain copies (<see cref="NerDecoder.Augment"/>).
    /// </summary>
    public int Extract(int i, Span<ulong> f, bool augment = false)
    {
        int n = Word(i, f, augment);
        return n + Context(i, f[n..], augment);
    }

    /// <summary>
    /// The features of token <paramref name="i"/> that depend only on what <see cref="WordKey"/> holds (its form hashes,
    /// case, length, position class, cluster and the document's domain), so their score sum can be cached per key.
    /// </summary>
    public int Word(int i, Span<ulong> f, bool augment)
    {
        int n = 0;
        ref readonly var t = ref _tokens[i];
        ulong position = Position(i);
        f[n++] = FeatureHash.Feature(0, 0);
        f[n++] = FeatureHash.Feature(1, t.Word);
        f[n++] = FeatureHash.Feature(2, t.Lower);
        f[n++] = FeatureHash.Feature(3, t.Prefix1);
        f[n++] = FeatureHash.Feature(4, t.Prefix2);
        f[n++] = FeatureHash.Feature(5, t.Prefix3);
        f[n++] = FeatureHash.Feature(6, t.Prefix4);
        f[n++] = FeatureHash.Feature(7, t.Suffix1);
        f[n++] = FeatureHash.Feature(8, t.Suffix2);
        f[n++] = FeatureHash.Feature(9, t.Suffix3);
        f[n++] = FeatureHash.Feature(10, t.Suffix4);
        f[n++] = FeatureHash.Feature(11, t.Shape);
        f[n++] = FeatureHash.Feature(12, t.ShortShape, position);
        f[n++] = FeatureHash.Feature(13, (ulong)t.Case, position);
        f[n++] = FeatureHash.Feature(24, Math.Min((ulong)t.Length, 12), (ulong)t.Case);
        if (_clusters is not null)
        {
            int c = _cluster[i];
            int fine = _clusters.Cluster(c, 0);
            f[n++] = FeatureHash.Feature(50, (ulong)fine);
            f[n++] = FeatureHash.Feature(51, (ulong)_clusters.Cluster(c, 1));
            f[n++] = FeatureHash.Feature(54, (ulong)fine, (ulong)t.Case);
            // How often news writes this word capitalised mid-sentence, against how it is written here. News only:
            // web text's capitalisation is too loose for it (measured: it costs about a point of F1 on UNER dev).
            if (_domain == NerDomain.News) f[n++] = FeatureHash.Feature(55, (ulong)CasePrior(c), (ulong)t.Case, position);
        }
        return augment ? NerDecoder.Augment(f, n, _domain) : n;
    }

    /// <summary>Everything <see cref="Word"/>'s features of token <paramref name="i"/> depend on, <see cref="WordKeyLength"/> hashes.</summary>
    public void WordKey(int i, Span<ulong> key)
    {
        ref readonly var t = ref _tokens[i];
        key[0] = t.Word; key[1] = t.Lower; key[2] = t.Shape; key[3] = t.ShortShape;
        key[4] = t.Prefix1; key[5] = t.Prefix2; key[6] = t.Prefix3; key[7] = t.Prefix4;
        key[8] = t.Suffix1; key[9] = t.Suffix2; key[10] = t.Suffix3; key[11] = t.Suffix4;
        key[12] = (ulong)t.Case | (ulong)t.Length << 8 | Position(i) << 16 | (ulong)_domain << 24;
        key[13] = (ulong)_cluster[i];
    }

    /// <summary>Sentence start (1) and headline sentence (2), the position class of token <paramref name="i"/>.</summary>
    private ulong Position(int i)
    {
        int s = _sentenceOf[i];
        return (i == _sentenceStart[s] ? 1UL : 0) | (_allCaps[s] ? 2UL : 0);
    }

    /// <summary>The features of token <paramref name="i"/> that see its neighbours, the gazetteers or the rest of the document.</summary>
    public int Context(int i, Span<ulong> f, bool augment)
    {
        int n = 0;
        int s = _sentenceOf[i];
        int first = _sentenceStart[s], end = _sentenceEnd[s];
        ref readonly var t = ref _tokens[i];
        bool allCaps = _allCaps[s];
        bool isFirst = i == first;

        ulong lowerM1 = i - 1 >= first ? _tokens[i - 1].Lower : Boundary(1);
        ulong lowerM2 = i - 2 >= first ? _tokens[i - 2].Lower : Boundary(2);
        ulong lowerP1 = i + 1 < end ? _tokens[i + 1].Lower : Boundary(3);
        ulong lowerP2 = i + 2 < end ? _tokens[i + 2].Lower : Boundary(4);
        ulong shortM1 = i - 1 >= first ? _tokens[i - 1].ShortShape : Boundary(1);
        ulong shortP1 = i + 1 < end ? _tokens[i + 1].ShortShape : Boundary(3);
        ulong caseM1 = i - 1 >= first ? (ulong)_tokens[i - 1].Case : 9;
        ulong caseP1 = i + 1 < end ? (ulong)_tokens[i + 1].Case : 9;
        ulong position = Position(i);

        f[n++] = FeatureHash.Feature(14, lowerM1);
        f[n++] = FeatureHash.Feature(15, lowerP1);
        f[n++] = FeatureHash.Feature(16, lowerM2);
        f[n++] = FeatureHash.Feature(17, lowerP2);
        f[n++] = FeatureHash.Feature(18, shortM1, t.ShortShape, shortP1);
        f[n++] = FeatureHash.Feature(19, shortM1, t.ShortShape);
        f[n++] = FeatureHash.Feature(20, t.ShortShape, shortP1);
        f[n++] = FeatureHash.Feature(21, lowerM1, t.Lower);
        f[n++] = FeatureHash.Feature(22, t.Lower, lowerP1);
        f[n++] = FeatureHash.Feature(23, caseM1, (ulong)t.Case, caseP1);
        f[n++] = FeatureHash.Feature(25, lowerM1, (ulong)t.Case);
        f[n++] = FeatureHash.Feature(26, (ulong)t.Case, lowerP1);
        f[n++] = FeatureHash.Feature(27, Math.Min((ulong)(end - first), 6), position | ((ulong)t.Case << 2));

        if (_gazetteer is not null)
        {
            for (int k = 0; k < Gazetteer.ListNames.Length; k++)
            {
                int bit = 1 << k;
                ulong where = (_gazBegin[i] & bit) != 0 ? 1UL : (_gazInside[i] & bit) != 0 ? 2UL : (_gazSingle[i] & bit) != 0 ? 3UL : 0;
                if (where == 0) continue;
                f[n++] = FeatureHash.Feature(30, (ulong)k, where);
                f[n++] = FeatureHash.Feature(31, (ulong)k, where, (ulong)t.Case);
            }
            ulong prevGaz = i - 1 >= first ? (ulong)(_gazBegin[i - 1] | _gazInside[i - 1] | _gazSingle[i - 1]) : 0;
            ulong nextGaz = i + 1 < end ? (ulong)(_gazBegin[i + 1] | _gazInside[i + 1] | _gazSingle[i + 1]) : 0;
            if (prevGaz != 0) f[n++] = FeatureHash.Feature(32, prevGaz);
            if (nextGaz != 0) f[n++] = FeatureHash.Feature(33, nextGaz);
        }

        if (t.HasLetter)
        {
            // Is this word capitalised mid-sentence, or written in lower case, elsewhere in the document?
            _caseCounts.TryGetValue(t.Lower, out var counts);
            bool selfMid = !allCaps && !isFirst && (t.Case == CaseClass.InitialCap || t.Case == CaseClass.MixedCaps);
            bool selfLower = !allCaps && t.Case == CaseClass.Lower;
            int midElsewhere = counts.MidCap - (selfMid ? 1 : 0);
            int lowerElsewhere = counts.Lower - (selfLower ? 1 : 0);
            ulong doc = (midElsewhere > 0 ? 1UL : 0) | (lowerElsewhere > 0 ? 2UL : 0);
            f[n++] = FeatureHash.Feature(40, doc, (ulong)t.Case, position);

            int history = HistoryClass(t.Lower);
            if (history >= 0)
            {
                f[n++] = FeatureHash.Feature(41, (ulong)history);
                f[n++] = FeatureHash.Feature(42, (ulong)history, (ulong)t.Case);
            }
        }

        if (_clusters is not null)
        {
            int c = _cluster[i];
            int cm1 = i - 1 >= first ? _cluster[i - 1] : -1;
            int cp1 = i + 1 < end ? _cluster[i + 1] : -1;
            f[n++] = FeatureHash.Feature(52, (ulong)(cm1 < 0 ? -1 : _clusters.Cluster(cm1, 0)));
            f[n++] = FeatureHash.Feature(53, (ulong)(cp1 < 0 ? -1 : _clusters.Cluster(cp1, 0)));
            if (_domain == NerDomain.News)
                f[n++] = FeatureHash.Feature(56, (ulong)(cm1 < 0 ? 9 : CasePrior(cm1)), (ulong)CasePrior(c), (ulong)(cp1 < 0 ? 9 : CasePrior(cp1)));
        }
        return augment ? NerDecoder.Augment(f, n, _domain) : n;
    }

    /// <summary>A code's capitalisation bucket + 1 (0: unknown word), the values the model was trained with.</summary>
    private static int CasePrior(int code) => code == 0 ? 0 : WordClusterTable.CaseBucket(code) + 1;

    private static ulong Boundary(int which) => 0xB0B0_0000UL + (ulong)which;

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
    }
}
