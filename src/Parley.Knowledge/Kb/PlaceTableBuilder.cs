using System.Globalization;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>
/// Builds the place table: GeoNames cities15000 (populated places over 15,000 people and capitals),
/// first-order administrative divisions (admin1CodesASCII; GeoNames gives them no coordinates here, so each
/// takes the point of its seat, the PPLA city, or else of its largest city), and the supplement's places.
/// Alternate names are kept when written in Latin script, as English news writes them.
/// </summary>
internal static class PlaceTableBuilder
{
    private const int MaxAltNames = 24;

    public static List<PlaceEntry> Build(KbSources src, Dictionary<string, CountryDraft> countries, TextWriter? log)
    {
        var iso2To3 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in countries.Values) iso2To3[c.Iso2] = c.Iso3;
        var places = new List<PlaceEntry>(34_000);
        var seatOf = new Dictionary<string, (int Rank, long Pop, double Lat, double Lon)>(StringComparer.Ordinal);
        var admin1Population = new Dictionary<string, long>(StringComparer.Ordinal);

        using (var reader = KbBuilder.OpenText(Path.Combine(src.GeoNames, "cities15000.txt.gz")))
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var f = line.Split('\t');
                if (f.Length < 15 || !iso2To3.TryGetValue(f[8], out var iso3)) continue;
                var p = new PlaceEntry
                {
                    GeonameId = long.Parse(f[0], CultureInfo.InvariantCulture),
                    Name = f[1],
                    Lat = double.Parse(f[4], CultureInfo.InvariantCulture),
                    Lon = double.Parse(f[5], CultureInfo.InvariantCulture),
                    FeatureCode = f[7],
                    Iso3 = iso3,
                    Admin1 = f[10],
                    Population = long.TryParse(f[14], out long pop) ? pop : 0,
                    AltNames = AltNames(f[1], f[2], f[3]),
                };
                places.Add(p);
                string a1 = f[8] + "." + f[10];
                admin1Population[a1] = admin1Population.GetValueOrDefault(a1) + p.Population;
                int rank = p.FeatureCode is "PPLA" or "PPLC" ? 1 : 0;
                if (!seatOf.TryGetValue(a1, out var s) || rank > s.Rank || rank == s.Rank && p.Population > s.Pop)
                    seatOf[a1] = (rank, p.Population, p.Lat, p.Lon);
            }
        }

        int admin1 = 0;
        foreach (var line in File.ReadLines(Path.Combine(src.GeoNames, "admin1CodesASCII.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 4) continue;
            int dot = f[0].IndexOf('.');
            if (dot < 0 || !iso2To3.TryGetValue(f[0][..dot], out var iso3) || !seatOf.TryGetValue(f[0], out var seat)) continue;
            places.Add(new PlaceEntry
            {
                GeonameId = long.Parse(f[3], CultureInfo.InvariantCulture),
                Name = f[1],
                Lat = seat.Lat,
                Lon = seat.Lon,
                FeatureCode = "ADM1",
                Iso3 = iso3,
                Admin1 = f[0][(dot + 1)..],
                Population = admin1Population.GetValueOrDefault(f[0]),
                AltNames = AltNames(f[1], f[2], ""),
            });
            admin1++;
        }

        int supplement = 0;
        string supplementPath = Path.Combine(src.SupplementDir, "places.tsv");
        if (File.Exists(supplementPath))
        {
            foreach (var line in File.ReadLines(supplementPath))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length < 9) continue;
                places.Add(new PlaceEntry
                {
                    GeonameId = long.Parse(f[0], CultureInfo.InvariantCulture), Name = f[1],
                    Lat = double.Parse(f[2], CultureInfo.InvariantCulture), Lon = double.Parse(f[3], CultureInfo.InvariantCulture),
                    FeatureCode = f[4], Iso3 = f[5], Admin1 = f[6], Population = long.Parse(f[7], CultureInfo.InvariantCulture),
                    AltNames = KbFiles.List(f[8]),
                });
                supplement++;
            }
        }
        log?.WriteLine($"places: {places.Count} ({admin1} first-order divisions, {supplement} from the supplement)");
        return places;
    }

    /// <summary>Latin-script alternate names, without codes (IATA, postal) and duplicates of the main name.</summary>
    internal static string[] AltNames(string name, string ascii, string alternates)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { NameKey.FromPhrase(name) };
        var result = new List<string>();
        if (ascii.Length > 0 && keys.Add(NameKey.FromPhrase(ascii))) result.Add(ascii);
        if (alternates.Length == 0) return [.. result];
        foreach (var alt in alternates.Split(','))
        {
            if (result.Count >= MaxAltNames) break;
            if (alt.Length < 3 || alt.Length > 40 || !IsLatinName(alt)) continue;
            if (alt.Length <= 4 && alt.All(c => char.IsUpper(c) || !char.IsLetter(c))) continue;
            if (keys.Add(NameKey.FromPhrase(alt))) result.Add(alt);
        }
        return [.. result];
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
