using System.Globalization;
using Parley.Core.Sources;

namespace Parley.Knowledge.Kb;

/// <summary>One entry of a PETRARCH actor dictionary: a root phrase, its synonyms and its codes.</summary>
internal sealed class RawActor
{
    public required string Root { get; init; }
    public List<string> Names { get; } = [];
    public List<RoleCode> Codes { get; } = [];
    /// <summary>The entry was generated from CountryInfo's leader lists (so it names a person).</summary>
    public bool FromCountryInfo { get; set; }
    /// <summary>A code group followed the root, even one that could not be read ("[GBRGOV >201005011]").</summary>
    public bool HadCodeText { get; set; }
}

/// <summary>
/// Reads PETRARCH/TABARI actor dictionaries (Phoenix.*.actors.txt). A line starting with a letter
/// opens an entry (codes may follow on the same line), '+' lines add synonyms, indented lines carry
/// codes such as <c>[USAGOV 170120-210120]</c>, <c>[AFGGOV &gt;011222]</c> (from), <c>[USRARM &lt;900823]</c>
/// (until) or <c>[USAELI]</c> (undated default). Dates are YYMMDD (two-digit years up to 30 are 20xx)
/// or YYYYMMDD. Root lines without codes directly followed by another root share that root's codes,
/// as in the dictionaries' "U.N._ / UN_SECRETARY_GENERAL ... [IGOUNO]" blocks.
/// </summary>
internal static class PetrarchActorReader
{
    public static List<RawActor> Read(TextReader reader)
    {
        var result = new List<RawActor>();
        RawActor? current = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Replace('\u001A', ' ');
            int hash = line.IndexOf('#');
            string comment = hash >= 0 ? line[hash..] : "";
            string body = hash >= 0 ? line[..hash] : line;
            if (body.Trim().Length == 0) continue;
            // One-line XML comments ("<!-- VERSION: 0.9 -->") head the suites' dictionaries, as PETRARCH allows.
            if (body.TrimStart().StartsWith('<')) continue;
            char first = body[0];
            string trimmed = body.Trim();
            if (first == '\t' || first == ' ' || trimmed[0] == '[')
            {
                if (current is not null) { ParseCodes(trimmed, current.Codes); current.HadCodeText |= trimmed.Contains('['); }
                continue;
            }
            if (first == '+')
            {
                if (current is null) continue;
                var (name, _) = SplitNameAndCodes(trimmed[1..]);
                if (name.Length > 0) current.Names.Add(name);
                if (trimmed.Contains('[')) { ParseCodes(trimmed, current.Codes); current.HadCodeText = true; }
                continue;
            }
            var (root, codesText) = SplitNameAndCodes(trimmed);
            if (root.Length == 0) continue;
            if (current is not null && current.Codes.Count == 0 && !current.HadCodeText)
            {
                // An uncoded root followed by another root: same entity block. (A root whose code is malformed is an entry
                // of its own: Phoenix's "DAVID_CAMERON_ ... [GBRGOV >201005011]" is not a name of the ALAN_JOHNSON_ after it.)
                current.Names.Add(root);
            }
            else
            {
                current = new RawActor { Root = root };
                current.Names.Add(root);
                result.Add(current);
            }
            if (comment.Contains("CountryInfo", StringComparison.Ordinal)) current.FromCountryInfo = true;
            if (codesText.Length > 0) { ParseCodes(codesText, current.Codes); current.HadCodeText = true; }
        }
        return result;
    }

    private static (string Name, string Codes) SplitNameAndCodes(string text)
    {
        int bracket = text.IndexOf('[');
        return bracket < 0 ? (text.Trim(), "") : (text[..bracket].Trim(), text[bracket..]);
    }

    /// <summary>Parses every [...] group of a line; malformed groups are skipped.</summary>
    internal static void ParseCodes(string text, List<RoleCode> into)
    {
        int i = 0;
        while ((i = text.IndexOf('[', i)) >= 0)
        {
            int end = text.IndexOf(']', i);
            if (end < 0) break;
            var parts = text[(i + 1)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            i = end + 1;
            if (parts.Length == 0) continue;
            string code = parts[0].TrimStart('~');
            if (code.Length == 0 || code.StartsWith('-') || !IsCode(code)) continue;
            if (parts.Length == 1) { into.Add(new RoleCode(code, null, null)); continue; }
            string range = string.Concat(parts.AsSpan(1).ToArray());
            if (TryParseRange(range, out var from, out var to)) into.Add(new RoleCode(code, from, to));
        }
    }

    /// <summary>A code, or several joined by '/' ("[FRO/BIL/SAM]": a name that stands for each of those actors, as the
    /// construction suites' "THE_SHIRE" does; the coder gives each its own event).</summary>
    private static bool IsCode(string code)
    {
        if (code.StartsWith('/') || code.EndsWith('/') || code.Contains("//", StringComparison.Ordinal)) return false;
        foreach (char c in code) if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '/')) return false;
        return true;
    }

    internal static bool TryParseRange(string range, out DateOnly? from, out DateOnly? to)
    {
        from = null; to = null;
        if (range.StartsWith('>')) { from = ParseDate(range[1..]); return from is not null; }
        if (range.StartsWith('<')) { to = ParseDate(range[1..]); return to is not null; }
        int dash = range.IndexOf('-');
        if (dash < 0) return false;
        from = ParseDate(range[..dash]);
        to = ParseDate(range[(dash + 1)..]);
        return from is not null && to is not null;
    }

    /// <summary>YYMMDD (years up to 30 read as 20xx) or YYYYMMDD; null when malformed.</summary>
    internal static DateOnly? ParseDate(string s)
    {
        if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v6))
        {
            int yy = v6 / 10000, mm = v6 / 100 % 100, dd = v6 % 100;
            return Make(yy <= 30 ? 2000 + yy : 1900 + yy, mm, dd);
        }
        if (s.Length == 8 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v8))
            return Make(v8 / 10000, v8 / 100 % 100, v8 % 100);
        return null;
    }

    private static DateOnly? Make(int y, int m, int d)
    {
        if (m < 1 || m > 12 || d < 1 || y < 1) return null;
        d = Math.Min(d, DateTime.DaysInMonth(y, m));
        return new DateOnly(y, m, d);
    }
}

