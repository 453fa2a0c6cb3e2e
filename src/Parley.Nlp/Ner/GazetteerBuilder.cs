using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Nlp.Ner;

/// <summary>
/// Builds the gazetteer entries from the open dictionaries in the shared data folder:
/// GeoNames cities15000, countryInfo and admin1 names (CC BY 4.0) for places; the PETRARCH2 Phoenix actor
/// dictionaries (MIT) for country words, persons (entries with dated role codes) and organisations.
/// Phrases are lower-cased and tokenised like CoNLL text (spaces and underscores split, a trailing comma split off).
/// </summary>
public static class GazetteerBuilder
{
    private const int City = 0, Country = 1, Ctry = 2, Per = 3, First = 4, Last = 5, Org = 6;

    public static List<(int List, string Phrase)> Build(string dataRoot)
    {
        var entries = new List<(int, string)>();
        AddGeoNames(Path.Combine(dataRoot, "gazetteer_geonames"), entries);
        var phoenix = Path.Combine(dataRoot, "cameo_petrarch2_dictionaries");
        AddPhoenix(Path.Combine(phoenix, "Phoenix.Countries.actors.txt"), entries, countryFile: true);
        AddPhoenix(Path.Combine(phoenix, "Phoenix.International.actors.txt"), entries, countryFile: false);
        AddPhoenix(Path.Combine(phoenix, "Phoenix.MilNonState.actors.txt"), entries, countryFile: false);
        return entries;
    }

    private static void AddGeoNames(string dir, List<(int, string)> entries)
    {
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(dir, "cities15000.txt.gz")), CompressionMode.Decompress), Encoding.UTF8))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var c = line.Split('\t');
                if (c.Length < 15) continue;
                Add(entries, City, c[1]);
                Add(entries, City, c[2]);
                // Alternate names of big cities only, Latin-script ones: keeps the list small and useful for English text.
                if (long.TryParse(c[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out long population) && population >= 250_000)
                {
                    foreach (var name in c[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
                        if (IsAsciiName(name)) Add(entries, City, name);
                }
            }
        }
        foreach (var line in File.ReadLines(Path.Combine(dir, "countryInfo.txt")))
        {
            if (line.StartsWith('#')) continue;
            var c = line.Split('\t');
            if (c.Length < 6) continue;
            Add(entries, Country, c[4]);
            Add(entries, City, c[5]);
        }
        foreach (var line in File.ReadLines(Path.Combine(dir, "admin1CodesASCII.txt")))
        {
            var c = line.Split('\t');
            if (c.Length >= 3) Add(entries, Country, c[2]);
        }
    }

    /// <summary>
    /// TABARI actor files: a root line `NAME_ [CODE]` or `NAME_` followed by `+SYNONYM` lines and tab-indented
    /// `[CODE date-range]` lines. A root with a dated code is a person; a root with a bare three-letter code in the
    /// country file is a country word; anything else is an organisation or group.
    /// </summary>
    private static void AddPhoenix(string path, List<(int, string)> entries, bool countryFile)
    {
        string? root = null;
        var synonyms = new List<string>();
        bool dated = false, country = false;
        void Flush()
        {
            if (root is null) return;
            if (dated)
            {
                var name = Clean(root);
                var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length >= 2)
                {
                    Add(entries, Per, name);
                    Add(entries, First, tokens[0]);
                    Add(entries, Last, tokens[^1]);
                }
            }
            else
            {
                int list = country ? Ctry : Org;
                Add(entries, list, Clean(root));
                foreach (var s in synonyms) Add(entries, list, Clean(s));
            }
            root = null; synonyms.Clear(); dated = false; country = false;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0) continue;
            if (line[0] == '\t' || line[0] == ' ')
            {
                if (ContainsDate(line)) dated = true;
                continue;
            }
            if (line[0] == '+') { if (root is not null) synonyms.Add(CodeFree(line[1..], out _)); continue; }
            Flush();
            root = CodeFree(line, out var code);
            if (code is not null)
            {
                if (ContainsDate(code)) dated = true;
                else if (countryFile && code.Trim('[', ']', ' ').Length == 3) country = true;
            }
        }
        Flush();
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static string CodeFree(string line, out string? code)
    {
        int bracket = line.IndexOf('[');
        code = bracket >= 0 ? line[bracket..] : null;
        return bracket >= 0 ? line[..bracket] : line;
    }

    private static bool ContainsDate(string s)
    {
        foreach (char c in s) if (char.IsAsciiDigit(c)) return true;
        return false;
    }

    /// <summary>`KOFI_ANNAN_` -> `kofi annan`; parenthesised parts dropped; a trailing comma split off.</summary>
    internal static string Clean(string phrase)
    {
        var sb = new StringBuilder(phrase.Length);
        int depth = 0;
        foreach (char c in phrase)
        {
            if (c == '(') { depth++; continue; }
            if (c == ')') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            if (c == '_' || char.IsWhiteSpace(c)) sb.Append(' ');
            else if (c == ',') sb.Append(" , ");
            else sb.Append(char.ToLowerInvariant(c));
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsAsciiName(string s)
    {
        foreach (char c in s)
            if (!(char.IsAsciiLetter(c) || c == ' ' || c == '-' || c == '.' || c == '\'')) return false;
        return s.Length > 1;
    }

    private static void Add(List<(int, string)> entries, int list, string phrase)
    {
        var clean = Clean(phrase);
        if (clean.Length > 1) entries.Add((list, clean));
    }
}
