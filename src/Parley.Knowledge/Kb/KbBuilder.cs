using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>Where the open dictionaries are, relative to the shared data folder.</summary>
public sealed record KbSources(string SharedDataDir, string SupplementDir)
{
    public string Dictionaries => Path.Combine(SharedDataDir, "cameo_petrarch2_dictionaries");
    public string GeoNames => Path.Combine(SharedDataDir, "gazetteer_geonames");
    public string IsoCodes => Path.Combine(SharedDataDir, "iso3166_country_codes", "country-codes.csv");
    public string CountryInfoOeda => Path.Combine(SharedDataDir, "countryinfo_oeda", "CountryInfo.120116.txt.gz");
}

/// <summary>Counts written by a build.</summary>
public sealed record KbBuildSummary(int Countries, int Places, int Actors, int Agents, int Discards, long Bytes);

/// <summary>
/// Turns the open dictionaries (GeoNames, ISO 3166, OEDA CountryInfo, PETRARCH2/Phoenix) plus the
/// hand-curated supplement into the project's compact knowledge files.
/// </summary>
public static class KbBuilder
{
    public static KbBuildSummary Build(KbSources src, string outDir, TextWriter? log = null)
    {
        Directory.CreateDirectory(outDir);
        var countries = CountryTableBuilder.Build(src, log);
        var places = PlaceTableBuilder.Build(src, countries, log);
        // Names of places that a country variant or an actor synonym sharing them means rather than the country
        // ("Kabul", "Helmand", "Scotland", "D.C."): divisions, their abbreviations, and towns over 15,000 people -- not
        // every village of cities500. A country's variant is dropped only for a division, a capital or a city of 100,000:
        // "Holland" is the Netherlands, not the Michigan town of 33,000.
        var placeKeys = new HashSet<string>(StringComparer.Ordinal);
        var notablePlaceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            bool division = p.FeatureCode is "ADM1" or "PPLC" or "CONT";
            if (division || p.Population >= 15_000 && p.FeatureCode != "ADM2") placeKeys.Add(NameKey.FromPhrase(p.Name));
            if (division || p.Population >= 100_000 && p.FeatureCode != "ADM2") notablePlaceKeys.Add(NameKey.FromPhrase(p.Name));
            foreach (var a in p.Abbreviations)
                if (a.Contains('.')) { placeKeys.Add(NameKey.FromPhrase(a)); notablePlaceKeys.Add(NameKey.FromPhrase(a)); }
        }