/// <summary>
/// Reads the PETRARCH agent dictionary (Phoenix.agents.txt): <c>NOUN {PLURALS} [~CODE]</c>, with
/// <c>!MACRO! = A, B</c> substitutions. Without braces a regular English plural is added; empty braces add none.
/// </summary>
internal static class PetrarchAgentReader
{
    public static List<AgentEntry> Read(TextReader reader)
    {
        var agents = new PhoenixAgentsReader(reader);
        var result = new List<AgentEntry>();
        foreach (var (noun, codeText) in agents.Entries())
        {
            var codes = new List<RoleCode>();
            PetrarchActorReader.ParseCodes(codeText, codes);
            if (codes.Count == 0) continue;
            string head = noun;
            string? plurals = null;
            int brace = head.IndexOf('{');
            if (brace >= 0)
            {
                int close = head.IndexOf('}', brace);
                plurals = close > brace ? head[(brace + 1)..close] : "";
                head = head[..brace];
            }
            string code = codes[0].Code;
            foreach (var form in agents.Expand(head.Trim(), keepUnknown: true))
            {
                Add(result, form, code);
                if (plurals is null) Add(result, Plural(form), code);
            }
            if (plurals is not null)
                foreach (var p in plurals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    foreach (var form in agents.Expand(p, keepUnknown: true)) Add(result, form, code);
        }
        return result;
    }

    private static void Add(List<AgentEntry> into, string phrase, string code)
    {
        string key = Text.NameKey.FromPhrase(phrase);
        if (key.Length > 0) into.Add(new AgentEntry(key, code));
    }

    internal static string Plural(string noun)
    {
        string n = noun.TrimEnd('_', ' ');
        if (n.EndsWith("MAN", StringComparison.Ordinal)) return n[..^3] + "MEN";
        if (n.EndsWith('Y') && n.Length > 1 && !"AEIOU".Contains(n[^2])) return n[..^1] + "IES";
        if (n.EndsWith('S') || n.EndsWith('X') || n.EndsWith('Z') || n.EndsWith("CH", StringComparison.Ordinal) || n.EndsWith("SH", StringComparison.Ordinal))
            return n + "ES";
        return n + "S";
    }
}
