using System.IO.Compression;
using System.Text;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Name lists matched against token sequences (case-insensitively, digits folded) to give the tagger
/// "this span is a known city / person / organisation" features. Built from the open dictionaries in
/// the shared data folder (<see cref="GazetteerBuilder"/>) and stored in the model folder as gzip text
/// (`LIST&lt;TAB&gt;phrase` lines, one phrase per line, tokens separated by spaces).
/// </summary>
public sealed class Gazetteer
{
    public static readonly string[] ListNames = ["CITY", "COUNTRY", "CTRY", "PER", "FIRST", "LAST", "ORG"];
    public const int MaxPhraseTokens = 6;

    private readonly Dictionary<ulong, ushort> _phrases;
    private readonly Dictionary<ulong, byte> _longest; // first-token hash -> longest phrase length starting with it

    private readonly List<(int List, string Phrase)> _entries;

    private Gazetteer(Dictionary<ulong, ushort> phrases, Dictionary<ulong, byte> longest, List<(int, string)> entries)
    {
        _phrases = phrases;
        _longest = longest;
        _entries = entries;
    }

    public int PhraseCount => _phrases.Count;

    public static Gazetteer FromEntries(IEnumerable<(int List, string Phrase)> entries)
    {
        var phrases = new Dictionary<ulong, ushort>();
        var longest = new Dictionary<ulong, byte>();
        var kept = new List<(int, string)>();
        Span<char> buffer = stackalloc char[NerTokenHashes.MaxChars];
        foreach (var (list, phrase) in entries)
        {
            kept.Add((list, phrase));
            var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens) continue;
            ulong h = 0, first = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                ulong t = NerTokenHashes.Lower(tokens[i], buffer);
                if (i == 0) first = t;
                h = FeatureHash.Extend(h, t);
            }
            phrases[h] = (ushort)(phrases.GetValueOrDefault(h) | (1 << list));
            if (longest.GetValueOrDefault(first) < tokens.Length) longest[first] = (byte)tokens.Length;
        }
        return new Gazetteer(phrases, longest, kept);
    }

    /// <summary>
    /// Marks every token covered by a phrase: bit k of <paramref name="begin"/> when a phrase of list k starts there,
    /// of <paramref name="inside"/> when it continues there, of <paramref name="single"/> for a one-token phrase.
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerHashes, Span<ushort> begin, Span<ushort> inside, Span<ushort> single)
    {
        begin.Clear(); inside.Clear(); single.Clear();
        for (int i = 0; i < lowerHashes.Length; i++)
        {
            if (!_longest.TryGetValue(lowerHashes[i], out byte max)) continue;
            ulong h = 0;
            int limit = Math.Min(max, lowerHashes.Length - i);
            for (int n = 1; n <= limit; n++)
            {
                h = FeatureHash.Extend(h, lowerHashes[i + n - 1]);
                if (!_phrases.TryGetValue(h, out ushort lists)) continue;
                if (n == 1) { single[i] |= lists; continue; }
                begin[i] |= lists;
                for (int k = i + 1; k < i + n; k++) inside[k] |= lists;
            }
        }
    }

    public static Gazetteer Load(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return FromEntries(ReadEntries(reader));
    }

    private static IEnumerable<(int, string)> ReadEntries(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            int list = Array.IndexOf(ListNames, line[..tab]);
            if (list >= 0) yield return (list, line[(tab + 1)..]);
        }
    }

    /// <summary>Writes sorted, de-duplicated entries as gzip text (reproducible byte for byte).</summary>
    public void Save(string path)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (list, phrase) in _entries) lines.Add(ListNames[list] + "\t" + phrase);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var line in lines) writer.WriteLine(line);
    }
}
