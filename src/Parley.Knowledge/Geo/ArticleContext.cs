using Parley.Knowledge.Kb;

namespace Parley.Knowledge.Geo;

/// <summary>
/// What an article says about where it is: the countries, first- and second-level divisions and points of the places
/// it names (each contribution remembers the mention group it came from, so a name is never its own evidence), its
/// dateline, and the country its source is published in.
/// </summary>
internal sealed class ArticleContext
{
    private readonly record struct Anchor(double Lat, double Lon, int Group, double Weight);

    private readonly KnowledgeBase _kb;
    private readonly Dictionary<string, double> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Group, string Iso3), double> _countriesByGroup = [];
    private readonly Dictionary<(string Iso3, string Admin1), double> _admin1 = [];
    private readonly Dictionary<(int Group, string Iso3, string Admin1), double> _admin1ByGroup = [];
    private readonly Dictionary<(string Iso3, string Admin1, string Admin2), double> _admin2 = [];
    private readonly Dictionary<(int Group, string Iso3, string Admin1, string Admin2), double> _admin2ByGroup = [];
    private readonly List<Anchor> _anchors = [];
    private double _total;

    public ArticleContext(KnowledgeBase kb) => _kb = kb;

    /// <summary>The dateline's place, or -1.</summary>
    public int Dateline { get; set; } = -1;
    /// <summary>The country of the article's source (its web domain), or null.</summary>
    public string? SourceCountry { get; set; }

    public void Clear()
    {
        _countries.Clear(); _countriesByGroup.Clear(); _admin1.Clear(); _admin1ByGroup.Clear(); _admin2.Clear(); _admin2ByGroup.Clear();
        _anchors.Clear();
        _total = 0;
    }

    public void AddCountry(int group, string iso3, double weight)
    {
        if (iso3.Length == 0 || weight <= 0) return;
        _countries[iso3] = _countries.GetValueOrDefault(iso3) + weight;
        _countriesByGroup[(group, iso3)] = _countriesByGroup.GetValueOrDefault((group, iso3)) + weight;
        _total += weight;
    }

    /// <summary>Adds a resolved (or unambiguous) place: its country, its divisions, and (below country level) its point.</summary>
    public void AddPlace(int group, int placeIndex, double weight)
    {
        var p = _kb.Places[placeIndex];
        AddCountry(group, p.Iso3, weight);
        if (p.Iso3.Length == 0 || p.FeatureCode is "PCLI" or "CONT" or "RGN" or "RGNE") return;
        if (p.Admin1.Length > 0)
        {
            _admin1[(p.Iso3, p.Admin1)] = _admin1.GetValueOrDefault((p.Iso3, p.Admin1)) + weight;
            _admin1ByGroup[(group, p.Iso3, p.Admin1)] = _admin1ByGroup.GetValueOrDefault((group, p.Iso3, p.Admin1)) + weight;
        }
        if (p.Admin2.Length > 0)
        {
            var k = (p.Iso3, p.Admin1, p.Admin2);
            _admin2[k] = _admin2.GetValueOrDefault(k) + weight;
            _admin2ByGroup[(group, p.Iso3, p.Admin1, p.Admin2)] = _admin2ByGroup.GetValueOrDefault((group, p.Iso3, p.Admin1, p.Admin2)) + weight;
        }
        // A first-level division's point says little about where in it the article is; towns and counties say much.
        if (p.FeatureCode != "ADM1") _anchors.Add(new Anchor(p.Lat, p.Lon, group, weight));
    }

    /// <summary>How much the article names a country, apart from <paramref name="group"/>'s own mentions.</summary>
    public double Country(string iso3, int group) =>
        iso3.Length == 0 ? 0 : _countries.GetValueOrDefault(iso3) - _countriesByGroup.GetValueOrDefault((group, iso3));

    public double CountryShare(string iso3, int group)
    {
        double own = 0;
        foreach (var ((g, _), w) in _countriesByGroup) if (g == group) own += w;
        double total = _total - own;
        return total <= 0 ? 0 : Country(iso3, group) / total;
    }

    public double Admin1(PlaceEntry p, int group) =>
        p.Admin1.Length == 0 ? 0 : _admin1.GetValueOrDefault((p.Iso3, p.Admin1)) - _admin1ByGroup.GetValueOrDefault((group, p.Iso3, p.Admin1));

    public double Admin2(PlaceEntry p, int group) =>
        p.Admin2.Length == 0 ? 0 : _admin2.GetValueOrDefault((p.Iso3, p.Admin1, p.Admin2)) - _admin2ByGroup.GetValueOrDefault((group, p.Iso3, p.Admin1, p.Admin2));

    /// <summary>Distance in km from a point to the nearest place other mentions put on the map (infinity when none).</summary>
    public double NearestKm(double lat, double lon, int group)
    {
        double best = double.PositiveInfinity;
        foreach (var a in _anchors)
        {
            if (a.Group == group) continue;
            double d = Distance.Km(lat, lon, a.Lat, a.Lon);
            if (d < best) best = d;
        }
        return best;
    }
}

/// <summary>Great-circle distances.</summary>
public static class Distance
{
    /// <summary>Haversine distance in km (mean Earth radius 6,371 km).</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0, Rad = Math.PI / 180;
        double dLat = (lat2 - lat1) * Rad, dLon = (lon2 - lon1) * Rad;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
