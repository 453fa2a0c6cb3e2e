using System.IO.Compression;
using Parley.Core;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Tokenization;

/// <summary>
/// What the tokenizer learns from a treebank: abbreviations that keep their period, hyphenated words
/// kept whole, and surface words split into several syntactic words (multiword tokens such as "don't" or "gonna").
/// Keys are lower-case.
/// </summary>
internal sealed class TokenizerLexicon
{
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
        var words = language.Lists(Parley.Core.Text.RuleTokenizer.FileName);
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

    /// <summary>Adds what the treebank shows: periods kept on abbreviations, hyphenated words more often whole than split, multiword tokens more often split than whole.</summary>
    public static TokenizerLexicon Learn(IEnumerable<ConlluSentence> sentences, LanguageData language)
    {
        var lex = BuiltIn(language);
        var whole = new Dictionary<string, int>(StringComparer.Ordinal);
        var split = new Dictionary<string, (int Count, byte[] Parts)>(StringComparer.Ordinal);
        var hyphenSplit = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var surface = SurfaceTokens(s);
            for (int i = 0; i < surface.Count; i++)
            {
                var (form, parts, spaceAfter) = surface[i];
                string lower = form.ToLowerInvariant();
                if (parts is not null)
                {
                    split.TryGetValue(lower, out var e);
                    split[lower] = (e.Count + 1, parts);
                    continue;
                }
                whole[lower] = whole.GetValueOrDefault(lower) + 1;
                if (form.Length > 1 && form[^1] == '.' && char.IsLetter(form[0]) && form.Length <= 8)
                    lex.Abbreviations.Add(lower[..^1]);
                // word - word written without spaces: a split hyphenated word
                if (form == "-" && i > 0 && i + 1 < surface.Count && !surface[i - 1].SpaceAfter && !spaceAfter)
                {
                    string joined = (surface[i - 1].Form + "-" + surface[i + 1].Form).ToLowerInvariant();
                    hyphenSplit[joined] = hyphenSplit.GetValueOrDefault(joined) + 1;
                }
            }
        }
        foreach (var (lower, count) in whole)
        {
            if (lower.Contains('-') && lower.Length > 2 && char.IsLetter(lower[0]) && count > hyphenSplit.GetValueOrDefault(lower))
                lex.HyphenWords.Add(lower);
        }
        var prefixWhole = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixSplit = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in lex.HyphenWords) { var pre = w[..w.IndexOf('-')]; prefixWhole[pre] = prefixWhole.GetValueOrDefault(pre) + whole[w]; }
        foreach (var (w, c) in hyphenSplit) { var pre = w[..w.IndexOf('-')]; prefixSplit[pre] = prefixSplit.GetValueOrDefault(pre) + c; }
        foreach (var (pre, c) in prefixWhole)
            if (c >= 3 && c > 2 * prefixSplit.GetValueOrDefault(pre) && pre.Length >= 2) lex.HyphenPrefixes.Add(pre);
        foreach (var (lower, e) in split)
        {
            if (e.Count >= whole.GetValueOrDefault(lower)) lex.Multiwords[lower] = e.Parts;
            else lex.Multiwords.Remove(lower);
        }
        foreach (var (lower, count) in whole)
        {
            // a built-in split the treebank mostly keeps whole (e.g. "cant" as a noun) is dropped
            if (lex.Multiwords.ContainsKey(lower) && count > (split.TryGetValue(lower, out var e) ? e.Count : 0)) lex.Multiwords.Remove(lower);
        }
        return lex;
    }

    /// <summary>The surface tokens of a sentence: form, word lengths when it is a multiword token, and whether a space follows.</summary>
    internal static List<(string Form, byte[]? Parts, bool SpaceAfter)> SurfaceTokens(ConlluSentence s)
    {
        var list = new List<(string, byte[]?, bool)>(s.Words.Count);
        int mw = 0;
        for (int i = 0; i < s.Words.Count; i++)
        {
            var w = s.Words[i];
            if (mw < s.Multiwords.Count && s.Multiwords[mw].First == w.Id)
            {
                var m = s.Multiwords[mw++];
                int n = m.Last - m.First + 1;
                var parts = new byte[n];
                int total = 0;
                for (int k = 0; k < n && i + k < s.Words.Count; k++) { parts[k] = (byte)Math.Min(255, s.Words[i + k].Form.Length); total += parts[k]; }
                list.Add((m.Form, total == m.Form.Length ? parts : null, !m.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal)));
                i += n - 1;
                continue;
            }
            list.Add((w.Form, null, w.SpaceAfter));
        }
        return list;
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
