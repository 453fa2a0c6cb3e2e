using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parley.Core;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;

namespace Parley.Knowledge.Eval;

/// <summary>One gold toponym of a GeoWebNews article: its span, annotation type, and gold point.</summary>
public sealed record GwnToponym(int Start, int End, string Text, string Type, long? GeonameId, double Lat, double Lon, string? Iso2, string? Iso2Sovereign);

/// <summary>
/// One GeoWebNews article with its gold toponyms that have coordinates, and the spans of every annotation (toponyms of all
/// kinds, with or without coordinates, and the non-toponyms the annotators marked).
/// </summary>
public sealed record GwnArticle(string Id, string? Url, string Text, IReadOnlyList<GwnToponym> Toponyms, IReadOnlyList<(int Start, int End)> Annotated);

/// <summary>
/// An end-to-end run: each gold toponym's outcome, the places Parley output, and those that overlap no annotation at all
/// (GeoWebNews marks every toponym, literal or not, so these are most likely not places).
/// </summary>
public sealed record GwnRun(List<GwnOutcome> Outcomes, int Places, List<(GwnArticle Article, PlaceMention Place)> Unannotated);

/// <summary>How one gold toponym was answered: the place found for it (or none) and its distance from the gold point.</summary>
public sealed record GwnOutcome(GwnArticle Article, GwnToponym Gold, PlaceMention? Place, double Km, bool RightCountry);

/// <summary>Counts of one GeoWebNews run; every share is of all gold points except "right country", which is of those found.</summary>
public sealed class GwnScores
{
    private readonly List<double> _errors = [];

    public int Gold { get; private set; }
    public int Found { get; private set; }
    public int ExactSpan { get; private set; }
    public int Within161 { get; private set; }
    public int RightCountry { get; private set; }

    public void Add(GwnOutcome o)
    {
        Gold++;
        if (o.Place is null) return;
        Found++;
        if (o.Place.Start == o.Gold.Start && o.Place.End == o.Gold.End) ExactSpan++;
        if (o.Km <= GeoEvaluation.NearKm) Within161++;
        if (o.RightCountry) RightCountry++;
        _errors.Add(o.Km);
    }

    public double FoundShare => Share(Found, Gold);
    public double Within161Share => Share(Within161, Gold);
    public double RightCountryShare => Share(RightCountry, Found);
    public double MeanKm => _errors.Count == 0 ? 0 : _errors.Average();
    public double MedianKm
    {
        get
        {
            if (_errors.Count == 0) return 0;
            var sorted = _errors.Order().ToList();
            int m = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        }
    }

    private static double Share(int n, int of) => of == 0 ? 0 : (double)n / of;

    public string Row(string label) => FormattableString.Invariant(
        $"{label,-16} {Gold,6} {FoundShare,9:P1} {Within161Share,14:P1} {RightCountryShare,15:P1} {MeanKm,9:0} {MedianKm,10:0}");

    public static string Header => FormattableString.Invariant(
        $"{"",-16} {"gold",6} {"found",9} {"within 161 km",14} {"right country",15} {"mean km",9} {"median km",10}");
}

