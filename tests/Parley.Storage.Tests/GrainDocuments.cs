using Parley.Core;

namespace Parley.Storage.Tests;

/// <summary>
/// One-sentence documents with dated events, for the date-grain tests: the contract's (<see cref="EventGrainContract"/>)
/// and each store's own (schema upgrades, added columns).
/// </summary>
public static class GrainDocuments
{
    /// <summary>An event of <paramref name="cameo"/> (quad class from its root) dated <paramref name="date"/> (any grain).</summary>
    public static EventRecord Event(string cameo, string? date, string src = "USAGOV", string? tgt = "AFGREB", double goldstein = 1) => new()
    {
        Sentence = 0,
        Source = new EventActor { Text = src, Actor = src, Country = src[..3], Name = src + " name" },
        Target = tgt is null ? null : new EventActor { Text = tgt, Actor = tgt, Country = tgt[..3] },
        Cameo = cameo, QuadClass = CameoQuad(cameo), Goldstein = goldstein, Date = date, Rule = "test",
    };

    private static int CameoQuad(string cameo) => int.Parse(cameo[..2], System.Globalization.CultureInfo.InvariantCulture) switch
    {
        <= 5 => 1, <= 9 => 2, <= 14 => 3, _ => 4,
    };

    /// <summary>A document of one sentence carrying <paramref name="events"/>.</summary>
    public static Document Doc(string id, DateOnly? published, params EventRecord[] events)
    {
        const string text = "One sentence about it.";
        var doc = new Document(id, text + " " + id) { Title = "Title " + id, Published = published, Url = "https://example.org/" + id };
        doc.AddSentence(new SentenceData(0, text.Length));
        doc.Events.AddRange(events);
        return doc;
    }
}
