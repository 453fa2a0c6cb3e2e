using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Ner;

/// <summary>
/// Word clusters (lower-cased, digits folded): each word has a fine cluster, a coarse cluster and a capitalisation
/// prior (how often it is capitalised mid-sentence in news, in 6 buckets), learned from unlabelled news text by
/// <see cref="WordClusterTrainer"/>. Stored as gzip text `word TAB fine TAB coarse TAB case`.
/// Lookup returns 0 for unknown words, else fine + 1 in the low 16 bits, coarse + 1 in the next 8, case + 1 in the top 8.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _clusters;

    private readonly List<(string Word, int Fine, int Coarse, int Case)> _entries;

    private WordClusters(Dictionary<ulong, int> clusters, List<(string, int, int, int)> entries)
    {
        _clusters = clusters;
        _entries = entries;
    }

    public int Count => _clusters.Count;

    internal int Lookup(ulong lowerHash) => _clusters.GetValueOrDefault(lowerHash);

    internal static int Fine(int cluster) => cluster & 0xFFFF;
    internal static int Coarse(int cluster) => (cluster >> 16) & 0xFF;
    internal static int CasePrior(int cluster) => cluster >>> 24;

    public static WordClusters FromEntries(IEnumerable<(string Word, int Fine, int Coarse, int Case)> entries)
    {
        var map = new Dictionary<ulong, int>();
        var kept = new List<(string, int, int, int)>();
        Span<char> buffer = stackalloc char[NerTokenHashes.MaxChars];
        foreach (var (word, fine, coarse, casePrior) in entries)
        {
            kept.Add((word, fine, coarse, casePrior));
            map[NerTokenHashes.Lower(word, buffer)] = (fine + 1) | ((coarse + 1) << 16) | ((casePrior + 1) << 24);
        }
        return new WordClusters(map, kept);
    }

    public static WordClusters Load(string path)
    {
        var entries = new List<(string, int, int, int)>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var c = line.Split('\t');
            if (c.Length < 4) continue;
            entries.Add((c[0], int.Parse(c[1], CultureInfo.InvariantCulture), int.Parse(c[2], CultureInfo.InvariantCulture), int.Parse(c[3], CultureInfo.InvariantCulture)));
        }
        return FromEntries(entries);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (word, fine, coarse, casePrior) in _entries)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word}\t{fine}\t{coarse}\t{casePrior}"));
    }
}
