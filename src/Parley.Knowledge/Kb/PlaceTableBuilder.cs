using System.Globalization;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>
/// Builds the place table from the GeoNames extracts in the shared data folder (see its SOURCE.md):
/// continents and regions (no-country features, each at its GeoNames point), first- and second-level divisions
/// (admin1.tsv / admin2.tsv: GeoNames names and ids; points from Natural Earth or derived from their places, as that
/// file documents), and every populated place of cities500 (a row of the newer cities15000 replaces its cities500
/// row), plus the supplement's places. Divisions and places without a point are left out: a place Parley cannot put
/// on a map is no answer. Alternate names are kept when written in Latin script, as English news writes them, and
/// fewer for smaller places (see <see cref="AltNameLimit"/>): the many spellings of a village are rarely in the news,
/// while every alternate is one more namesake for the geocoder to weigh, and one more row in the committed file.
/// </summary>
internal static class PlaceTableBuilder
{
    /// <summary>Feature codes of populated places that are gone (abandoned, historical, destroyed): not where news happens.</summary>
    private static readonly HashSet<string> GoneCodes = new(StringComparer.Ordinal) { "PPLQ", "PPLH", "PPLW" };

    /// <summary>At most this many alternate names per place, by population: big cities have English exonyms worth keeping.</summary>
    internal static int AltNameLimit(long population) => population switch
    {
        >= 1_000_000 => 24,
        >= 100_000 => 16,
        >= 15_000 => 8,
        _ => 3,
    };

