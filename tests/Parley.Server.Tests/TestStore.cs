using Parley.Core;
using Parley.Engine;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>A temporary SQLite store holding a few hand-built, annotated documents (deleted on dispose).</summary>
internal sealed class TestStore : IDisposable
{
    public const string SeedId = "seed-taliban";
    public const string HostileId = "hostile-1";
    public const string OtherId = "other-protest";
    public const string HostileMarkup = "<script>window.__pwned = 1</script>";
    public const string HostileTitle = "<img src=x onerror=\"window.__pwned=1\"> Hostile title";

    public TestStore()
    {
        Dir = Path.Combine(Path.GetTempPath(), "parley-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        Store = StoreFactory.Open(Path.Combine(Dir, "test.db"), null);
        Store.SaveBatch([Seed(), Hostile(), Other()]);
        Store.SaveStories([new StoryRecord("story-1", "US-Taliban talks", new DateOnly(2019, 12, 4), new DateOnly(2019, 12, 5), [SeedId])]);
    }

    public string Dir { get; }
    public IParleyStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Like the seed article: a US envoy meets the Taliban in Doha; a later clash in Kabul.</summary>
    public static Document Seed()
    {
        const string s0 = "US envoy Zalmay Khalilzad met the Taliban in Doha on Wednesday.";
        const string s1 = "Taliban fighters attacked government forces near Kabul on Thursday.";
        const string s2 = "\"We want peace,\" Khalilzad said.";
        string text = s0 + " " + s1 + " " + s2;
        var doc = new Document(SeedId, text)
        {
            Title = "US may resume talks with Taliban next week", Published = new DateOnly(2019, 12, 5),
            Source = "test-wire", Url = "https://example.org/seed", Done = Layers.All,
        };
        int b1 = s0.Length + 1, b2 = b1 + s1.Length + 1;
        doc.AddSentence(new SentenceData(0, s0.Length));
        doc.AddSentence(new SentenceData(b1, b1 + s1.Length));
        doc.AddSentence(new SentenceData(b2, b2 + s2.Length));
        Entity(doc, "Zalmay Khalilzad", "PER", "USAGOV", "Zalmay Khalilzad");
        Entity(doc, "Taliban", "ORG", "AFGREB", "Taliban");
        int doha = text.IndexOf("Doha", StringComparison.Ordinal), kabul = text.IndexOf("Kabul", StringComparison.Ordinal);
        doc.Places.Add(new PlaceMention { Start = doha, End = doha + 4, Text = "Doha", Name = "Doha", Country = "QAT", Lat = 25.28545, Lon = 51.53096, GeonameId = 290030 });
        doc.Places.Add(new PlaceMention { Start = kabul, End = kabul + 5, Text = "Kabul", Name = "Kabul", Country = "AFG", Lat = 34.52813, Lon = 69.17233, GeonameId = 1138958 });
        int wed = text.IndexOf("Wednesday", StringComparison.Ordinal);
        doc.Dates.Add(new DateMention { Start = wed, End = wed + 9, Text = "Wednesday", Value = "2019-12-04", Grain = "day" });
        doc.Quotes.Add(new QuoteMention { Start = b2 + 1, End = b2 + 14, Text = "We want peace", Direct = true, Speaker = "Khalilzad", SpeakerName = "Zalmay Khalilzad", SpeakerActor = "USAGOV" });
        doc.Events.Add(Event(0, 0, s0.Length, "Khalilzad", "USAGOV", "USA", "the Taliban", "AFGREB", "AFG", "036", 1, 4.0, "2019-12-04",
            new EventPlace { Name = "Doha", Country = "QAT", Lat = 25.28545, Lon = 51.53096, GeonameId = 290030 }));
        doc.Events.Add(Event(1, b1, b1 + s1.Length, "Taliban fighters", "AFGREB", "AFG", "government forces", "AFGMIL", "AFG", "190", 4, -10.0, "2019-12-05",
            new EventPlace { Name = "Kabul", Country = "AFG", Lat = 34.52813, Lon = 69.17233, GeonameId = 1138958 }));
        return doc;
    }

    /// <summary>An article whose text, title, entities and events carry markup that must stay text everywhere.</summary>
    public static Document Hostile()
    {
        string s0 = "Officials said " + HostileMarkup + " was found on the site of the Taliban office.";
        const string s1 = "Police <img src=x onerror=\"window.__pwned=1\"> arrested protesters in Kabul.";
        string text = s0 + " " + s1;
        var doc = new Document(HostileId, text)
        {
            Title = HostileTitle, Published = new DateOnly(2019, 12, 6), Source = "<b>bold source</b>", Done = Layers.All,
        };
        int b1 = s0.Length + 1;
        doc.AddSentence(new SentenceData(0, s0.Length));
        doc.AddSentence(new SentenceData(b1, b1 + s1.Length));
        int m = text.IndexOf(HostileMarkup, StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = m, End = m + HostileMarkup.Length, Text = HostileMarkup, Type = "MISC", Name = "<i>name</i>" });
        Entity(doc, "Taliban", "ORG", "AFGREB", "Taliban");
        doc.Events.Add(Event(1, b1, b1 + s1.Length, "Police <img src=x onerror=\"window.__pwned=1\">", "AFGCOP", "AFG", "protesters", "AFGOPP", "AFG", "173", 4, -5.0, "2019-12-06", null));
        return doc;
    }

    /// <summary>A protest in another country and month, for filters that must leave it out.</summary>
    public static Document Other()
    {
        const string text = "Protesters demanded the resignation of the president in Paris.";
        var doc = new Document(OtherId, text) { Title = "Protest in Paris", Published = new DateOnly(2020, 1, 10), Source = "test-wire", Done = Layers.All };
        doc.AddSentence(new SentenceData(0, text.Length));
        doc.Events.Add(Event(0, 0, text.Length, "Protesters", "FRAOPP", "FRA", "the president", "FRAGOV", "FRA", "1411", 3, -6.5, "2020-01-10",
            new EventPlace { Name = "Paris", Country = "FRA", Lat = 48.85341, Lon = 2.3488, GeonameId = 2988507 }));
        return doc;
    }

    private static void Entity(Document doc, string mention, string type, string? actor, string? name)
    {
        int at = doc.Text.IndexOf(mention, StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = at, End = at + mention.Length, Text = mention, Type = type, Actor = actor, Name = name });
    }

    private static EventRecord Event(int sentence, int start, int end, string source, string sourceActor, string sourceCountry,
        string target, string targetActor, string targetCountry, string cameo, int quad, double goldstein, string date, EventPlace? place) => new()
    {
        Sentence = sentence,
        Source = new EventActor { Text = source, Actor = sourceActor, Country = sourceCountry },
        Target = new EventActor { Text = target, Actor = targetActor, Country = targetCountry },
        Cameo = cameo, Plover = quad >= 3 ? "ASSAULT" : "CONSULT", QuadClass = quad, Goldstein = goldstein, Date = date, Place = place,
        EvidenceStart = start, EvidenceEnd = end, Rule = "test:" + cameo, TriggerStart = start, TriggerEnd = start + 1,
    };
}
