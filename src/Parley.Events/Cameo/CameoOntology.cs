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
public sealed class CameoOntology
{
    public const string FileName = "events.tsv";

    private readonly Dictionary<string, CameoEventType> _byCode;

    public CameoOntology(IEnumerable<CameoEventType> types)
    {
        _byCode = new Dictionary<string, CameoEventType>(StringComparer.Ordinal);
        foreach (var t in types) _byCode[t.Code] = t;
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
        return Read(reader);
    }

    public static CameoOntology Read(TextReader reader)
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
        return new CameoOntology(types);
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