/// <summary>
/// Geocoding on the GeoWebNews development set (Gritta et al. 2020; <c>../shared/data/geo_dev_geowebnews/gwn.jsonl.gz</c>):
/// every gold toponym with coordinates (2,601 in 200 articles; the two whose offsets cannot be placed are left out).
/// End to end, Parley finds the places itself: a gold toponym is found when a place Parley outputs overlaps its span,
/// and a miss counts as wrong in "within 161 km". With gold spans, each gold span is given to the linker and geocoder
/// as a location mention in the article's own analysis (the other entities stay as context), so the figure measures
/// resolution alone. "Right country" compares the place's country with the country the gold point lies in (either the
/// territory or its sovereign state: Puerto Rico counts as PRI or USA), among the places found; a continent or region
/// (no country) is right when it is the gold feature or within 161 km of the gold point.
/// </summary>
public static class GeoWebNewsEvaluation
{
    public static List<GwnArticle> Read(string path)
    {
        var result = new List<GwnArticle>();
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        using var reader = new StreamReader(s);
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string text = root.GetProperty("text").GetString() ?? "";
            var toponyms = new List<GwnToponym>();
            var annotated = new List<(int, int)>();
            foreach (var t in root.GetProperty("toponyms").EnumerateArray())
            {
                if (t.GetProperty("start").ValueKind == JsonValueKind.Number && t.GetProperty("end").ValueKind == JsonValueKind.Number
                    && t.GetProperty("start").GetInt32() is >= 0 and var s0 && t.GetProperty("end").GetInt32() is var e0 && e0 > s0 && e0 <= text.Length)
                    annotated.Add((s0, e0));
                if (t.GetProperty("lat").ValueKind != JsonValueKind.Number || t.GetProperty("start").ValueKind != JsonValueKind.Number
                    || t.GetProperty("end").ValueKind != JsonValueKind.Number) continue;
                int start = t.GetProperty("start").GetInt32(), end = t.GetProperty("end").GetInt32();
                if (start < 0 || end > text.Length || start >= end) continue; // offset_unresolved
                long? id = t.GetProperty("geonameid").ValueKind == JsonValueKind.String
                    && long.TryParse(t.GetProperty("geonameid").GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long g) ? g : null;
                toponyms.Add(new GwnToponym(start, end, text[start..end], t.GetProperty("type").GetString() ?? "", id,
                    t.GetProperty("lat").GetDouble(), t.GetProperty("lon").GetDouble(),
                    OptionalString(t, "country_iso2_derived"), OptionalString(t, "country_iso2_derived_sovereign")));
            }
            string id0 = root.TryGetProperty("doc_id", out var d) ? d.ToString() : lineNo.ToString(CultureInfo.InvariantCulture);
            result.Add(new GwnArticle(id0, OptionalString(root, "url"), text, toponyms, annotated));
        }
        return result;
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A fresh document for an article, as the pipeline gets it (the text is not cleaned, so gold offsets hold).</summary>
    public static Document NewDocument(GwnArticle a) => new(a.Id, a.Text) { Url = a.Url };

    /// <summary>
    /// End to end: <paramref name="analyse"/> runs the pipeline up to linked entities on the article, then the geocoder
    /// (the pipeline's own when <paramref name="geocoder"/> is the default one); each gold toponym is matched to the output
    /// place that overlaps it most.
    /// </summary>
    public static GwnRun EndToEnd(KnowledgeBase kb, IEnumerable<GwnArticle> articles, Action<Document> analyse, Geocoder geocoder)
    {
        var outcomes = new List<GwnOutcome>();
        var unannotated = new List<(GwnArticle, PlaceMention)>();
        int places = 0;
        foreach (var a in articles)
        {
            var doc = NewDocument(a);
            analyse(doc);
            geocoder.Process(doc);
            foreach (var g in a.Toponyms) outcomes.Add(Outcome(kb, a, g, BestOverlap(doc.Places, g.Start, g.End)));
            places += doc.Places.Count;
            foreach (var p in doc.Places)
                if (!a.Annotated.Any(s => s.Start < p.End && p.Start < s.End)) unannotated.Add((a, p));
        }
        return new GwnRun(outcomes, places, unannotated);
    }

    /// <summary>
    /// Gold spans: <paramref name="analyse"/> runs the pipeline up to linked entities; the named mentions overlapping a
    /// gold span are replaced by the gold span as a location, then the linker and the geocoder run again.
    /// </summary>
    public static List<GwnOutcome> GoldSpans(KnowledgeBase kb, IEnumerable<GwnArticle> articles, Action<Document> analyse, Geocoder geocoder)
    {
        var linker = new EntityLinker(kb);
        var outcomes = new List<GwnOutcome>();
        foreach (var a in articles)
        {
            var doc = NewDocument(a);
            analyse(doc);
            doc.Entities.RemoveAll(e => MentionKinds.IsNamed(e) && a.Toponyms.Any(g => e.Start < g.End && g.Start < e.End));
            foreach (var g in a.Toponyms.DistinctBy(g => (g.Start, g.End)))
            {
                // Of nested gold spans ("Paris" inside "Paris, Texas") the outer one is given.
                if (a.Toponyms.Any(o => o.Start <= g.Start && g.End <= o.End && (o.End - o.Start) > (g.End - g.Start))) continue;
                doc.Entities.Add(new EntityMention { Start = g.Start, End = g.End, Text = g.Text, Type = "LOC", Via = "ner" });
            }
            doc.Entities.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
            linker.Process(doc);
            geocoder.Process(doc);
            foreach (var g in a.Toponyms) outcomes.Add(Outcome(kb, a, g, BestOverlap(doc.Places, g.Start, g.End)));
        }
        return outcomes;
    }