    public static List<PlaceEntry> Build(KbSources src, Dictionary<string, CountryDraft> countries, TextWriter? log)
    {
        var iso2To3 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in countries.Values) iso2To3[c.Iso2] = c.Iso3;
        var places = new List<PlaceEntry>(260_000);
        int regions = ReadRegions(Path.Combine(src.GeoNames, "continents_regions.tsv.gz"), places);
        var extra = ReadAbbreviations(Path.Combine(src.SupplementDir, "abbreviations.tsv"));
        int admin1 = ReadAdmin1(Path.Combine(src.GeoNames, "admin1.tsv.gz"), iso2To3, extra, places);
        int admin2 = ReadAdmin2(Path.Combine(src.GeoNames, "admin2.tsv.gz"), iso2To3, places);
        int cities = ReadCities(src, iso2To3, places);
        int supplement = ReadSupplement(Path.Combine(src.SupplementDir, "places.tsv"), places);
        log?.WriteLine($"places: {places.Count} ({regions} continents and regions, {admin1} first-level and {admin2} second-level divisions, {cities} populated places, {supplement} from the supplement)");
        return places;
    }

    private static int ReadRegions(string path, List<PlaceEntry> places)
    {
        int n = 0;
        foreach (var f in TsvRows(path))
        {
            // geonameid, name, asciiname, latitude, longitude, feature_code, population, alternatenames (comma-separated), modification_date
            places.Add(new PlaceEntry
            {
                GeonameId = ParseLong(f[0]), Name = f[1], Lat = ParseDouble(f[3]), Lon = ParseDouble(f[4]), FeatureCode = f[5],
                Iso3 = "", Admin1 = "", Admin2 = "", Population = ParseLong(f[6]), AltNames = AltNames(f[1], f[2], f[7].Split(','), 24),
            });
            n++;
        }
        return n;
    }

    /// <summary>The supplement's abbreviations of divisions (news style: "La.", "Calif.", "Ont."): <c>abbreviation TAB CC.ADM1</c>.</summary>
    private static Dictionary<string, List<string>> ReadAbbreviations(string path)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 2) throw new InvalidDataException($"{path}: expected abbreviation TAB CC.ADM1: {line}");
            if (!result.TryGetValue(f[1], out var list)) result[f[1]] = list = [];
            list.Add(f[0]);
        }
        return result;
    }

    private static int ReadAdmin1(string path, Dictionary<string, string> iso2To3, Dictionary<string, List<string>> extra, List<PlaceEntry> places)
    {
        int n = 0;
        foreach (var f in TsvRows(path))
        {
            // geonameid, country_code, admin1_code, key, name, asciiname, latitude, longitude, n_places, places_population, coord_source, alternatenames
            if (f[6].Length == 0 || !iso2To3.TryGetValue(f[1], out var iso3)) continue;
            places.Add(new PlaceEntry
            {
                GeonameId = ParseLong(f[0]), Name = f[4], Lat = ParseDouble(f[6]), Lon = ParseDouble(f[7]), FeatureCode = "ADM1",
                Iso3 = iso3, Admin1 = f[2], Admin2 = "", Population = ParseLong(f[9]),
                AltNames = AltNames(f[4], f[5], Prepend(DivisionCore(f[4]), f[11].Split('|')), 16),
                // US admin1 codes are the postal abbreviations ("LA"); other countries' are numbers or FIPS codes.
                Abbreviations = Abbreviations(f[11].Split('|'), f[1] == "US" ? f[2] : null, extra.GetValueOrDefault(f[3])),
            });
            n++;
        }
        return n;
    }

    private static int ReadAdmin2(string path, Dictionary<string, string> iso2To3, List<PlaceEntry> places)
    {
        int n = 0;
        foreach (var f in TsvRows(path))
        {
            // geonameid, country_code, admin1_code, admin2_code, key, name, asciiname, latitude, longitude, n_places, places_population, coord_source
            if (f[7].Length == 0 || !iso2To3.TryGetValue(f[1], out var iso3)) continue;
            places.Add(new PlaceEntry
            {
                GeonameId = ParseLong(f[0]), Name = f[5], Lat = ParseDouble(f[7]), Lon = ParseDouble(f[8]), FeatureCode = "ADM2",
                Iso3 = iso3, Admin1 = f[2], Admin2 = f[3], Population = ParseLong(f[10]), AltNames = AltNames(f[5], f[6], Prepend(DivisionCore(f[5]), []), 1),
            });
            n++;
        }
        return n;
    }

    /// <summary>cities500 (header row, 19 GeoNames columns), with the rows of the newer cities15000 (no header) taking precedence.</summary>
    private static int ReadCities(KbSources src, Dictionary<string, string> iso2To3, List<PlaceEntry> places)
    {
        var newer = new Dictionary<long, string[]>();
        string cities15000 = Path.Combine(src.GeoNames, "cities15000.txt.gz");
        if (File.Exists(cities15000))
        {
            using var reader = KbBuilder.OpenText(cities15000);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var f = line.Split('\t');
                if (f.Length >= 15 && long.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long id)) newer[id] = f;
            }
        }
        int n = 0;
        var seen = new HashSet<long>();
        foreach (var row in TsvRows(Path.Combine(src.GeoNames, "cities500.tsv.gz")))
        {
            long id = ParseLong(row[0]);
            var f = newer.GetValueOrDefault(id) ?? row;
            if (AddCity(f, iso2To3, places)) { n++; seen.Add(id); }
        }
        // Places over 15,000 people that cities500 (an older dump) does not have yet.
        foreach (var (id, f) in newer.OrderBy(kv => kv.Key))
            if (!seen.Contains(id) && AddCity(f, iso2To3, places)) n++;
        return n;
    }

    private static bool AddCity(string[] f, Dictionary<string, string> iso2To3, List<PlaceEntry> places)
    {
        if (f.Length < 15 || !iso2To3.TryGetValue(f[8], out var iso3) || GoneCodes.Contains(f[7]) || f[7].Length == 0) return false;
        long population = ParseLong(f[14]);
        places.Add(new PlaceEntry
        {
            GeonameId = ParseLong(f[0]), Name = f[1], Lat = ParseDouble(f[4]), Lon = ParseDouble(f[5]), FeatureCode = f[7],
            Iso3 = iso3, Admin1 = f[10], Admin2 = f[11], Population = population,
            AltNames = AltNames(f[1], f[2], f[3].Split(','), AltNameLimit(population)),
        });
        return true;
    }

    /// <summary>
    /// The supplement's places (<c>geonameid name lat lon feature_code iso3 admin1 admin2 population alternate_names
    /// [demonyms [actors]]</c>). A row with the id of a place already read amends it: its non-empty fields replace the
    /// gazetteer's, its alternate names come before the gazetteer's, its demonyms ("English" for England) and the actors
    /// that stand for it ("the EU" for Europe) are added.
    /// </summary>
    private static int ReadSupplement(string path, List<PlaceEntry> places)
    {
        if (!File.Exists(path)) return 0;
        var byId = new Dictionary<long, int>();
        for (int i = 0; i < places.Count; i++) byId.TryAdd(places[i].GeonameId, i);
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 10) throw new InvalidDataException($"{path}: expected 10 to 12 tab-separated fields: {line}");
            long id = ParseLong(f[0]);
            var old = byId.TryGetValue(id, out int at) ? places[at] : null;
            string Field(int i, string? keep) => f[i].Length > 0 || keep is null ? f[i] : keep;
            var names = new List<string>(KbFiles.List(f[9]));
            if (old is not null) foreach (var a in old.AltNames) if (!names.Contains(a, StringComparer.Ordinal) && a != f[1]) names.Add(a);
            var p = new PlaceEntry
            {
                GeonameId = id, Name = Field(1, old?.Name),
                Lat = f[2].Length > 0 ? ParseDouble(f[2]) : old?.Lat ?? throw new InvalidDataException($"{path}: a new place needs a point: {line}"),
                Lon = f[3].Length > 0 ? ParseDouble(f[3]) : old?.Lon ?? 0,
                FeatureCode = Field(4, old?.FeatureCode), Iso3 = Field(5, old?.Iso3), Admin1 = Field(6, old?.Admin1), Admin2 = Field(7, old?.Admin2),
                Population = f[8].Length > 0 ? ParseLong(f[8]) : old?.Population ?? 0, AltNames = [.. names],
                Abbreviations = old?.Abbreviations ?? [], Demonyms = f.Length > 10 ? KbFiles.List(f[10]) : old?.Demonyms ?? [],
                Actors = f.Length > 11 ? KbFiles.List(f[11]) : old?.Actors ?? [],
            };
            if (old is not null) places[at] = p;
            else places.Add(p);
            n++;
        }
        return n;
    }

    /// <summary>
    /// The name of a division without the word for its kind ("Province of Laguna" -> "Laguna", "Gomel Oblast" -> "Gomel",
    /// "Rapides Parish" -> "Rapides"), as news often writes it; null when the name has no such word.
    /// </summary>
    internal static string? DivisionCore(string name)
    {
        foreach (var prefix in DivisionPrefixes)
            if (name.Length > prefix.Length + 2 && name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        foreach (var suffix in DivisionSuffixes)
            if (name.Length > suffix.Length + 2 && name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length];
        return null;
    }

    private static readonly string[] DivisionPrefixes =
        ["Province of ", "State of ", "Departamento de ", "Departamento del ", "Provincia de ", "Provincia di ", "Governorate of ", "Région ", "Province de ", "Provincia del "];

    private static readonly string[] DivisionSuffixes =
    [
        " Province", " Department", " Governorate", " Region", " Oblast", " District", " County", " Parish", " Borough", " Rayon", " Raion",
        " Municipality", " Prefecture", " Voivodeship", " Krai", " Division", " Territory", " Emirate", " Autonomous Region", " Agency",
    ];

    private static IEnumerable<string> Prepend(string? first, IEnumerable<string> rest) => first is null ? rest : rest.Prepend(first);

    /// <summary>Rows of a gzip'd TSV with one header row (the shared extracts' format).</summary>
    internal static IEnumerable<string[]> TsvRows(string path)
    {
        using var reader = KbBuilder.OpenText(path);
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
            if (line.Length > 0) yield return line.Split('\t');
    }

    private static long ParseLong(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : 0;
    private static double ParseDouble(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Latin-script alternate names, at most <paramref name="max"/>, without codes and abbreviations (IATA, postal, "CA",
    /// "Calif."; the qualifiers table holds the abbreviations that follow a town's name), and without duplicates of the name.
    /// The ASCII spelling comes first when it differs from the name ("Gdansk" for "Gdańsk").
    /// </summary>
    internal static string[] AltNames(string name, string ascii, IEnumerable<string> alternates, int max)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { NameKey.FromPhrase(name) };
        var result = new List<string>();
        if (ascii.Length > 0 && keys.Add(NameKey.FromPhrase(ascii))) result.Add(ascii);
        int limit = result.Count + max;
        // Plain ASCII spellings first (English news writes "Qamishli", "Kyiv"), then the others.
        foreach (bool plain in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var raw in alternates)
            {
                if (result.Count >= limit) break;
                string alt = raw.Trim();
                if (alt.Length < 3 || alt.Length > 40 || !IsLatinName(alt) || IsAscii(alt) != plain) continue;
                if (alt.Contains('.') || alt.Length <= 4 && alt.All(c => char.IsUpper(c) || !char.IsLetter(c))) continue;
                if (keys.Add(NameKey.FromPhrase(alt))) result.Add(alt);
            }
        }
        return [.. result];
    }

    /// <summary>A division's abbreviations among its alternate names: short all-capital codes ("CA", "BC") and dotted forms ("Calif.").</summary>
    internal static string[] Abbreviations(IEnumerable<string> alternates, string? code, List<string>? curated)
    {
        var result = new List<string>();
        if (code is { Length: 2 }) result.Add(code);
        foreach (var a in curated ?? []) if (!result.Contains(a, StringComparer.Ordinal)) result.Add(a);
        foreach (var raw in alternates)
        {
            string a = raw.Trim();
            if (a.Length < 2 || a.Length > 7 || !char.IsUpper(a[0]) || a.Any(c => c > '\u024F' || char.IsDigit(c) || c == ' ')) continue;
            bool isCode = a.Length <= 4 && a.All(char.IsUpper);
            bool dotted = a.EndsWith('.') && a.Count(c => c == '.') <= 2;
            if ((isCode || dotted) && !result.Contains(a, StringComparer.Ordinal)) result.Add(a);
        }
        return [.. result];
    }

    private static bool IsAscii(string s)
    {
        foreach (char c in s) if (c > '\u007F' && c != '\u2019') return false;
        return true;
    }

    private static bool IsLatinName(string s)
    {
        if (!char.IsUpper(s[0])) return false;
        foreach (char c in s)
        {
            if (c > '\u024F' && c != '\u2019') return false;
            if (char.IsDigit(c) || c is '(' or ')' or '/' or ',' or ';' or '|' or '"') return false;
        }
        return true;
    }
}
