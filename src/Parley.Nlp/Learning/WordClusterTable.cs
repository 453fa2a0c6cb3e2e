using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Learning;

/// <summary>
/// Distributional word clusters for the tagger and the parser, learned from unlabelled text by
/// <see cref="Training.ClusterTrainer"/>: each known word (lower-cased, digits folded to 0) has a fine cluster,
/// and the fine clusters are grouped into a hierarchy of coarser ones (like the bit-string prefixes of Brown
/// clusters), plus a capitalisation prior (how often the word is written capitalised in mid-sentence).
/// Immutable and thread-safe.
/// </summary>
public sealed class WordClusterTable
{
    public const string FileName = "clusters.bin.gz";
    private const string Magic = "PARLEY-CLUSTERS";
    private const int FormatVersion = 1;
    /// <summary>Longest word looked up; longer words have no cluster.</summary>
    public const int MaxChars = 40;
    /// <summary>Number of capitalisation-prior buckets (0 = no evidence).</summary>
    public const int CaseBuckets = 6;

    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    /// <summary>Parent of each fine cluster at each coarser level: _parents[level][fine].</summary>
    private readonly int[][] _parents;

    internal WordClusterTable(Dictionary<string, int> codes, int fineCount, int[][] parents)
    {
        _codes = codes;
        _lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        FineCount = fineCount;
        _parents = parents;
        // order-independent, stable across processes: models trained with this table store it to check the pairing
        ulong h = (ulong)fineCount;
        foreach (var (word, code) in codes) h += FeatureHash.Mix(FeatureHash.Add(FeatureHash.Start(code), word));
        foreach (var level in parents)
            for (int i = 0; i < level.Length; i++) h += FeatureHash.Mix(((ulong)i << 32 | (uint)level[i]) + (ulong)level.Length);
        Fingerprint = h == 0 ? 1 : h;
    }

    /// <summary>A non-zero 64-bit digest of the table; models trained with it store it.</summary>
    public ulong Fingerprint { get; }

    public int Count => _codes.Count;
    public int FineCount { get; }
    /// <summary>Number of levels: 0 is the fine level, the others are coarser groupings.</summary>
    public int Levels => _parents.Length + 1;

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
        int fine = code & 0xFFFF;
        if (fine == 0 || level == 0) return fine;
        return _parents[level - 1][fine - 1] + 1;
    }

    /// <summary>Capitalisation bucket of a code: 0 no evidence, 1 (always lower case) to 5 (always capitalised).</summary>
    public static int CaseBucket(int code) => (code >> 16) & 0xF;

    /// <summary>
    /// The capitalisation prior both cluster trainers learn (this table's and NER's): the share of capitalised
    /// mid-sentence uses among those and lower-case ones, in buckets 1-5 (0: under 3 uses, no evidence).
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
        w.Write(_parents.Length);
        foreach (var p in _parents) { w.Write(p.Length); foreach (int v in p) w.Write(v); }
        w.Write(_codes.Count);
        foreach (var (word, code) in _codes.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(word); w.Write(code); }
    }

    internal static WordClusterTable? Read(BinaryReader r)
    {
        if (r.ReadString() != Magic) return null;
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"cluster file format {version}, expected {FormatVersion}");
        int fine = r.ReadInt32();
        var parents = new int[r.ReadInt32()][];
        for (int l = 0; l < parents.Length; l++)
        {
            parents[l] = new int[r.ReadInt32()];
            for (int i = 0; i < parents[l].Length; i++) parents[l][i] = r.ReadInt32();
        }
        int n = r.ReadInt32();
        var codes = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) { string word = r.ReadString(); codes[word] = r.ReadInt32(); }
        return new WordClusterTable(codes, fine, parents);
    }
}
