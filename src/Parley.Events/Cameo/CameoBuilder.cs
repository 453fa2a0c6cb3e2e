using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Core.Sources;
using Parley.Core.Text;

namespace Parley.Events.Cameo;

/// <summary>Counts of what <see cref="CameoBuilder.Build"/> wrote.</summary>
public sealed class CameoBuildReport
{
    public int EventCodes { get; set; }
    public int PloverMapped { get; set; }
    public int Agents { get; set; }
    public int Countries { get; set; }
    public int Discards { get; set; }
    public int ActorCodes { get; set; }
    public required VerbConversionReport Verbs { get; init; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"event codes {EventCodes} ({PloverMapped} with a PLOVER type), agents {Agents}, countries {Countries}, discard phrases {Discards}, actor-code parts {ActorCodes}\n{Verbs}");
}

/// <summary>
/// Builds data/cameo from the published sources in the shared data folder: the ontology (GDELT lookups + PLOVER map),
/// the verb-pattern dictionary (PETRARCH2), the agent nouns and discard phrases (Phoenix), and ISO3 -> FIPS country codes.
/// </summary>
public static class CameoBuilder
{
    public static CameoBuildReport Build(string sharedDir, string outDir)
    {
        string gdelt = Path.Combine(sharedDir, "cameo_gdelt_lookups");
        string plover = Path.Combine(sharedDir, "plover");
        string petrarch = Path.Combine(sharedDir, "cameo_petrarch2_dictionaries");
        string iso = Path.Combine(sharedDir, "iso3166_country_codes");
        Directory.CreateDirectory(outDir);

        CameoOntology ontology;
        using (var codes = File.OpenText(Path.Combine(gdelt, "CAMEO.eventcodes.txt")))
        using (var gold = File.OpenText(Path.Combine(gdelt, "CAMEO.goldsteinscale.txt")))
        using (var map = File.OpenText(Path.Combine(plover, "CAMEO2PLOVER-2021.txt")))
        {
            var (names, embedded) = CameoSourceParser.ParseEventCodes(codes);
            ontology = CameoSourceParser.Build(names, CameoSourceParser.ParseGoldstein(gold), embedded, CameoSourceParser.ParsePlover(map));
        }
        using (var w = NewText(Path.Combine(outDir, CameoOntology.FileName))) ontology.Write(w);

        VerbConversionReport verbs;
        using (var input = File.OpenText(Path.Combine(petrarch, "CAMEO.2.0.txt")))
        using (var output = NewGzipText(Path.Combine(outDir, VerbDictionary.FileName)))
        {
            verbs = PetrarchVerbConverter.Convert(input, output, ontology);
            verbs.SupplementLines = AppendSupplement(output);
        }

        int agents;
        using (var input = File.OpenText(Path.Combine(petrarch, "Phoenix.agents.txt")))
        using (var output = NewText(Path.Combine(outDir, CameoData.AgentsFile)))
            agents = ConvertAgents(input, output);

        int discards;
        using (var input = File.OpenText(Path.Combine(petrarch, "Phoenix.discards.txt")))
        using (var output = NewText(Path.Combine(outDir, CameoData.DiscardsFile)))
            discards = ConvertDiscards(input, output);

        int countries;
        using (var input = File.OpenText(Path.Combine(iso, "country-codes.csv")))
        using (var output = NewText(Path.Combine(outDir, CameoData.CountriesFile)))
            countries = ConvertCountries(input, output);

        int actorCodes;
        using (var output = NewText(Path.Combine(outDir, ActorCodeTable.FileName)))
            actorCodes = ActorCodeTable.Build(sharedDir, output);

        int plovered = 0;
        foreach (var t in ontology.All) if (t.Plover is not null) plovered++;
        return new CameoBuildReport
        {
            EventCodes = ontology.Count, PloverMapped = plovered, Agents = agents, Countries = countries, Discards = discards, ActorCodes = actorCodes, Verbs = verbs,
        };
    }