        var agents = ReadAgents(src);
        var agentKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in agents) agentKeys.Add(a.Key);

        var actors = ActorTableBuilder.Build(src, countries, placeKeys, agentKeys, log);
        foreach (var c in countries.Values) c.PruneNames(notablePlaceKeys);
        var discards = ReadDiscards(Path.Combine(src.Dictionaries, "Phoenix.discards.txt"));

        WriteCountries(Path.Combine(outDir, KbFiles.Countries), countries.Values.Select(c => c.ToEntry()));
        WritePlaces(Path.Combine(outDir, KbFiles.Places), places);
        WriteActors(Path.Combine(outDir, KbFiles.Actors), actors);
        WriteAgents(Path.Combine(outDir, KbFiles.Agents), agents);
        WriteDiscards(Path.Combine(outDir, KbFiles.Discards), discards);
        WriteTable(Path.Combine(outDir, KbFiles.Governments), "#actor\tcode\tfrom\tto\tnote",
            ReadGovernments(Path.Combine(src.SupplementDir, "governments.tsv"), actors),
            static (w, g) => w.WriteLine($"{g.Actor}\t{g.Code.Code}\t{Day(g.Code.From)}\t{Day(g.Code.To)}\t{KbFiles.Clean(g.Note)}"));
        long bytes = 0;
        foreach (var f in new[] { KbFiles.Countries, KbFiles.Places, KbFiles.Actors, KbFiles.Agents, KbFiles.Discards, KbFiles.Governments })
            bytes += new FileInfo(Path.Combine(outDir, f)).Length;
        return new KbBuildSummary(countries.Count, places.Count, actors.Count, agents.Count, discards.Count, bytes);
    }

    private static List<AgentEntry> ReadAgents(KbSources src)
    {
        var result = new List<AgentEntry>();
        using (var r = File.OpenText(Path.Combine(src.Dictionaries, "Phoenix.agents.txt"))) result.AddRange(PetrarchAgentReader.Read(r));
        string supplement = Path.Combine(src.SupplementDir, "agents.txt");
        if (File.Exists(supplement))
        {
            using var r = File.OpenText(supplement);
            result.AddRange(PetrarchAgentReader.Read(r));
        }
        // Later entries win (the supplement last), as when PETRARCH reads a key twice.
        var byKey = new Dictionary<string, AgentEntry>(StringComparer.Ordinal);
        foreach (var a in result) byKey[a.Key] = a;
        var list = byKey.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>
    /// The parties in government (supplement/governments.tsv: party id, country, from, to, note; ISO dates, both ends
    /// inclusive, an empty end open) as the knowledge-base id of each party and its country's GOV code over the dates
    /// (<c>actor:LABOUR_PARTY</c>, <c>GBRGOV</c> from 1997-05-02 to 2010-05-11). A row naming no actor of the table, or a party of
    /// another country, is an error: the facts must stay tied to the entities the linker finds.
    /// </summary>
    internal static List<(string Actor, RoleCode Code, string Note)> ReadGovernments(string path, List<ActorEntry> actors)
    {
        var result = new List<(string, RoleCode, string)>();
        if (!File.Exists(path)) return result;
        var byId = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new FormatException($"governments.tsv: expected party, country, from, to: '{line}'");
            if (!byId.TryGetValue(f[0], out var party) || KnowledgeBase.ActorCountry(party) != f[1])
                throw new FormatException($"governments.tsv: '{f[0]}' is no actor of country {f[1]}");
            result.Add((Linking.MentionKinds.ActorPrefix + f[0], new RoleCode(f[1] + "GOV", Day(f[2]), f[3].Length == 0 ? null : Day(f[3])), f.Length > 4 ? f[4] : ""));
        }
        return result;

        static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static List<string> ReadDiscards(string path)
    {
        var result = new List<string>();
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadLines(path))
        {
            string line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            int bracket = line.IndexOf('[');
            if (bracket >= 0) line = line[..bracket];
            line = line.Trim().TrimStart('+');
            if (line.Length == 0 || line.All(char.IsDigit)) continue;
            string key = NameKey.FromPhrase(line);
            if (key.Length > 0) result.Add(key);
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string F(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);

    private static void WriteCountries(string path, IEnumerable<CountryEntry> countries) =>
        WriteTable(path, "#iso3\tiso2\tname\tgeonameid\tcapital\tcapital_geonameid\tlat\tlon\tpopulation\tnames\tdemonyms\tcapitals\tcontinent\ttld",
            countries.OrderBy(c => c.Iso3, StringComparer.Ordinal), static (w, c) =>
            {
                w.Write($"{c.Iso3}\t{c.Iso2}\t{KbFiles.Clean(c.Name)}\t{c.GeonameId}\t{KbFiles.Clean(c.Capital ?? "")}\t{c.CapitalGeonameId}\t");
                w.Write($"{(c.Lat is { } la ? F(la) : "")}\t{(c.Lon is { } lo ? F(lo) : "")}\t{c.Population}\t");
                w.WriteLine($"{JoinClean(c.Names)}\t{JoinClean(c.Demonyms)}\t{JoinClean(c.Capitals)}\t{c.Continent}\t{c.Tld}");
            });

    private static void WritePlaces(string path, List<PlaceEntry> places) =>
        WriteTable(path, "#geonameid\tname\tlat\tlon\tfeature_code\tiso3\tadmin1\tadmin2\tpopulation\talternate_names\tabbreviations\tdemonyms\tactors",
            places, static (w, p) =>
            {
                w.Write($"{p.GeonameId}\t{KbFiles.Clean(p.Name)}\t{F(p.Lat)}\t{F(p.Lon)}\t{p.FeatureCode}\t{p.Iso3}\t{p.Admin1}\t{p.Admin2}\t{p.Population}\t");
                w.WriteLine($"{JoinClean(p.AltNames)}\t{JoinClean(p.Abbreviations)}\t{JoinClean(p.Demonyms)}\t{KbFiles.Join(p.Actors)}");
            });

    private static void WriteActors(string path, List<ActorEntry> actors) =>
        WriteTable(path, "#id\tkind\tname\tsource\tcodes\tnames", actors, static (w, a) =>
            w.WriteLine($"{a.Id}\t{a.Kind}\t{KbFiles.Clean(a.Name)}\t{a.Source}\t{KbFiles.Join(a.Codes.Select(c => c.ToString()))}\t{JoinClean(a.Names)}"));

    private static void WriteAgents(string path, List<AgentEntry> agents) =>
        WriteTable(path, "#key\tcode", agents, static (w, a) => w.WriteLine($"{a.Key}\t{a.Code}"));

    private static void WriteDiscards(string path, List<string> discards) =>
        WriteTable(path, "#key", discards, static (w, d) => w.WriteLine(d));

    /// <summary>One knowledge-base table: the header line, then a line per row as <paramref name="row"/> writes it.</summary>
    private static void WriteTable<T>(string path, string header, IEnumerable<T> rows, Action<StreamWriter, T> row)
    {
        using var w = KbFiles.CreateWriter(path);
        w.WriteLine(header);
        foreach (var r in rows) row(w, r);
    }

    /// <summary>A list field of names, each cleaned of the format's separators.</summary>
    private static string JoinClean(IEnumerable<string> names) => KbFiles.Join(names.Select(KbFiles.Clean));

    internal static TextReader OpenText(string path)
    {
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s, Encoding.UTF8);
    }
}
