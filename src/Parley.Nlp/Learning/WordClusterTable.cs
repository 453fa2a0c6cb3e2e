using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Learning;

/// <summary>
/// Distributional word clusters, learned from unlabelled text: each known word (lower-cased, digits folded to 0) has
/// a cluster at each of a few levels, plus a capitalisation prior (how often the word is written capitalised in
/// mid-sentence). The one cluster table of the NLP models, learned by <see cref="Training.ClusterTrainer"/> with two
/// recipes: the tagger's and the parser's (fine clusters grouped into a hierarchy of coarser ones, like the
/// bit-string prefixes of Brown clusters: <see cref="Hierarchy"/>) and NER's (a fine and an independent coarse
/// k-means: <see cref="FromWords"/>).
/// A word's code names its leaf, the distinct combination of clusters it has across the levels; each level maps
/// leaves to its clusters. Immutable and thread-safe.
/// </summary>
public sealed class WordClusterTable
{
    public const string FileName = "clusters.bin.gz";
    private const string Magic = "PARLEY-CLUSTERS";
    /// <summary>2: every level stored as a map from leaves (version 1, still read, stored only the coarser levels of a hierarchy).</summary>
    private const int FormatVersion = 2;
    /// <summary>Longest word looked up; longer words have no cluster.</summary>
    public const int MaxChars = 40;
    /// <summary>Number of capitalisation-prior buckets (0 = no evidence).</summary>
    public const int CaseBuckets = 6;

    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    /// <summary>Cluster of each leaf at each level: _levels[level][leaf]; in a hierarchy level 0 is the leaf itself.</summary>
    private readonly int[][] _levels;

    private WordClusterTable(Dictionary<string, int> codes, int fineCount, int[][] levels)
    {
        _codes = codes;
        _lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        FineCount = fineCount;
        _levels = levels;
        // order-independent, stable across processes: models trained with this table store it to check the pairing.
        // A hierarchy's level 0 (the leaf itself) adds nothing, so the tagger's stored fingerprints stay valid.
        ulong h = (ulong)fineCount;
        foreach (var (word, code) in codes) h += FeatureHash.Mix(FeatureHash.Add(FeatureHash.Start(code), word));
        foreach (var level in IsIdentity(levels[0]) ? levels[1..] : levels)
            for (int i = 0; i < level.Length; i++) h += FeatureHash.Mix(((ulong)i << 32 | (uint)level[i]) + (ulong)level.Length);
        Fingerprint = h == 0 ? 1 : h;
    }

    /// <summary>
    /// A hierarchy: <paramref name="codes"/> give each word (fine cluster + 1) | (case bucket &lt;&lt; 16), and
    /// <paramref name="parents"/>[l][fine] the fine cluster's group at level l + 1.
    /// </summary>
    internal static WordClusterTable Hierarchy(Dictionary<string, int> codes, int fineCount, int[][] parents) =>
        new(codes, fineCount, [[.. Enumerable.Range(0, fineCount)], .. parents]);

