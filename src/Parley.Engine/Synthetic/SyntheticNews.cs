using System.Globalization;
using System.Text;
using Parley.Core;
using Parley.Core.Text;
using Parley.Storage;

namespace Parley.Engine.Synthetic;

/// <summary>
/// Generated, already-coded news for benchmarks and for tests of the API and the dashboard at scale: deterministic
/// (a seed), with named actors, CAMEO codes with their Goldstein scores and quad classes, geocoded places, bursts of
/// activity over time, a share of events dated only to a month or a year, and stories. Articles are made of template
/// sentences ("Russian forces shelled Ukrainian forces near Kharkiv."), clearly not real reporting; ids start with
/// "synthetic-". Nothing here is run by the program on real input.
/// </summary>
public static class SyntheticNews
{
    private sealed record Actor(string Code, string Country, string Text, string Name);

    private sealed record Place(string Name, string Country, double Lat, double Lon, long GeonameId);

    /// <summary>A recurring interaction: who acts on whom, with which codes, where, how often, and when it peaks.</summary>
    private sealed record Scenario(string Topic, string[] Sources, string[] Targets, string[] Cameos, string[] Places, double Weight, int PeakDay, int Spread);

    private static readonly Dictionary<string, Actor> Actors = new Actor[]
    {
        new("USAGOV", "USA", "Washington", "United States"), new("USAGOV", "USA", "Secretary Blinken", "Antony Blinken"),
        new("RUSGOV", "RUS", "the Kremlin", "Russia"), new("RUSMIL", "RUS", "Russian forces", "Russian Armed Forces"),
        new("UKRGOV", "UKR", "Kyiv", "Ukraine"), new("UKRMIL", "UKR", "Ukrainian forces", "Armed Forces of Ukraine"),
        new("CHNGOV", "CHN", "Beijing", "China"), new("TWNGOV", "TWN", "Taipei", "Taiwan"), new("CHNMIL", "CHN", "Chinese warships", "People's Liberation Army"),
        new("ISRMIL", "ISR", "Israeli troops", "Israel Defense Forces"), new("ISRGOV", "ISR", "the Israeli cabinet", "Israel"),
        new("PSEREBHMS", "PSE", "Hamas fighters", "Hamas"), new("EGYGOV", "EGY", "Cairo", "Egypt"), new("QATGOV", "QAT", "Qatari mediators", "Qatar"),
        new("SDNMIL", "SDN", "the Sudanese army", "Sudanese Armed Forces"), new("SDNREB", "SDN", "RSF fighters", "Rapid Support Forces"),
        new("IGOUNO", "", "the United Nations", "United Nations"), new("IGOUNOHLHWHO", "", "the WHO", "World Health Organization"),
        new("IGOWSTNAT", "", "NATO", "NATO"), new("IGOEUREEC", "", "the European Union", "European Union"),
        new("FRAGOV", "FRA", "the French government", "France"), new("FRAOPP", "FRA", "demonstrators", "French opposition"),
        new("DEUGOV", "DEU", "Berlin", "Germany"), new("GBRGOV", "GBR", "London", "United Kingdom"), new("TURGOV", "TUR", "Ankara", "Turkey"),
        new("IRNGOV", "IRN", "Tehran", "Iran"), new("INDGOV", "IND", "New Delhi", "India"), new("PAKGOV", "PAK", "Islamabad", "Pakistan"),
        new("VENGOV", "VEN", "Caracas", "Venezuela"), new("VENOPP", "VEN", "opposition leaders", "Venezuelan opposition"),
        new("BRAGOV", "BRA", "Brasilia", "Brazil"), new("NGAMIL", "NGA", "Nigerian soldiers", "Nigerian Army"), new("NGAREB", "NGA", "insurgents", "Boko Haram"),
    }.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First());

    private static readonly Dictionary<string, Place> Places = new Place[]
    {
        new("Washington", "USA", 38.89511, -77.03637, 4140963), new("Moscow", "RUS", 55.75222, 37.61556, 524901),
        new("Kyiv", "UKR", 50.45466, 30.5238, 703448), new("Kharkiv", "UKR", 49.98081, 36.25272, 706483), new("Odesa", "UKR", 46.47747, 30.73262, 698740),
        new("Beijing", "CHN", 39.9075, 116.39723, 1816670), new("Taipei", "TWN", 25.04776, 121.53185, 1668341),
        new("Gaza", "PSE", 31.50161, 34.46672, 281133), new("Jerusalem", "ISR", 31.76904, 35.21633, 281184), new("Cairo", "EGY", 30.06263, 31.24967, 360630),
        new("Doha", "QAT", 25.28545, 51.53096, 290030), new("Khartoum", "SDN", 15.55177, 32.53241, 379252), new("El Fasher", "SDN", 13.62793, 25.34936, 371385),
        new("Geneva", "CHE", 46.20222, 6.14569, 2660646), new("New York", "USA", 40.71427, -74.00597, 5128581), new("Brussels", "BEL", 50.85045, 4.34878, 2800866),
        new("Paris", "FRA", 48.85341, 2.3488, 2988507), new("Berlin", "DEU", 52.52437, 13.41053, 2950159), new("London", "GBR", 51.50853, -0.12574, 2643743),
        new("Ankara", "TUR", 39.91987, 32.85427, 323786), new("Tehran", "IRN", 35.69439, 51.42151, 112931), new("New Delhi", "IND", 28.63576, 77.22445, 1261481),
        new("Islamabad", "PAK", 33.72148, 73.04329, 1176615), new("Caracas", "VEN", 10.48801, -66.87919, 3646738), new("Brasilia", "BRA", -15.77972, -47.92972, 3469058),
        new("Maiduguri", "NGA", 11.84644, 13.15712, 2331447),
    }.ToDictionary(p => p.Name);

    private static readonly Scenario[] Scenarios =
    [
        new("war in Ukraine", ["RUSMIL"], ["UKRMIL"], ["190", "193", "195", "183", "1823", "173"], ["Kharkiv", "Odesa", "Kyiv"], 9, 120, 200),
        new("war in Ukraine", ["UKRMIL"], ["RUSMIL"], ["190", "193", "195"], ["Kharkiv"], 5, 180, 200),
        new("support for Ukraine", ["USAGOV", "DEUGOV", "GBRGOV", "IGOEUREEC"], ["UKRGOV"], ["070", "071", "0331", "057", "042"], ["Kyiv", "Washington", "Brussels"], 5, 200, 220),
        new("sanctions on Russia", ["IGOEUREEC", "USAGOV", "GBRGOV"], ["RUSGOV"], ["163", "111", "112", "1246"], ["Brussels", "Washington", "London"], 4, 150, 150),
        new("Russia warns the West", ["RUSGOV"], ["IGOWSTNAT", "USAGOV"], ["130", "138", "112", "125"], ["Moscow"], 3, 240, 180),
        new("Gaza war", ["ISRMIL"], ["PSEREBHMS"], ["190", "195", "183", "1724"], ["Gaza"], 8, 420, 90),
        new("Gaza war", ["PSEREBHMS"], ["ISRMIL"], ["190", "183", "180"], ["Gaza", "Jerusalem"], 4, 410, 90),
        new("Gaza ceasefire talks", ["QATGOV", "EGYGOV", "USAGOV"], ["ISRGOV", "PSEREBHMS"], ["036", "040", "0874", "043", "046"], ["Doha", "Cairo"], 5, 470, 80),
        new("humanitarian appeals", ["IGOUNO", "IGOUNOHLHWHO"], ["ISRGOV", "SDNMIL", "SDNREB"], ["0233", "020", "1052", "111"], ["Geneva", "New York"], 4, 500, 200),
        new("war in Sudan", ["SDNMIL"], ["SDNREB"], ["190", "195", "183"], ["Khartoum", "El Fasher"], 4, 330, 160),
        new("war in Sudan", ["SDNREB"], ["SDNMIL"], ["190", "180", "181"], ["El Fasher", "Khartoum"], 3, 350, 160),
        new("Taiwan strait", ["CHNMIL"], ["TWNGOV"], ["150", "152", "138"], ["Taipei"], 3, 600, 120),
        new("US-China diplomacy", ["USAGOV"], ["CHNGOV"], ["036", "040", "042", "112", "1056", "043"], ["Beijing", "Washington"], 4, 560, 250),
        new("US-China diplomacy", ["CHNGOV"], ["USAGOV"], ["036", "111", "112", "040"], ["Beijing"], 3, 580, 250),
        new("pension protests", ["FRAOPP"], ["FRAGOV"], ["141", "1411", "143", "145"], ["Paris"], 3, 90, 40),
        new("pension protests", ["FRAGOV"], ["FRAOPP"], ["173", "175", "0831"], ["Paris"], 1.5, 95, 40),
        new("Iran nuclear talks", ["IGOEUREEC", "FRAGOV", "DEUGOV"], ["IRNGOV"], ["036", "040", "0311", "111"], ["Geneva", "Tehran"], 2, 640, 150),
        new("Iran nuclear talks", ["IRNGOV"], ["IGOEUREEC", "USAGOV"], ["125", "130", "040"], ["Tehran"], 1.5, 650, 150),
        new("Kashmir tensions", ["INDGOV", "PAKGOV"], ["PAKGOV", "INDGOV"], ["111", "130", "190", "036"], ["New Delhi", "Islamabad"], 2, 690, 60),
        new("Venezuela crisis", ["VENGOV"], ["VENOPP"], ["173", "1121", "111"], ["Caracas"], 2, 300, 300),
        new("Venezuela crisis", ["BRAGOV", "USAGOV"], ["VENGOV"], ["020", "1212", "163", "036"], ["Brasilia", "Caracas"], 1.5, 320, 300),
        new("insurgency in Nigeria", ["NGAMIL"], ["NGAREB"], ["190", "193"], ["Maiduguri"], 2, 200, 300),
        new("insurgency in Nigeria", ["NGAREB"], ["NGAMIL"], ["180", "181", "190"], ["Maiduguri"], 2, 260, 300),
        new("Turkish mediation", ["TURGOV"], ["RUSGOV", "UKRGOV"], ["036", "040", "057", "0874"], ["Ankara"], 1.5, 260, 200),
    ];

    /// <summary>What each CAMEO code of the scenarios is, for sentences and titles: verb, headline verb, quad class, Goldstein.</summary>
    private static readonly Dictionary<string, (string Verb, string Headline, int Quad, double Goldstein)> Codes = new()
    {
        ["020"] = ("appealed to", "appeals to", 1, 3.0), ["0233"] = ("called for humanitarian aid from", "seeks aid from", 1, 3.4),
        ["0311"] = ("pledged economic cooperation with", "pledges cooperation with", 1, 5.2), ["0331"] = ("promised military aid to", "pledges arms to", 1, 5.2),
        ["036"] = ("met", "meets", 1, 4.0), ["040"] = ("held talks with", "holds talks with", 1, 1.0), ["042"] = ("made a visit to", "visits", 1, 1.9),
        ["043"] = ("hosted", "hosts", 1, 2.8), ["046"] = ("negotiated with", "negotiates with", 1, 7.0), ["057"] = ("signed an agreement with", "signs deal with", 1, 8.0),
        ["070"] = ("sent aid to", "sends aid to", 2, 7.0), ["071"] = ("gave economic aid to", "gives aid to", 2, 7.4),
        ["0831"] = ("made concessions to", "concedes to", 2, 5.0), ["0874"] = ("brokered a truce with", "brokers truce with", 2, 10.0),
        ["1052"] = ("urged restraint from", "urges restraint from", 3, -5.0), ["1056"] = ("demanded de-escalation from", "demands de-escalation from", 3, -5.0),
        ["111"] = ("criticised", "criticises", 3, -2.0), ["112"] = ("accused", "accuses", 3, -2.0), ["1121"] = ("accused of crimes", "accuses", 3, -2.0),
        ["1212"] = ("rejected a proposal from", "rejects proposal of", 3, -4.0), ["1246"] = ("refused to ease sanctions on", "keeps sanctions on", 3, -5.0),
        ["125"] = ("rejected demands from", "rejects demands of", 3, -5.0), ["130"] = ("threatened", "threatens", 3, -4.4), ["138"] = ("threatened military action against", "threatens", 3, -7.0),
        ["141"] = ("demonstrated against", "protest against", 3, -6.5), ["1411"] = ("rallied against", "rally against", 3, -6.5),
        ["143"] = ("went on strike against", "strike against", 3, -6.5), ["145"] = ("rioted against", "riot against", 3, -7.5),
        ["150"] = ("staged drills near", "stages drills near", 4, -7.2), ["152"] = ("raised military alert against", "raises alert against", 4, -7.2),
        ["163"] = ("imposed sanctions on", "sanctions", 4, -8.0), ["173"] = ("arrested members of", "arrests", 4, -5.0), ["1724"] = ("restricted aid into", "restricts aid to", 4, -9.5),
        ["175"] = ("used tear gas on", "tear-gases", 4, -9.0), ["180"] = ("attacked", "attacks", 4, -9.0), ["181"] = ("kidnapped members of", "abducts", 4, -9.0),
        ["183"] = ("carried out a bombing against", "bombs", 4, -10.0), ["1823"] = ("killed civilians near", "kills near", 4, -10.0),
        ["190"] = ("clashed with", "clashes with", 4, -10.0), ["193"] = ("fought", "fights", 4, -10.0), ["195"] = ("launched air strikes on", "strikes", 4, -10.0),
    };

    /// <summary>Documents holding about <paramref name="events"/> events in all, from <paramref name="start"/> over <paramref name="days"/> days.</summary>
    public static IEnumerable<Document> Generate(int events, int seed = 42, DateOnly? start = null, int days = 730)
    {
        var rng = new Random(seed);
        var first = start ?? new DateOnly(2022, 1, 1);
        double totalWeight = Scenarios.Sum(s => s.Weight);
        int made = 0, d = 0;
        var inv = CultureInfo.InvariantCulture;
        while (made < events)
        {
            var scenario = Pick(rng, totalWeight);
            int offset;
            do offset = (int)Math.Round(scenario.PeakDay + Normal(rng) * scenario.Spread / 2.5);
            while (offset < 0 || offset >= days);
            var published = first.AddDays(offset);
            int count = Math.Min(events - made, 2 + rng.Next(6));
            var doc = new Document($"synthetic-{d:D6}", "") { Published = published, Source = "Synthetic Wire", Done = Layers.All };
            doc.Url = $"https://news.example.org/{published:yyyy/MM/dd}/{d:D6}";
            var text = new StringBuilder(1200);
            string? title = null;
            for (int s = 0; s < count; s++)
            {
                var src = Actors[scenario.Sources[rng.Next(scenario.Sources.Length)]];
                var tgt = Actors[scenario.Targets[rng.Next(scenario.Targets.Length)]];
                if (tgt.Code == src.Code) tgt = Actors[scenario.Targets[(Array.IndexOf(scenario.Targets, tgt.Code) + 1) % scenario.Targets.Length]];
                if (tgt.Code == src.Code) continue;
                string cameo = scenario.Cameos[rng.Next(scenario.Cameos.Length)];
                var code = Codes[cameo];
                var place = Places[scenario.Places[rng.Next(scenario.Places.Length)]];
                // Most events happened on the day of the report or the day before; some are dated only to their month or year.
                int roll = rng.Next(100);
                string date = roll < 6 ? published.AddMonths(-1).ToString("yyyy-MM", inv)
                    : roll < 8 ? published.AddYears(-1).Year.ToString(inv)
                    : roll < 12 ? DateValue.FormatDay(published.AddDays(-7 - rng.Next(20)))
                    : DateValue.FormatDay(published.AddDays(-rng.Next(2)));
                string when = roll < 6 ? "last month" : roll < 8 ? "last year" : roll < 12 ? "earlier" : rng.Next(2) == 0 ? "on " + published.AddDays(-1).DayOfWeek : "on " + published.DayOfWeek;
                int begin = text.Length;
                string srcText = TextChars.Capitalised(src.Text);
                text.Append(srcText).Append(' ').Append(code.Verb).Append(' ');
                int tgtAt = text.Length;
                text.Append(tgt.Text).Append(" in ").Append(place.Name).Append(' ').Append(when).Append(", according to officials.");
                int end = text.Length;
                text.Append(' ');
                doc.AddSentence(new SentenceData(begin, end));
                doc.Entities.Add(new EntityMention { Start = begin, End = begin + src.Text.Length, Text = srcText, Type = "ORG", Name = src.Name, Actor = src.Code });
                doc.Entities.Add(new EntityMention { Start = tgtAt, End = tgtAt + tgt.Text.Length, Text = tgt.Text, Type = "ORG", Name = tgt.Name, Actor = tgt.Code });
                int placeAt = tgtAt + tgt.Text.Length + 4;
                doc.Places.Add(new PlaceMention { Start = placeAt, End = placeAt + place.Name.Length, Text = place.Name, Name = place.Name, Country = place.Country, Lat = place.Lat, Lon = place.Lon, GeonameId = place.GeonameId, FeatureCode = "PPLC" });
                doc.Events.Add(new EventRecord
                {
                    Sentence = doc.SentenceCount - 1,
                    Source = new EventActor { Text = srcText, Actor = src.Code, Country = src.Country.Length == 0 ? null : src.Country, Name = src.Name, Start = begin, End = begin + src.Text.Length },
                    Target = new EventActor { Text = tgt.Text, Actor = tgt.Code, Country = tgt.Country.Length == 0 ? null : tgt.Country, Name = tgt.Name, Start = tgtAt, End = tgtAt + tgt.Text.Length },
                    Cameo = cameo, Plover = null, QuadClass = code.Quad, Goldstein = code.Goldstein, Date = date,
                    Place = new EventPlace { Name = place.Name, Country = place.Country, Lat = place.Lat, Lon = place.Lon, GeonameId = place.GeonameId },
                    EvidenceStart = begin, EvidenceEnd = end, Rule = "synthetic:" + cameo, Confidence = 0.5 + rng.Next(50) / 100.0,
                    TriggerStart = begin + srcText.Length + 1, TriggerEnd = begin + srcText.Length + 1 + code.Verb.Length,
                });
                title ??= $"{src.Name} {code.Headline} {tgt.Name} in {place.Name}";
            }
            if (doc.Events.Count == 0) continue;
            doc.Text = text.ToString().TrimEnd();
            doc.Title = title + " (" + scenario.Topic + ")";
            made += doc.Events.Count;
            d++;
            yield return doc;
        }
    }

    /// <summary>
    /// Fills a store with <see cref="Generate"/>'s documents in batches, then groups them into stories (with the
    /// program's own story builder); returns the number of documents.
    /// </summary>
    public static int Fill(IParleyStore store, int events, int seed = 42, bool stories = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        var batch = new List<Document>(500);
        int documents = 0;
        foreach (var doc in Generate(events, seed))
        {
            batch.Add(doc);
            documents++;
            if (batch.Count == batch.Capacity) { store.SaveBatch(batch); batch.Clear(); }
        }
        if (batch.Count > 0) store.SaveBatch(batch);
        if (stories) StoryUpdater.Update(store);
        return documents;
    }

    private static Scenario Pick(Random rng, double totalWeight)
    {
        double x = rng.NextDouble() * totalWeight;
        foreach (var s in Scenarios)
        {
            x -= s.Weight;
            if (x <= 0) return s;
        }
        return Scenarios[^1];
    }

    /// <summary>A standard normal deviate (Box-Muller).</summary>
    private static double Normal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
