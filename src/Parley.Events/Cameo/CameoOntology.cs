using System.Globalization;

namespace Parley.Events.Cameo;

/// <summary>One CAMEO event code with its name, Goldstein weight, QuadClass and PLOVER mapping.</summary>
public sealed class CameoEventType
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public double Goldstein { get; init; }
    /// <summary>1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public int QuadClass { get; init; }
    /// <summary>PLOVER event type (AGREE, CONSULT, ...), or null where PLOVER drops the CAMEO code (roots 01 and 02).</summary>
    public string? Plover { get; init; }
    public string? PloverMode { get; init; }
    public string? PloverContext { get; init; }
}

/// <summary>
/// The CAMEO event ontology as loaded from data/cameo/events.tsv (built by <c>parley build cameo</c>).
/// Immutable after loading; safe to share between threads.
/// </summary>
public sealed class CameoOntology : IEventOntology
{
    public const string FileName = "events.tsv";
    /// <summary>Hand-written from the codebook: which codes stand with one actor, which are mutual (data/cameo/code-roles.tsv).</summary>
    public const string RolesFileName = "code-roles.tsv";

    private readonly Dictionary<string, CameoEventType> _byCode;
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);

    public CameoOntology(IEnumerable<CameoEventType> types, IEnumerable<(string Prefix, string Role)>? roles = null)
    {
        _byCode = new Dictionary<string, CameoEventType>(StringComparer.Ordinal);
        foreach (var t in types) _byCode[t.Code] = t;
        if (roles is not null) foreach (var (prefix, role) in roles) _roles[prefix] = role;
    }

    public string Name => "CAMEO";

    /// <summary>The role of the longest listed prefix of <paramref name="code"/> ("dyadic" when none is listed).</summary>
    private string RoleOf(string code)
    {
        for (int len = code.Length; len >= 2; len--)
            if (_roles.TryGetValue(len == code.Length ? code : code[..len], out var r)) return r;
        return "dyadic";
    }

    public bool AllowsNoTarget(string code) => RoleOf(code) == "one-actor";

    public bool IsMutual(string code) => RoleOf(code) == "mutual";

    public bool IsStatement(string code) => RootOf(code) == 1;

    public bool IsForce(string code) => RootOf(code) >= 14;

    public bool HasIntent(string code) => RootOf(code) is >= 4 and <= 8;

    /// <summary>Intent to do what <paramref name="code"/> names ("intends to resume talks": 046 -> 036); threats for force.</summary>
    public string? IntentOf(string code)
    {
        int root = RootOf(code);
        return root switch
        {
            // An investigation promised is not one made, and CAMEO has no intent to investigate.
            9 => null,
            1 or 2 or 3 or >= 10 and <= 13 => code,
            4 => code.StartsWith("045", StringComparison.Ordinal) ? "039" : "036",
            5 => code.StartsWith("057", StringComparison.Ordinal) ? "037" : "032",
            6 => Sub(code, "061", "0311", "062", "0312", "063", "0313", "064", "0314") ?? "031",
            7 => Sub(code, "071", "0331", "072", "0332", "073", "0333", "074", "0334") ?? "033",
            8 => Sub(code, "0831", "0341", "0832", "0342", "0833", "0343", "0834", "0344", "083", "034",
                           "081", "0351", "082", "0352", "084", "0353", "085", "0354", "086", "0355", "087", "0356") ?? "035",
            >= 14 => ThreatOf(code),
            _ => null,
        };
    }

    /// <summary>A stated future use of force or coercion as a threat ("will attack" -> 138); null where no threat code fits.</summary>
    public string? ThreatOf(string code)
    {
        int root = RootOf(code);
        return root switch
        {
            14 => "133",
            16 => Sub(code, "161", "1313", "162", "1311", "163", "1312", "164", "134", "165", "135", "166", "136") ?? "131",
            17 => Sub(code, "1723", "1323", "1724", "1324", "172", "132") ?? "130",
            18 or 19 or 20 => "138",
            _ => null,
        };
    }

    /// <summary>Refusing to do what <paramref name="code"/> names ("refused to meet": 040 -> 125); null where no reject code fits.</summary>
    public string? RejectOf(string code)
    {
        int root = RootOf(code);
        return root switch
        {
            1 => "011",
            2 or 3 or 10 or 11 or 12 => "120",
            4 => code.StartsWith("045", StringComparison.Ordinal) ? "126" : "125",
            5 => code.StartsWith("057", StringComparison.Ordinal) ? "127" : "120",
            6 => Sub(code, "061", "1211", "062", "1212", "064", "1214") ?? "121",
            7 => Sub(code, "071", "1221", "072", "1222", "073", "1223", "074", "1224") ?? "122",
            8 => Sub(code, "083", "123", "081", "1241", "082", "1242", "084", "1243", "085", "1244", "086", "1245", "087", "1246") ?? "124",
            _ => null,
        };
    }

    /// <summary>The replacement of the first prefix (pairs: prefix, replacement) that <paramref name="code"/> starts with.</summary>
    private static string? Sub(string code, params string[] pairs)
    {
        for (int i = 0; i + 1 < pairs.Length; i += 2)
            if (code.StartsWith(pairs[i], StringComparison.Ordinal)) return pairs[i + 1];
        return null;
    }

    public int Count => _byCode.Count;
    public IEnumerable<CameoEventType> All => _byCode.Values;

    /// <summary>The event type of <paramref name="code"/>, else of its nearest listed parent code (1823 -> 182 -> 18), else null.</summary>
    public CameoEventType? Find(string code)
    {
        for (int len = code.Length; len >= 2; len--)
        {
            if (_byCode.TryGetValue(len == code.Length ? code : code[..len], out var t)) return t;
        }
        return null;
    }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>QuadClass from the root code: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4; 0 when the code has no numeric root.</summary>
    public static int QuadClassOf(ReadOnlySpan<char> code)
    {
        if (code.Length < 2 || !int.TryParse(code[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int root)) return 0;
        return root switch
        {
            >= 1 and <= 5 => 1,
            >= 6 and <= 8 => 2,
            >= 9 and <= 13 => 3,
            >= 14 and <= 20 => 4,
            _ => 0,
        };
    }

    /// <summary>Root (first two digits) of a code as an int, or -1.</summary>
    public static int RootOf(ReadOnlySpan<char> code) =>
        code.Length >= 2 && int.TryParse(code[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : -1;

    public static CameoOntology Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var reader = new StreamReader(path);
        var roles = new List<(string, string)>();
        var rolesPath = Path.Combine(folder, RolesFileName);
        if (File.Exists(rolesPath))
        {
            foreach (var line in File.ReadLines(rolesPath))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (c.Length >= 2) roles.Add((c[0], c[1]));
            }
        }
        return Read(reader, roles);
    }

    public static CameoOntology Read(TextReader reader, IEnumerable<(string Prefix, string Role)>? roles = null)
    {
        var types = new List<CameoEventType>();
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal)) continue;
            var c = line.Split('\t');
            if (c.Length < 4) throw new InvalidDataException($"{FileName} line {lineNo}: expected at least 4 tab-separated columns");
            types.Add(new CameoEventType
            {
                Code = c[0],
                Name = c[1],
                Goldstein = double.Parse(c[2], CultureInfo.InvariantCulture),
                QuadClass = int.Parse(c[3], CultureInfo.InvariantCulture),
                Plover = Opt(c, 4),
                PloverMode = Opt(c, 5),
                PloverContext = Opt(c, 6),
            });
        }
        return new CameoOntology(types, roles);
    }

    public void Write(TextWriter w)
    {
        w.WriteLine("code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context");
        var codes = new List<string>(_byCode.Keys);
        codes.Sort(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var t = _byCode[code];
            w.Write(t.Code); w.Write('\t');
            w.Write(t.Name); w.Write('\t');
            w.Write(t.Goldstein.ToString("0.0", CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(t.QuadClass.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(t.Plover ?? ""); w.Write('\t');
            w.Write(t.PloverMode ?? ""); w.Write('\t');
            w.WriteLine(t.PloverContext ?? "");
        }
    }

    private static string? Opt(string[] c, int i) => c.Length > i && c[i].Length > 0 ? c[i] : null;
}