    public static GwnScores Score(IEnumerable<GwnOutcome> outcomes)
    {
        var s = new GwnScores();
        foreach (var o in outcomes) s.Add(o);
        return s;
    }

    private static GwnOutcome Outcome(KnowledgeBase kb, GwnArticle a, GwnToponym g, PlaceMention? p)
    {
        if (p?.Lat is not double lat || p.Lon is not double lon) return new GwnOutcome(a, g, null, double.NaN, false);
        double km = Distance.Km(lat, lon, g.Lat, g.Lon);
        string? iso2 = p.Country is null ? null : kb.CountryByIso3(p.Country)?.Iso2;
        // A continent or a region lies in no country (the gold's derived country is where its point happens to fall:
        // Africa's is in the Central African Republic); it is right when it is the gold feature or within 161 km of it.
        bool right = iso2 is not null ? iso2 == g.Iso2 || iso2 == g.Iso2Sovereign : p.GeonameId == g.GeonameId || km <= GeoEvaluation.NearKm;
        return new GwnOutcome(a, g, p, km, right);
    }

    private static PlaceMention? BestOverlap(List<PlaceMention> places, int start, int end)
    {
        PlaceMention? best = null;
        int bestOverlap = 0;
        foreach (var p in places)
        {
            int overlap = Math.Min(end, p.End) - Math.Max(start, p.Start);
            if (overlap > bestOverlap) { bestOverlap = overlap; best = p; }
        }
        return best;
    }

    /// <summary>One line per output place that overlaps no annotation.</summary>
    public static void WriteUnannotated(TextWriter w, GwnRun run)
    {
        foreach (var (a, p) in run.Unannotated)
            w.WriteLine(FormattableString.Invariant($"end to end\tnot annotated\t{p.Text}\t{p.Role}\tgot {p.GeonameId} {p.Name} {p.Country} {p.FeatureCode} {p.Role}\tdoc {a.Id} @{p.Start}\t{Context(a.Text, p.Start, p.End)}"));
    }

    /// <summary>One line per wrong or missed gold toponym, for looking at every miss.</summary>
    public static void WriteErrors(TextWriter w, string label, IEnumerable<GwnOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            var g = o.Gold;
            if (o.Place is null)
            {
                w.WriteLine(FormattableString.Invariant($"{label}\tmissed\t{g.Text}\t{g.Type}\tgold {g.GeonameId} {g.Iso2} {g.Lat:0.##},{g.Lon:0.##}\tdoc {o.Article.Id} @{g.Start}\t{Context(o.Article.Text, g.Start, g.End)}"));
                continue;
            }
            if (o.Km <= GeoEvaluation.NearKm && o.RightCountry) continue;
            var p = o.Place;
            w.WriteLine(FormattableString.Invariant(
                $"{label}\twrong\t{g.Text}\t{g.Type}\tgold {g.GeonameId} {g.Iso2} {g.Lat:0.##},{g.Lon:0.##}\tgot {p.GeonameId} {p.Name} {p.Country} {p.FeatureCode}{(p.Role == PlaceRole.ContainedIn ? " contained_in" : "")} {p.Lat:0.##},{p.Lon:0.##}\t{o.Km:0} km\tdoc {o.Article.Id} @{g.Start}\t{Context(o.Article.Text, g.Start, g.End)}"));
        }
    }

    private static string Context(string text, int start, int end)
    {
        int a = Math.Max(0, start - 40), b = Math.Min(text.Length, end + 40);
        return text[a..start].Replace('\n', ' ') + "[[" + text[start..end] + "]]" + text[end..b].Replace('\n', ' ');
    }
}
