using System.Globalization;
using System.Text;
using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>What a three-letter part of a CAMEO actor code stands for.</summary>
public enum ActorCodeKind { Country, Region, Type, KnownGroup, Religion, Ethnic }

/// <summary>
/// A CAMEO actor code split into GDELT's actor columns: country (or region) affiliation, known group, ethnic
/// group, two religions and three types (roles). Empty strings for what the code does not say.
/// </summary>
public sealed record ActorCodeParts(string Code)
{
    public string Country { get; set; } = "";
    public string KnownGroup { get; set; } = "";
    public string Ethnic { get; set; } = "";
    public string Religion1 { get; set; } = "";
    public string Religion2 { get; set; } = "";
    public string Type1 { get; set; } = "";
    public string Type2 { get; set; } = "";
    public string Type3 { get; set; } = "";

    internal void AddType(string type)
    {
        if (Type1.Length == 0) Type1 = type;
        else if (Type2.Length == 0) Type2 = type;
        else if (Type3.Length == 0) Type3 = type;
    }

    internal void AddReligion(string religion)
    {
        if (Religion1.Length == 0) Religion1 = religion;
        else if (Religion2.Length == 0) Religion2 = religion;
    }
}

/// <summary>
/// The parts of CAMEO actor codes with their meanings (data/cameo/actor-codes.tsv, built by <c>parley build cameo</c> from
/// GDELT's own lookup tables: CAMEO.type, .knowngroup, .religion and .ethnic; country names from GeoNames; CAMEO's regional
/// codes), and the actor-code grammar that splits a code into GDELT's columns and describes it in words.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class ActorCodeTable
{
    public const string FileName = "actor-codes.tsv";

    /// <summary>Types that open a code of a non-state actor ("IGO", "NGO", ...): a country or region may follow them.</summary>
    private static readonly HashSet<string> OrganisationTypes = new(StringComparer.Ordinal) { "IGO", "NGO", "IMG", "INT", "MNC", "NGM", "UIS" };

    /// <summary>Spellings of the Phoenix dictionaries for codes GDELT's tables write otherwise.</summary>
    private static readonly Dictionary<string, string> ReligionAliases = new(StringComparer.Ordinal) { ["MUS"] = "MOS" };

    private readonly Dictionary<string, Dictionary<ActorCodeKind, string>> _parts = new(StringComparer.Ordinal);

    public int Count => _parts.Count;

    /// <summary>An empty table: codes are split by position alone (country first, then types).</summary>
    public static ActorCodeTable Empty { get; } = new();

    private static ActorCodeTable? _shared;
    private static object? _sharedGate;

    /// <summary>The installation's table (data/cameo), loaded once; <see cref="Empty"/> when it is not installed.</summary>
    public static ActorCodeTable Shared => LazyInitializer.EnsureInitialized(ref _shared, ref _sharedGate, () =>
    {
        string? folder = CameoData.FindFolder();
        string? path = folder is null ? null : Path.Combine(folder, FileName);
        return path is not null && File.Exists(path) ? Load(path) : Empty;
    });

    public static ActorCodeTable Load(string path)
    {
        var table = new ActorCodeTable();
        foreach (var c in CameoData.ReadTsv(path))
        {
            if (c.Length < 3 || !Enum.TryParse<ActorCodeKind>(c[1], ignoreCase: true, out var kind)) continue;
            table.Add(c[0].ToUpperInvariant(), kind, c[2]);
        }
        return table;
    }

    private void Add(string code, ActorCodeKind kind, string label)
    {
        if (!_parts.TryGetValue(code, out var kinds)) _parts[code] = kinds = [];
        kinds.TryAdd(kind, label);
    }

    private bool Is(string part, ActorCodeKind kind) => _parts.TryGetValue(part, out var kinds) && kinds.ContainsKey(kind);

    /// <summary>The meaning of one part of that kind, or null.</summary>
    public string? Label(string part, ActorCodeKind kind) =>
        _parts.TryGetValue(part.ToUpperInvariant(), out var kinds) && kinds.TryGetValue(kind, out var label) ? label : null;

    /// <summary>Every part of one kind with its label, in code order.</summary>
    public IEnumerable<(string Code, string Label)> Entries(ActorCodeKind kind)
    {
        var list = new List<(string, string)>();
        foreach (var (code, kinds) in _parts) if (kinds.TryGetValue(kind, out var label)) list.Add((code, label));
        list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return list;
    }

    private bool IsCountry(string part) => Is(part, ActorCodeKind.Country) || Is(part, ActorCodeKind.Region);

    private bool IsReligion(string part) => Is(part, ActorCodeKind.Religion) || ReligionAliases.ContainsKey(part);

    /// <summary>
    /// Splits a code by the CAMEO actor-code grammar into three-letter parts, each read in its place:
    /// <list type="bullet">
    /// <item>the country (or CAMEO region) comes first, or after the organisation type that opens a non-state actor's
    /// code (IGO, NGO, IMG, MNC, INT, NGM, UIS) and any religion ("IGOEUREEC": IGO of Europe, the EU);</item>
    /// <item>a known group (IMF, HMS, WBK) goes to the known-group column; a code both a type and a group (UNO, IRC, AMN) is
    /// the group unless the code names another group ("IGOUNODEVWBK": the World Bank, a development IGO of the UN);</item>
    /// <item>religions (two at most) come before types, types (three at most) before ethnic groups, which GDELT writes in
    /// lower case;</item>
    /// <item>a part no table knows, after an organisation type, is taken as a group the tables lack (Phoenix's ISI).</item>
    /// </list>
    /// </summary>
    public ActorCodeParts Split(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = new ActorCodeParts(code);
        string upper = code.ToUpperInvariant();
        int count = upper.Length / 3;
        var chunks = new string[count];
        for (int i = 0; i < count; i++) chunks[i] = upper.Substring(3 * i, 3);
        if (_parts.Count == 0) return SplitByPosition(parts, chunks);
        bool namesGroup = false;
        foreach (var c in chunks) namesGroup |= Is(c, ActorCodeKind.KnownGroup) && !Is(c, ActorCodeKind.Type);
        bool openedByOrganisation = count > 0 && OrganisationTypes.Contains(chunks[0]);
        bool countryMayFollow = true;
        for (int i = 0; i < count; i++)
        {
            string c = chunks[i];
            if (i == 0 && IsCountry(c))
            {
                parts.Country = c;
                countryMayFollow = false;
                continue;
            }
            if (IsReligion(c) && (i > 0 || !Is(c, ActorCodeKind.Type)))
            {
                parts.AddReligion(ReligionAliases.GetValueOrDefault(c, c));
                continue;
            }
            if (countryMayFollow && parts.Country.Length == 0 && IsCountry(c) && i > 0)
            {
                parts.Country = c;
                countryMayFollow = false;
                continue;
            }
            bool isType = Is(c, ActorCodeKind.Type);
            bool isGroup = Is(c, ActorCodeKind.KnownGroup);
            if (isGroup && !isType && parts.KnownGroup.Length == 0)
            {
                parts.KnownGroup = c;
            }
            else if (isGroup && isType && !namesGroup && parts.KnownGroup.Length == 0)
            {
                parts.KnownGroup = c;
            }
            else if (isType)
            {
                parts.AddType(c);
            }
            else if (Is(c, ActorCodeKind.Ethnic) && parts.Ethnic.Length == 0)
            {
                parts.Ethnic = c.ToLowerInvariant();
            }
            else if (openedByOrganisation && parts.KnownGroup.Length == 0)
            {
                parts.KnownGroup = c;
            }
            else
            {
                parts.AddType(c);
            }
            if (!OrganisationTypes.Contains(c)) countryMayFollow = false;
        }
        return parts;
    }

    /// <summary>Without tables only the position is known: a country first (unless an organisation type opens the code), then roles.</summary>
    private static ActorCodeParts SplitByPosition(ActorCodeParts parts, string[] chunks)
    {
        for (int i = 0; i < chunks.Length; i++)
        {
            if (i == 0 && !OrganisationTypes.Contains(chunks[i])) parts.Country = chunks[i];
            else parts.AddType(chunks[i]);
        }
        return parts;
    }

    /// <summary>
    /// The code in words, e.g. USAGOV "United States government", IGOUNODEVWBK "World Bank (Inter-Governmental
    /// Organization, United Nations, development)"; null when no part is known.
    /// </summary>
    public string? Describe(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || _parts.Count == 0) return null;
        var p = Split(code);
        var who = new StringBuilder();
        string? country = p.Country.Length == 0 ? null : Label(p.Country, ActorCodeKind.Country) ?? Label(p.Country, ActorCodeKind.Region);
        string? group = p.KnownGroup.Length == 0 ? null : Label(p.KnownGroup, ActorCodeKind.KnownGroup);
        var roles = new List<string>();
        foreach (var t in new[] { p.Type1, p.Type2, p.Type3 })
            if (t.Length > 0 && Label(t, ActorCodeKind.Type) is { } label) roles.Add(label.Contains(' ', StringComparison.Ordinal) ? label : label.ToLowerInvariant());
        foreach (var r in new[] { p.Religion1, p.Religion2 })
            if (r.Length > 0 && Label(r, ActorCodeKind.Religion) is { } label) roles.Add(label);
        if (p.Ethnic.Length > 0 && Label(p.Ethnic, ActorCodeKind.Ethnic) is { } ethnic) roles.Add(ethnic);
        if (group is not null)
        {
            who.Append(group);
            var context = new List<string>();
            if (country is not null) context.Add(country);
            context.AddRange(roles);
            if (context.Count > 0) who.Append(" (").AppendJoin(", ", context).Append(')');
        }
        else if (country is not null)
        {
            who.Append(country);
            if (roles.Count > 0) who.Append(' ').AppendJoin(", ", roles);
        }
        else if (roles.Count > 0)
        {
            who.AppendJoin(", ", roles);
            who[0] = char.ToUpperInvariant(who[0]);
        }
        return who.Length == 0 ? null : who.ToString();
    }

    /// <summary>
    /// Writes data/cameo/actor-codes.tsv: country names (GeoNames countryInfo.txt), CAMEO regions (embedded list), and
    /// GDELT's type, known-group, religion and ethnic tables. Returns the rows written.
    /// </summary>
    public static int Build(string sharedDir, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<(string Code, ActorCodeKind Kind, string Label)>();
        foreach (var line in File.ReadLines(Path.Combine(sharedDir, "gazetteer_geonames", "countryInfo.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length > 4 && c[1].Length == 3) rows.Add((c[1], ActorCodeKind.Country, c[4]));
        }
        using (var regions = typeof(ActorCodeTable).Assembly.GetManifestResourceStream(RegionsResource)
            ?? throw new InvalidOperationException("embedded " + RegionsResource + " missing"))
        using (var reader = new StreamReader(regions))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (c.Length >= 2) rows.Add((c[0], ActorCodeKind.Region, c[1]));
            }
        }
        string gdelt = Path.Combine(sharedDir, "cameo_gdelt_lookups");
        foreach (var (file, kind) in new[] { ("CAMEO.type.txt", ActorCodeKind.Type), ("CAMEO.knowngroup.txt", ActorCodeKind.KnownGroup),
            ("CAMEO.religion.txt", ActorCodeKind.Religion), ("CAMEO.ethnic.txt", ActorCodeKind.Ethnic) })
        {
            bool header = true;
            foreach (var line in File.ReadLines(Path.Combine(gdelt, file), Encoding.Latin1))
            {
                if (header) { header = false; continue; }
                var c = line.Split('\t');
                if (c.Length >= 2 && c[0].Trim().Length == 3) rows.Add((c[0].Trim().ToUpperInvariant(), kind, c[1].Trim()));
            }
        }
        output.WriteLine("# code\tkind\tlabel (GeoNames countryInfo, CC BY 4.0; CAMEO regions; GDELT CAMEO lookups: type, knowngroup, religion, ethnic)");
        var seen = new HashSet<(string, ActorCodeKind)>();
        rows.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code) is int byCode and not 0 ? byCode : a.Kind.CompareTo(b.Kind));
        int n = 0;
        foreach (var (code, kind, label) in rows)
        {
            if (!seen.Add((code, kind))) continue;
            output.Write(code);
            output.Write('\t');
            output.Write(kind.ToString().ToLowerInvariant());
            output.Write('\t');
            output.WriteLine(label.Replace('\t', ' '));
            n++;
        }
        return n;
    }

    internal const string RegionsResource = "Parley.Events.Gdelt.CameoRegions.tsv";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_parts.Count} actor code parts");
}