    /// <summary>
    /// Independent clusterings: each word with its cluster at every level (0-based, level 0 the fine one) and its case
    /// bucket (<see cref="CaseBucketOf"/>). Words are normalised (<see cref="Normalise(ReadOnlySpan{char})"/>).
    /// </summary>
    internal static WordClusterTable FromWords(IEnumerable<(string Word, int[] Clusters, int CaseBucket)> words)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaves = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<List<int>>();
        foreach (var (word, clusters, caseBucket) in words.OrderBy(w => w.Word, StringComparer.Ordinal))
        {
            string key = string.Join(',', clusters);
            if (!leaves.TryGetValue(key, out int leaf))
            {
                leaf = leaves.Count;
                leaves[key] = leaf;
                for (int l = 0; l < clusters.Length; l++)
                {
                    if (l == levels.Count) levels.Add([]);
                    levels[l].Add(clusters[l]);
                }
            }
            codes[Normalise(word)] = (leaf + 1) | (caseBucket << 16);
        }
        if (leaves.Count >= 0xFFFF) throw new InvalidDataException($"{leaves.Count} cluster combinations, at most {0xFFFF - 1}");
        int fineCount = levels.Count == 0 ? 0 : levels[0].Max() + 1;
        return new WordClusterTable(codes, fineCount, levels.Count == 0 ? [[]] : [.. levels.Select(l => l.ToArray())]);
    }

    private static bool IsIdentity(int[] level)
    {
        for (int i = 0; i < level.Length; i++) if (level[i] != i) return false;
        return true;
    }

    /// <summary>A non-zero 64-bit digest of the table; models trained with it store it.</summary>
    public ulong Fingerprint { get; }

    public int Count => _codes.Count;

    /// <summary>Every known word (normalised) with its code.</summary>
    public IEnumerable<KeyValuePair<string, int>> Codes => _codes;
    public int FineCount { get; }
    /// <summary>Number of levels: 0 is the fine level, the others are coarser.</summary>
    public int Levels => _levels.Length;

    /// <summary>
    /// The word's code: 0 when unknown, else (fine cluster + 1) in the low 16 bits and the capitalisation bucket in
    /// bits 16-19. Allocation-free.
    /// </summary>
    public int Lookup(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxChars) return 0;
        Span<char> key = stackalloc char[word.Length];
        Normalise(word, key);
        return _lookup.TryGetValue(key, out int code) ? code : 0;
    }

    /// <summary>Cluster id + 1 at <paramref name="level"/> (0 = fine) of a code from <see cref="Lookup"/>; 0 for unknown words.</summary>
    public int Cluster(int code, int level)
    {
        int leaf = code & 0xFFFF;
        return leaf == 0 ? 0 : _levels[level][leaf - 1] + 1;
    }

    /// <summary>Capitalisation bucket of a code: 0 no evidence, 1 (always lower case) to 5 (always capitalised).</summary>
    public static int CaseBucket(int code) => (code >> 16) & 0xF;

    /// <summary>
    /// The capitalisation prior of every recipe: the share of capitalised mid-sentence uses among those and
    /// lower-case ones, in buckets 1-5 (0: under 3 uses, no evidence).
    /// </summary>
    internal static int CaseBucketOf(int capitalised, int lower)
    {
        int total = capitalised + lower;
        if (total < 3) return 0;
        double share = (double)capitalised / total;
        return share < 0.02 ? 1 : share < 0.3 ? 2 : share < 0.7 ? 3 : share < 0.98 ? 4 : 5;
    }

    /// <summary>Lower case, every digit as 0: "1987" and "2019" share a cluster.</summary>
    public static void Normalise(ReadOnlySpan<char> word, Span<char> into)
    {
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            into[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
        }
    }

    public static string Normalise(ReadOnlySpan<char> word)
    {
        Span<char> key = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        Normalise(word, key);
        return new string(key);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        Write(w);
    }

    public static WordClusterTable Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        return Read(r) ?? throw new InvalidDataException($"{path}: not a Parley cluster file");
    }

    /// <summary>Writes the table (words in ordinal order, so the file is the same for the same clusters).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(FineCount);
        w.Write(_levels.Length);
        foreach (var p in _levels) { w.Write(p.Length); foreach (int v in p) w.Write(v); }
        w.Write(_codes.Count);
        foreach (var (word, code) in _codes.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(word); w.Write(code); }
    }

    internal static WordClusterTable? Read(BinaryReader r)
    {
        if (r.ReadString() != Magic) return null;
        int version = r.ReadInt32();
        if (version is not (1 or FormatVersion)) throw new InvalidDataException($"cluster file format {version}, expected {FormatVersion}");
        int fine = r.ReadInt32();
        var levels = new int[r.ReadInt32()][];
        for (int l = 0; l < levels.Length; l++)
        {
            levels[l] = new int[r.ReadInt32()];
            for (int i = 0; i < levels[l].Length; i++) levels[l][i] = r.ReadInt32();
        }
        int n = r.ReadInt32();
        var codes = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) { string word = r.ReadString(); codes[word] = r.ReadInt32(); }
        return version == 1 ? Hierarchy(codes, fine, levels) : new WordClusterTable(codes, fine, levels);
    }
}
