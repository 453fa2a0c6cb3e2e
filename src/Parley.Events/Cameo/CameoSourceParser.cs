using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Events.Cameo;

/// <summary>A PLOVER mapping of one CAMEO code: event type, mode and context.</summary>
public sealed record PloverMapping(string Code, string Event, string? Mode, string? Context);

/// <summary>
/// Reads the published source tables of the ontology: GDELT's CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt,
/// and PLOVER's CAMEO2PLOVER-2021.txt. Known defects of the GDELT files are repaired here (see data/cameo/README.md).
/// </summary>
public static partial class CameoSourceParser
{
    /// <summary>An entry run together with the previous one on a line, e.g. "...engagement106:[-5.0] Demand withdrawal".</summary>
    [GeneratedRegex(@"(?<code>\d{2,4}):\[(?<gold>-?\d+(?:\.\d+)?)\]\s*(?<name>.*)$")]
    private static partial Regex RunTogetherEntry();

    /// <summary>Parses CAMEO.eventcodes.txt into code -> name, plus Goldstein values carried inside run-together lines.</summary>
    public static (Dictionary<string, string> Names, Dictionary<string, double> EmbeddedGoldstein) ParseEventCodes(TextReader reader)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var embedded = new Dictionary<string, double>(StringComparer.Ordinal);
        string? line;
        bool header = true;
        while ((line = reader.ReadLine()) is not null)
        {
            if (header) { header = false; if (line.StartsWith("CAMEO", StringComparison.OrdinalIgnoreCase)) continue; }
            line = line.TrimEnd('\r');
            if (line.Length == 0) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            string code = line[..tab].Trim();
            string name = line[(tab + 1)..].Trim();
            var m = RunTogetherEntry().Match(name);
            if (m.Success)
            {
                string extra = m.Groups["code"].Value;
                names[extra] = Clean(m.Groups["name"].Value);
                embedded[extra] = double.Parse(m.Groups["gold"].Value, CultureInfo.InvariantCulture);
                name = name[..m.Index];
            }
            names[code] = Clean(name);
        }
        return (names, embedded);
    }

    public static Dictionary<string, double> ParseGoldstein(TextReader reader)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var c = line.TrimEnd('\r').Split('\t');
            if (c.Length < 2) continue;
            if (double.TryParse(c[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double g)) values[c[0].Trim()] = g;
        }
        return values;
    }

    /// <summary>Parses CAMEO2PLOVER: "CODE: EVENT, mode, context # description"; the first line for a code wins.</summary>
    public static Dictionary<string, PloverMapping> ParsePlover(TextReader reader)
    {
        var map = new Dictionary<string, PloverMapping>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int hash = line.IndexOf('#');
            string body = (hash >= 0 ? line[..hash] : line).Trim();
            int colon = body.IndexOf(':');
            if (colon <= 0) continue;
            string code = body[..colon].Trim();
            if (code.Length < 2 || !IsDigits(code)) continue;
            var parts = body[(colon + 1)..].Split(',');
            string ev = parts[0].Trim();
            if (ev.Length == 0) continue;
            string? mode = parts.Length > 1 ? Blank(parts[1]) : null;
            string? context = parts.Length > 2 ? Blank(string.Join(",", parts, 2, parts.Length - 2)) : null;
            map.TryAdd(code, new PloverMapping(code, ev, mode, context));
        }
        return map;
    }

    /// <summary>Joins the three tables into the ontology. PLOVER is looked up by exact code, then by root.</summary>
    public static CameoOntology Build(Dictionary<string, string> names, Dictionary<string, double> goldstein,
        Dictionary<string, double> embeddedGoldstein, Dictionary<string, PloverMapping> plover)
    {
        var types = new List<CameoEventType>(names.Count);
        foreach (var (code, name) in names)
        {
            if (!goldstein.TryGetValue(code, out double g) && !embeddedGoldstein.TryGetValue(code, out g))
                throw new InvalidDataException($"CAMEO code {code} has no Goldstein value");
            plover.TryGetValue(code, out var p);
            if (p is null && code.Length > 2) plover.TryGetValue(code[..2], out p);
            types.Add(new CameoEventType
            {
                Code = code,
                Name = name,
                Goldstein = g,
                QuadClass = CameoOntology.QuadClassOf(code),
                Plover = p?.Event,
                PloverMode = p is not null && p.Code == code ? p.Mode : null,
                PloverContext = p is not null && p.Code == code ? p.Context : null,
            });
        }
        return new CameoOntology(types);
    }

    private static string Clean(string name)
    {
        // Mac-Roman smart quotes mis-decoded in GDELT's file ("Meet at a ÒhirdÓlocation"), and one missing space.
        name = name.Replace("\u00D2hird\u00D3", "\"third\" ", StringComparison.Ordinal)
                   .Replace("radiologicalweapons", "radiological weapons", StringComparison.Ordinal);
        return name.Replace('\t', ' ').Trim();
    }

    private static string? Blank(string s)
    {
        s = s.Trim();
        return s.Length == 0 ? null : s;
    }

    private static bool IsDigits(string s)
    {
        foreach (char ch in s) if (ch is < '0' or > '9') return false;
        return true;
    }
}
