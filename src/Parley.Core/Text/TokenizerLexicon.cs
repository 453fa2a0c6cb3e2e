using System.IO.Compression;
namespace Parley.Core.Text;

/// <summary>
/// What the <see cref="Tokenizer"/> knows: abbreviations that keep their period, hyphenated words kept whole, and surface
/// words split into several syntactic words (multiword tokens such as "don't" or "gonna"). Keys are lower-case. The seed
/// lexicon comes from the language's data (<see cref="BuiltIn"/>); Parley.Nlp adds what a treebank shows and saves it with
/// the NLP model.
/// </summary>
internal sealed class TokenizerLexicon
{
    /// <summary>The language's tokenizer word lists (data/lang/CODE/tokenizer-words.tsv).</summary>
    public const string FileName = "tokenizer-words.tsv";

    public HashSet<string> Abbreviations { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HyphenWords { get; } = new(StringComparer.Ordinal);
    /// <summary>First parts of hyphenated words the treebank keeps whole ("non", "counter", "mis"), when it does so more often than not.</summary>
    public HashSet<string> HyphenPrefixes { get; } = new(StringComparer.Ordinal);
    /// <summary>Lower-case surface form to the lengths of its syntactic words (e.g. "don't" -> 2,3).</summary>
    public Dictionary<string, byte[]> Multiwords { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The language's seed lexicon (data/lang/CODE/tokenizer-words.tsv and the abbreviations of calendar.tsv): what the
    /// tokenizer knows before a treebank teaches it more.
    /// </summary>
    public static TokenizerLexicon BuiltIn(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Lists(FileName);
        var calendar = language.Lists(CalendarWords.FileName);
        var lex = new TokenizerLexicon();
        foreach (var a in words.Words("abbreviations")) lex.Abbreviations.Add(a);
        foreach (var a in calendar.Words(CalendarWords.MonthAbbreviations)) lex.Abbreviations.Add(a);
        foreach (var a in calendar.Words(CalendarWords.WeekdayAbbreviations)) lex.Abbreviations.Add(a);
        foreach (var (form, parts) in words.Pairs("multiwords"))
            lex.Multiwords[form] = [.. (parts ?? throw new InvalidDataException($"{words.Source}: multiwords: '{form}' needs its parts' lengths (word=3+3)"))
                .Split('+').Select(p => byte.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
        return lex;
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        WriteSet(w, Abbreviations);
        WriteSet(w, HyphenWords);
        WriteSet(w, HyphenPrefixes);
        w.Write(Multiwords.Count);
        foreach (var (k, v) in Multiwords.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(k); w.Write((byte)v.Length); w.Write(v);
        }
    }

    public static TokenizerLexicon Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        var lex = new TokenizerLexicon();
        ReadSet(r, lex.Abbreviations);
        ReadSet(r, lex.HyphenWords);
        ReadSet(r, lex.HyphenPrefixes);
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            string k = r.ReadString();
            int len = r.ReadByte();
            lex.Multiwords[k] = r.ReadBytes(len);
        }
        return lex;
    }

    private static void WriteSet(BinaryWriter w, HashSet<string> set)
    {
        w.Write(set.Count);
        foreach (var s in set.Order(StringComparer.Ordinal)) w.Write(s);
    }

    private static void ReadSet(BinaryReader r, HashSet<string> set)
    {
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++) set.Add(r.ReadString());
    }
}