    /// <summary>The project's own verb entries and patterns (VerbSupplement.tsv, embedded), appended after the converted dictionary.</summary>
    internal static int AppendSupplement(TextWriter output)
    {
        using var stream = typeof(CameoBuilder).Assembly.GetManifestResourceStream(SupplementResource)
            ?? throw new InvalidOperationException("embedded " + SupplementResource + " missing");
        using var reader = new StreamReader(stream);
        output.WriteLine("# Parley supplement (src/Parley.Events/Cameo/VerbSupplement.tsv)");
        int n = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            output.WriteLine(line);
            n++;
        }
        return n;
    }

    internal const string SupplementResource = "Parley.Events.Cameo.VerbSupplement.tsv";

    /// <summary>Phoenix agents ("SOLDIER [~MIL]", "POLICE!PERSON! [~COP]") -> "word_or_phrase \t role" (lower case, '_' joins words).</summary>
    internal static int ConvertAgents(TextReader input, TextWriter output, bool supplement = true)
    {
        var agents = new PhoenixAgentsReader(input);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        output.WriteLine("# agent noun (lower case, '_' joins words)\trole code appended to a country code (from Phoenix.agents.txt, MIT)");
        int n = 0;
        foreach (var (head, codes) in agents.Entries())
        {
            int rb = codes.IndexOf(']');
            if (head.Length == 0 || rb < 0) continue;
            string code = codes[1..rb].Trim();
            // "~GOV" adds a role after the country ("Afghan officials" -> AFGGOV); "NGO~" puts one before it ("MSF Arnor" -> NGOARN),
            // kept with its tilde so the coder tells the two apart.
            if (code.StartsWith('~')) code = code[1..];
            else if (!code.EndsWith('~')) continue;
            // An entry's own plurals ("GOLDEN_GOOSE {GOLDEN_GEESE}", "THIEF {THIEVES}") are forms of it; entries of several
            // nouns are left out.
            string phrase = head.Trim();
            var forms = new List<string>();
            int brace = phrase.IndexOf('{');
            if (brace >= 0)
            {
                int close = phrase.IndexOf('}', brace);
                if (close < 0) continue;
                forms.AddRange(phrase[(brace + 1)..close].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
                phrase = phrase[..brace].Trim();
            }
            if (phrase.Contains(',')) continue;
            forms.Insert(0, phrase);
            foreach (var form in forms.SelectMany(f => agents.Expand(f, keepUnknown: false)))
            {
                string key = form.Trim('_').Replace(' ', '_').ToLowerInvariant();
                if (key.Length == 0 || !seen.Add(key)) continue;
                output.Write(key); output.Write('\t'); output.WriteLine(code);
                n++;
            }
        }
        // Project supplement: generic nouns news uses for state actors that Phoenix lists only inside longer phrases
        // ("GOVERNMENT_OFFICIAL", "GOVERNMENT_FORCES"). Documented in data/cameo/README.md.
        foreach (var (word, role) in supplement ? Supplement : [])
        {
            if (!seen.Add(word)) continue;
            output.Write(word); output.Write('\t'); output.WriteLine(role);
            n++;
        }
        return n;
    }

    private static readonly (string Word, string Role)[] Supplement =
        [("official", "GOV"), ("leader", "GOV"), ("forces", "MIL"), ("delegation", "GOV"), ("negotiator", "GOV")];

    /// <summary>
    /// Phoenix discard phrases Parley keeps coding: on political news they name the news itself as often as the sport,
    /// disaster or show they were listed for (measured on BBC politics 2004-05 and Wikinews 2019-20: "tsunami" debt
    /// relief, a "presidential debate", a "landslide" victory, Amanda "Champion", the "Millennium" Dome, "bird flu"
    /// policy). Their sentences go through the coder like any other.
    /// </summary>
    private static readonly HashSet<string> KeptForPolitics = new(StringComparer.Ordinal)
    {
        "tsunami", "presidential debate", "presidential vote recount", "landslide", "champion", "champions", "millennium",
        "bird flu", "avian flu", "avian influenza", "h5n1", "ebola", "polio", "pollution", "poll published", "british empire",
        "big brother", "medical tests",
    };

    /// <summary>Phoenix discards -> "phrase \t scope" (scope "story" for '+' lines, else "sentence"), less <see cref="KeptForPolitics"/>.</summary>
    internal static int ConvertDiscards(TextReader input, TextWriter output)
    {
        output.WriteLine("# discard phrase (lower case, space-separated words)\tscope: sentence or story (from Phoenix.discards.txt, MIT)");
        int n = 0;
        string? line;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while ((line = input.ReadLine()) is not null)
        {
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith("<!", StringComparison.Ordinal)) continue;
            bool story = line[0] == '+';
            string phrase = (story ? line[1..] : line).Trim().Replace('_', ' ').Trim().ToLowerInvariant();
            if (phrase.Length == 0 || KeptForPolitics.Contains(phrase) || !seen.Add(phrase)) continue;
            output.Write(phrase); output.Write('\t'); output.WriteLine(story ? "story" : "sentence");
            n++;
        }
        return n;
    }

    /// <summary>States of older news that today's ISO 3166-1 list has dropped, by their CAMEO codes: the Soviet Union (USR; Phoenix's
    /// SUN is CAMEO's Sunni, see the knowledge base's build), Yugoslavia, East Germany, Czechoslovakia. Countries to the coder
    /// ("Soviet Prime Minister X" is USRGOV), without a FIPS geography.</summary>
    internal static readonly string[] FormerStates = ["CSK", "DDR", "USR", "YUG"];

    /// <summary>ISO 3166-1 alpha-3 -> FIPS 10-4 (GDELT's geographic country codes), and the <see cref="FormerStates"/>.</summary>
    internal static int ConvertCountries(TextReader input, TextWriter output)
    {
        using var records = CsvRecords.Read(input).GetEnumerator();
        if (!records.MoveNext()) return 0;
        int iso3 = Array.IndexOf(records.Current, "ISO3166-1-Alpha-3"), fips = Array.IndexOf(records.Current, "FIPS");
        output.WriteLine("# iso3\tfips (from the country-codes table, ODC PDDL)");
        int n = 0;
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var c = records.Current;
            if (c.Length <= Math.Max(iso3, fips)) continue;
            string i3 = c[iso3].Trim(), f = c[fips].Trim();
            if (i3.Length == 3) rows[i3] = f;
        }
        foreach (string former in FormerStates) rows.TryAdd(former, "");
        foreach (var (i3, f) in rows) { output.Write(i3); output.Write('\t'); output.WriteLine(f); n++; }
        return n;
    }

    private static StreamWriter NewText(string path) => new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    private static StreamWriter NewGzipText(string path)
    {
        var file = File.Create(path);
        var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        return new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
    }
}
