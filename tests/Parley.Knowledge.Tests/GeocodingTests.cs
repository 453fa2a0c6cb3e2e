using Parley.Core;

namespace Parley.Knowledge.Tests;

[Collection("minikb")]
public class GeocodingTests(MiniKbFixture fx)
{
    private static PlaceMention Place(Document doc, string text) => doc.Places.First(p => p.Text == text);

    [Fact]
    public void ACountryNameIsTheCountryNeverATownOfThatName()
    {
        // The fixture has a town "Qatar" in the US with more people than the country's capital.
        var doc = fx.Process("Talks moved to Qatar after Washington agreed.", new DateOnly(2019, 12, 4));
        var qatar = Place(doc, "Qatar");
        Assert.Equal(("QAT", "PCLI", 289688L), (qatar.Country, qatar.FeatureCode, qatar.GeonameId));
        Assert.Equal(25.28545, qatar.Lat!.Value, 3); // the capital's point
    }

    [Fact]
    public void DemonymsAreNotPlaces()
    {
        var doc = fx.Process("Afghan and Qatari officials met.", new DateOnly(2019, 12, 4));
        Assert.Empty(doc.Places);
    }

    [Fact]
    public void TheArticlesCountriesChooseAmongNamesakes()
    {
        // A namesake "Kabul" in the US is more populous in the fixture; the article is about Afghanistan.
        var doc = fx.Process("Afghanistan's government met in Kabul on Monday.", new DateOnly(2019, 12, 4));
        var kabul = Place(doc, "Kabul");
        Assert.Equal((1138958L, "AFG", "PPLC"), (kabul.GeonameId, kabul.Country, kabul.FeatureCode));
    }

    [Fact]
    public void ContainmentPicksThePlaceInsideTheNamedRegion()
    {
        var doc = new Document("c", "He spoke in Springfield, Massachusetts and at Bagram Air Base.") { Published = new DateOnly(2019, 12, 4) };
        Text.SimpleTokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 12, End = 38, Text = "Springfield, Massachusetts", Type = "LOC", Via = "ner" });
        doc.Entities.Add(new EntityMention { Start = 46, End = 61, Text = "Bagram Air Base", Type = "LOC", Via = "ner" });
        doc.Done |= Layers.Entities;
        new Linking.EntityLinker(fx.Kb).Process(doc);
        new Geo.Geocoder(fx.Kb).Process(doc);
        Assert.Equal(9000004L, doc.Places.Single(p => p.Text.StartsWith("Springfield", StringComparison.Ordinal)).GeonameId);
        var bagram = doc.Places.Single(p => p.Text == "Bagram Air Base");
        Assert.Equal(("AFG", 7054036L), (bagram.Country, bagram.GeonameId));
        Assert.Equal("Parwan", bagram.Admin1);
    }

    [Fact]
    public void LinkedPlacesCarryTheirGeoNamesIdAndCountryActor()
    {
        var doc = fx.Process("The envoy arrived in Doha.", new DateOnly(2019, 12, 4));
        var e = doc.Entities.Single(x => x.Text == "Doha");
        Assert.Equal(("LOC", "geonames:290030", "QAT"), (e.Type, e.Kb, e.Actor));
    }
}
