using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// A town whose only link to a country is the geocoder's guess of a namesake far away is no actor (StrayPlaces): "Torbay"
/// in an article about British politics placed in Canada. Hand-built parses, fictional speaker.
/// </summary>
public sealed class StrayPlacesTests
{
    private static Document Visit(string featureCode, string? elsewhere = null)
    {
        var doc = AnnotatedConllu.Parse($"""
            # published = 2005-03-02
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 visited visit VERB 0 root _
            3 Torbay Torbay PROPN 2 obj Ent=B-LOC|Actor=CAN|Loc=B|Country=CAN
            4 {(elsewhere is null ? "today today NOUN 2 obl:tmod _" : "with with ADP 5 case _")}
            {(elsewhere is null ? "" : $"5 {elsewhere} {elsewhere} PROPN 2 obl Ent=B-LOC|Actor=CAN|Kb=country:CAN|Loc=B|Country=CAN")}
            """.Replace("\n\n", "\n", StringComparison.Ordinal));
        doc.Places[0].FeatureCode = featureCode;
        if (doc.Places.Count > 1) doc.Places[1].FeatureCode = "PCLI";
        TestData.Coder.Process(doc);
        return doc;
    }

    [Fact]
    public void A_town_of_a_country_the_article_never_names_is_no_actor() =>
        Assert.DoesNotContain(Visit("PPL").Events, e => e.Target?.Actor == "CAN");

    [Fact]
    public void A_capital_stays_its_country() =>
        Assert.Contains(Visit("PPLC").Events, e => e.Target?.Actor == "CAN");

    [Fact]
    public void A_town_of_a_country_the_article_names_stays_its_country() =>
        Assert.Contains(Visit("PPL", "Canada").Events, e => e.Target?.Actor == "CAN" && e.Target.Text == "Torbay");
    /// <summary>"Tremont said Torbay was ready" in an article that names Canada: a plain statement about a {featureCode} place.</summary>
    private static Document SaidPlaceWasReady(string featureCode)
    {
        var doc = AnnotatedConllu.Parse("""
            # published = 2005-03-02
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 said say VERB 0 root _
            3 Torbay Torbay PROPN 5 nsubj Ent=B-LOC|Actor=CAN|Loc=B|Country=CAN
            4 was be AUX 5 cop _
            5 ready ready ADJ 2 ccomp _
            6 in in ADP 7 case _
            7 Canada Canada PROPN 5 obl Ent=B-LOC|Actor=CAN|Kb=country:CAN|Loc=B|Country=CAN
            """);
        doc.Places[0].FeatureCode = featureCode;
        doc.Places[1].FeatureCode = "PCLI";
        TestData.Coder.Process(doc);
        return doc;
    }

    [Fact]
    public void A_plain_statement_is_not_about_a_town_it_names()
    {
        // "said the bus service between Srinagar and Muzaffarabad ..." (BBC politics, issue 11): the statement stays, untargeted.
        var town = Assert.Single(SaidPlaceWasReady("PPL").Events);
        Assert.Equal(("010", null), (town.Cameo, town.Target?.Actor));
        // A capital stands for its country, but a plain statement names its country in passing too (EventCoder.Statements).
        var capital = Assert.Single(SaidPlaceWasReady("PPLC").Events);
        Assert.Equal(("010", null), (capital.Cameo, capital.Target?.Actor));
    }
}
