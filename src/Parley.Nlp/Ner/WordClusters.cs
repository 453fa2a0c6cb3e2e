using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Ner;

/// <summary>
/// Word clusters (lower-cased, digits folded): each word has a fine cluster and a coarse cluster, learned from
/// unlabelled news text by <see cref="WordClusterTrainer"/>. Stored as gzip text `word TAB fine TAB coarse`.
/// Lookup returns 0 for unknown words, else fine + 1 with the coarse cluster in the upper 16 bits.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _clusters;

    private readonly List<(string Word, int Fine, int Coarse)> _entries;

    private WordClusters(Dictionary<ulong, int> clusters, List<(string, int, int)> entries)
    {
        _clusters = clusters;
        _entries = entries;
    }

    public int Count => _clusters.Count;

    internal int Lookup(ulong lowerHash) => _clusters.GetValueOrDefault(lowerHash);

    internal static int Coarse(int cluster) => cluster >> 16;

    public static WordClusters FromEntries(IEnumerable<(string Word, int Fine, int Coarse)> entries)
    {
        var map = new Dictionary<ulong, int>();
        var kept = new List<(string, int, int)>();
        Span<char> buffer = stackalloc char[NerTokenHashes.MaxChars];
        foreach (var (word, fine, coarse) in entries)
        {
            kept.Add((word, fine, coarse));
            map[NerTokenHashes.Lower(word, buffer)] = (fine + 1) | ((coarse + 1) << 16);
        }
        return new WordClusters(map, kept);
    }

    public static WordClusters Load(string path)
    {
        var entries = new List<(string, int, int)>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            entries.Add((c[0], int.Parse(c[1], CultureInfo.InvariantCulture), int.Parse(c[2], CultureInfo.InvariantCulture)));
        }
        return FromEntries(entries);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (word, fine, coarse) in _entries)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word}\t{fine}\t{coarse}"));
    }
}
