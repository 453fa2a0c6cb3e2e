using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parley.Core;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Eval;

/// <summary>One hand-checked toponym: where it is in which article, and the place it means.</summary>
public sealed record GoldToponym(string DocId, int Start, int End, string Text, long GeonameId, double Lat, double Lon, string Country, string Note);

/// <summary>Scores of a geocoding evaluation.</summary>
public sealed record GeoScores(int Toponyms, int Resolved, int ExactId, int Within161Km, int RightCountry, int NonCountry, int NonCountryWithin161Km, int NonCountryRightCountry)
{
    public double Share(int n) => Toponyms == 0 ? 0 : (double)n / Toponyms;
    private double ShareOfNonCountry(int n) => NonCountry == 0 ? 0 : (double)n / NonCountry;
    public override string ToString() =>
        FormattableString.Invariant($"toponyms {Toponyms}; resolved {Share(Resolved):P1}; same GeoNames id {Share(ExactId):P1}; within 161 km {Share(Within161Km):P1}; right country {Share(RightCountry):P1}\n") +
        FormattableString.Invariant($"toponyms other than country names {NonCountry}; within 161 km {ShareOfNonCountry(NonCountryWithin161Km):P1}; right country {ShareOfNonCountry(NonCountryRightCountry):P1}");
}

/// <summary>
/// Toponym resolution on a hand-checked sample: the gold toponym spans are given to the geocoder as LOC mentions
/// (so this measures resolution, not recognition), with the other names the dictionary finds in the article as context.
/// Dev file: TSV <c>doc_id start end text geonameid lat lon iso3 note</c> (doc_id = the article's URL).
/// </summary>
public static class GeoEvaluation
{
    public static List<GoldToponym> ReadGold(string path)
    {
        var list = new List<GoldToponym>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 8) throw new InvalidDataException($"{path}: expected 9 tab-separated fields: {line}");
            list.Add(new GoldToponym(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), f[3],
                long.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture),
                f[7], f.Length > 8 ? f[8] : ""));
        }
        return list;
    }

    /// <summary>Articles of a JSONL(.gz) corpus by URL (or id): url -> (text, date).</summary>
    public static Dictionary<string, (string Text, DateOnly? Date)> ReadCorpus(string path)
    {
        var result = new Dictionary<string, (string, DateOnly?)>(StringComparer.Ordinal);
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        using var reader = new StreamReader(s);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string id = root.TryGetProperty("url", out var u) ? u.GetString()! : root.GetProperty("id").GetString()!;
            string text = root.GetProperty("text").GetString() ?? "";
            DateOnly? date = root.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var dd) ? dd : null;
            result[id] = (text, date);
        }
        return result;
    }

    public static GeoScores Evaluate(KnowledgeBase kb, IReadOnlyList<GoldToponym> gold, Dictionary<string, (string Text, DateOnly? Date)> corpus, TextWriter? errors = null)
    {
        var linker = new EntityLinker(kb);
        var geocoder = new Geocoder(kb);
        int n = 0, resolved = 0, exact = 0, near = 0, country = 0, other = 0, otherNear = 0, otherCountry = 0;
        var countryIds = new HashSet<long>();
        foreach (var c in kb.Countries) countryIds.Add(c.GeonameId);
        foreach (var group in gold.GroupBy(g => g.DocId))
        {
            if (!corpus.TryGetValue(group.Key, out var article)) throw new InvalidDataException($"article not in corpus: {group.Key}");
            var doc = new Document(group.Key, article.Text) { Published = article.Date };
            Tokenizer.Tokenize(doc);
            foreach (var g in group)
                doc.Entities.Add(new EntityMention { Start = g.Start, End = g.End, Text = article.Text[g.Start..g.End], Type = "LOC", Via = "ner" });
            doc.Done |= Layers.Entities;
            linker.Process(doc);
            geocoder.Process(doc);
            foreach (var g in group)
            {
                n++;
                bool isCountry = countryIds.Contains(g.GeonameId);
                if (!isCountry) other++;
                var p = doc.Places.FirstOrDefault(x => x.Start == g.Start && x.End == g.End);
                if (p?.Lat is null || p.Lon is null)
                {
                    errors?.WriteLine($"unresolved\t{g.Text}\t{g.GeonameId}\t{g.Country}\t{g.DocId}");
                    continue;
                }
                resolved++;
                if (p.GeonameId == g.GeonameId) exact++;
                double km = Distance.Km(p.Lat.Value, p.Lon.Value, g.Lat, g.Lon);
                if (km <= NearKm) { near++; if (!isCountry) otherNear++; }
                if (p.Country == g.Country) { country++; if (!isCountry) otherCountry++; }
                if (km > NearKm || p.Country != g.Country)
                    errors?.WriteLine(FormattableString.Invariant($"wrong\t{g.Text}\tgold {g.GeonameId} {g.Country}\tgot {p.GeonameId} {p.Name} {p.Country} {p.FeatureCode}\t{km:0} km"));
            }
        }
        return new GeoScores(n, resolved, exact, near, country, other, otherNear, otherCountry);
    }

    /// <summary>
    /// Drafts a dev file for hand-checking: every place the dictionary finds in the first <paramref name="articles"/> articles,
    /// with the geocoder's choice. A person must then check every line and correct it (the draft is not gold).
    /// </summary>
    public static void Draft(KnowledgeBase kb, string corpusPath, int articles, TextWriter output)
    {
        var linker = new EntityLinker(kb);
        var geocoder = new Geocoder(kb);
        int k = 0;
        foreach (var (id, (text, date)) in ReadCorpus(corpusPath))
        {
            if (k++ >= articles) break;
            var doc = new Document(id, text) { Published = date };
            Tokenizer.Tokenize(doc);
            linker.Process(doc);
            geocoder.Process(doc);
            foreach (var p in doc.Places)
                output.WriteLine(FormattableString.Invariant($"{id}\t{p.Start}\t{p.End}\t{p.Text}\t{p.GeonameId}\t{p.Lat:0.####}\t{p.Lon:0.####}\t{p.Country}\t{p.Name} {p.FeatureCode} {p.Admin1}"));
        }
    }

    /// <summary>The usual geocoding tolerance: 161 km (100 miles).</summary>
    public const double NearKm = 161;
}
