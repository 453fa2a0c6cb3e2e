using Parley.Core;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Linking;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

/// <summary>
/// The geocoder on the mini gazetteer (Fixtures/mini-shared): each kind of place, each context rule, and the non-places.
/// Locations are given as NER would mark them (<see cref="Locations"/>), so each test controls what is a mention.
/// </summary>
[Collection("minikb")]
public class GeocodingTests(MiniKbFixture fx)
{
    private static PlaceMention Place(Document doc, string text) => doc.Places.First(p => p.Text == text);

    /// <summary>Tokenizes <paramref name="text"/>, marks the given phrases as NER locations (in order of appearance), links and geocodes.</summary>
    private Document Locations(string text, params string[] phrases) => Entities(text, null, phrases.Select(p => (p, "LOC")).ToArray());

    private Document Entities(string text, string? url, params (string Phrase, string Type)[] entities) => Entities(text, url, false, entities);

    /// <summary>As <see cref="Locations"/>, with the locations given as places the caller vouches for (gold spans).</summary>
    private Document GivenLocations(string text, params string[] phrases) => Entities(text, null, true, phrases.Select(p => (p, "LOC")).ToArray());

    private Document Entities(string text, string? url, bool given, params (string Phrase, string Type)[] entities)
    {
        var doc = new Document("g", text) { Published = new DateOnly(2019, 12, 4), Url = url };
        Tokenizer.Tokenize(doc);
        int from = 0;
        foreach (var (phrase, type) in entities)
        {
            int at = text.IndexOf(phrase, from, StringComparison.Ordinal);
            Assert.True(at >= 0, phrase);
            doc.Entities.Add(new EntityMention { Start = at, End = at + phrase.Length, Text = phrase, Type = type, Via = "ner" });
            from = at + phrase.Length;
        }
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        new Geocoder(fx.Kb) { GivenLocations = given }.Process(doc);
        return doc;
    }

    // ---- each kind of place ----

    [Fact]
    public void ACountryIsTheCountryAtItsOwnPointNeverItsCapitalOrATownOfItsName()
    {
        // The fixture has a town "Qatar" in the US with more people than the country's capital.
        var doc = fx.Process("Talks moved to Qatar after Washington agreed.", new DateOnly(2019, 12, 4));
        var qatar = Place(doc, "Qatar");
        Assert.Equal(("QAT", "PCLI", PlaceFeature.Country, 289688L), (qatar.Country, qatar.FeatureCode, qatar.Feature, qatar.GeonameId));
        Assert.Equal((25.5, 51.25), (qatar.Lat!.Value, qatar.Lon!.Value)); // GeoNames' point for Qatar, not Doha's
        Assert.Null(qatar.Admin1);
    }

    [Fact]
    public void AFirstLevelDivisionIsTheDivisionAtItsOwnPoint()
    {
        var doc = Locations("Flooding hit Louisiana and Texas.", "Louisiana", "Texas");
        var louisiana = Place(doc, "Louisiana");
        Assert.Equal((PlaceFeature.Admin1, "USA", "LA", 4331987L), (louisiana.Feature, louisiana.Country, louisiana.Admin1, louisiana.GeonameId));
        Assert.Equal((30.5274, -91.9991), (louisiana.Lat!.Value, louisiana.Lon!.Value));
        Assert.Equal(PlaceFeature.Admin1, Place(doc, "Texas").Feature);
    }

    [Fact]
    public void AStateNameIsTheStateNotASmallTownOfThatNameElsewhere()
    {
        // Florida, New York (2,833 people) lies in a state the article names; "Florida" is still the state.
        var doc = Locations("He left Brooklyn, New York, for Florida.", "Brooklyn", "New York", "Florida");
        Assert.Equal((PlaceFeature.Admin1, "FL"), (Place(doc, "Florida").Feature, Place(doc, "Florida").Admin1));
    }

    [Fact]
    public void ACityNamedLikeItsDivisionIsTheCity()
    {
        var doc = Locations("The mayor of New York spoke.", "New York");
        var ny = Place(doc, "New York");
        Assert.Equal((PlaceFeature.City, 5128581L, "NY"), (ny.Feature, ny.GeonameId, ny.Admin1));
    }

    [Fact]
    public void ASecondLevelDivisionIsTheCountyOrParish()
    {
        var doc = Locations("Deputies in Rapides Parish and Orange County searched.", "Rapides Parish", "Orange County");
        var rapides = Place(doc, "Rapides Parish");
        Assert.Equal((PlaceFeature.Admin2, "ADM2", "USA", "LA", 4338000L), (rapides.Feature, rapides.FeatureCode, rapides.Country, rapides.Admin1, rapides.GeonameId));
        Assert.Equal(PlaceFeature.Admin2, Place(doc, "Orange County").Feature);
    }

    [Fact]
    public void ACityCarriesItsIdCountryDivisionAndPoint()
    {
        var doc = Locations("A bomb exploded in Kabul.", "Kabul");
        var kabul = Place(doc, "Kabul");
        Assert.Equal((1138958L, "AFG", "13", "PPLC", PlaceFeature.City), (kabul.GeonameId, kabul.Country, kabul.Admin1, kabul.FeatureCode, kabul.Feature));
        Assert.Equal((34.52813, 69.17233), (kabul.Lat!.Value, kabul.Lon!.Value));
        Assert.Equal(PlaceRole.Place, kabul.Role);
    }

    [Fact]
    public void AContinentOrRegionIsPlacedAtItsOwnPointNotATownThatHasItsName()
    {
        // Mahdia, Tunisia has "Africa" among its alternate names.
        var doc = Locations("Aid for Africa and the Middle East grew.", "Africa", "Middle East");
        var africa = Place(doc, "Africa");
        Assert.Equal((PlaceFeature.Continent, 6255146L, null), (africa.Feature, africa.GeonameId, africa.Country));
        Assert.Equal((7.1881, 21.09375), (africa.Lat!.Value, africa.Lon!.Value));
        var mideast = Place(doc, "Middle East");
        Assert.Equal((PlaceFeature.Region, "RGN"), (mideast.Feature, mideast.FeatureCode));
    }

    [Fact]
    public void ARegionsEnglishNameFromTheSupplementFindsIt() =>
        Assert.Equal(6269133L, Place(Locations("Tensions rose across the Mideast.", "Mideast"), "Mideast").GeonameId);

    // ---- demonyms ----

    [Fact]
    public void ADemonymGivesItsCountryAtTheCountrysPointMarkedAsADemonym()
    {
        var doc = fx.Process("Afghan and Qatari officials met.", new DateOnly(2019, 12, 4));
        var afghan = Place(doc, "Afghan");
        Assert.Equal(("AFG", PlaceFeature.Country, PlaceRole.Demonym), (afghan.Country, afghan.Feature, afghan.Role));
        Assert.Equal((33.0, 66.0), (afghan.Lat!.Value, afghan.Lon!.Value));
        Assert.Equal(("QAT", PlaceRole.Demonym), (Place(doc, "Qatari").Country, Place(doc, "Qatari").Role));
    }

    [Fact]
    public void ADemonymIsItsCountryNeverATownOfThatNameEvenWhenCalledALocation()
    {
        // Canadian, Texas exists in the fixture.
        var doc = Entities("Canadian troops arrived.", null, ("Canadian", "LOC"));
        var canadian = Place(doc, "Canadian");
        Assert.Equal(("CAN", PlaceFeature.Country, PlaceRole.Demonym), (canadian.Country, canadian.Feature, canadian.Role));
    }

    [Fact]
    public void AContinentsAdjectiveGivesTheContinent()
    {
        var doc = Entities("European leaders met.", null, ("European", "MISC"));
        Assert.Equal((6255148L, PlaceFeature.Continent, PlaceRole.Demonym), (Place(doc, "European").GeonameId, Place(doc, "European").Feature, Place(doc, "European").Role));
    }

    [Fact]
    public void APlaceInsideAnOrganisationsNameIsMarkedAsSuch()
    {
        var doc = Entities("The Egyptian Football Association and the University of California agreed.", null,
            ("Egyptian Football Association", "ORG"), ("University of California", "ORG"));
        Assert.Equal(("EGY", PlaceRole.InName), (Place(doc, "Egyptian").Country, Place(doc, "Egyptian").Role));
        Assert.Equal((PlaceFeature.Admin1, "CA", PlaceRole.InName), (Place(doc, "California").Feature, Place(doc, "California").Admin1, Place(doc, "California").Role));
    }

    [Fact]
    public void ARegionNerCallsMiscIsStillTheRegion()
    {
        var doc = Entities("Trade with the Middle East grew.", null, ("Middle East", "MISC"));
        Assert.Equal((6269133L, PlaceRole.Place), (Place(doc, "Middle East").GeonameId, Place(doc, "Middle East").Role));
    }

    [Fact]
    public void AnUnknownOrganisationNamedExactlyLikeALargeCityStandsForIt()
    {
        // "London" as a team (NER: ORG, no actor of that name): metonymy for the city.
        var doc = Entities("London won the final.", null, ("London", "ORG"));
        Assert.Equal((2643743L, PlaceRole.Place), (Place(doc, "London").GeonameId, Place(doc, "London").Role));
        // A known organisation is an actor, and a small town's name is no evidence.
        Assert.Empty(Entities("Atlantic won the final.", null, ("Atlantic", "ORG")).Places);
    }

    [Fact]
    public void ANameNerMistypedIsAPlaceWhereTheTextTreatsItAsOne()
    {
        // After "in", or when the article names it as a location elsewhere.
        Assert.Equal("USA", Place(Entities("A forum in Springfield drew crowds.", null, ("Springfield", "PER")), "Springfield").Country);
        var twice = Entities("Springfield voted. Springfield is growing.", null, ("Springfield", "LOC"), ("Springfield", "ORG"));
        Assert.Equal(2, twice.Places.Count(p => p.Text == "Springfield"));
        // Otherwise a person or a company keeps its type: no place.
        Assert.Empty(Entities("They met Springfield at noon.", null, ("Springfield", "PER")).Places);
    }

    [Fact]
    public void AnAbbreviationAloneIsADivisionOnlyInAnArticleAboutItsCountry()
    {
        var canada = Entities("Flights from Canada to BC resumed.", null, ("Canada", "LOC"), ("BC", "LOC"));
        Assert.Equal((5909050L, PlaceFeature.Admin1), (Place(canada, "BC").GeonameId, Place(canada, "BC").Feature));
        Assert.DoesNotContain(Entities("BC said the deal was off.", null, ("BC", "LOC")).Places, p => p.Text == "BC");
    }

    [Fact]
    public void ACommonWordIsADivisionOnlyInAnArticleAboutItsCountry()
    {
        // Cameroon has a region called West.
        Assert.Empty(Locations("Sanctions from the West hurt.", "West").Places);
        Assert.Equal("CMR", Place(Locations("Cameroon said the West was calm.", "Cameroon", "West"), "West").Country);
    }

    [Fact]
    public void InsideANameATownCountsOnlyWhereItOpensTheNameACountryAnywhere()
    {
        var doc = Entities("Air France staff at Dallas Love Field and the Queen London Hospital met.", null,
            ("Air France", "ORG"), ("Dallas Love Field", "ORG"), ("Queen London Hospital", "ORG"));
        Assert.Equal(("FRA", PlaceRole.InName), (Place(doc, "France").Country, Place(doc, "France").Role));
        Assert.Equal("USA", Place(doc, "Dallas").Country);
        Assert.DoesNotContain(doc.Places, p => p.Text == "London");
    }

    // ---- context rules ----

    [Theory]
    [InlineData("He grew up in Alexandria, La., and left.", "Alexandria", 4314550L)]
    [InlineData("He grew up in Alexandria, Va., and left.", "Alexandria", 4744091L)]
    [InlineData("The fair in Paris, Texas drew crowds.", "Paris", 4717560L)]
    [InlineData("The fair in Paris, France drew crowds.", "Paris", 2988507L)]
    public void AQualifierAfterTheNamePutsThePlaceInsideIt(string text, string name, long id)
    {
        int comma = text.IndexOf(',', text.IndexOf(name, StringComparison.Ordinal));
        int end = comma + 2;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '.')) end++;
        // NER marks the town; the abbreviation after it is read from the text.
        var doc = Locations(text, name);
        Assert.Equal(id, Place(doc, name).GeonameId);
        var qualifier = doc.Places.Single(p => p.Start == comma + 2);
        Assert.True(qualifier.Feature is PlaceFeature.Admin1 or PlaceFeature.Country, qualifier.Text);
    }

    [Fact]
    public void AnAcronymInAMixedCaseSentenceOrACodeNameIsNoTownButAHeadlineOrDatelineInCapitalsIs()
    {
        // "the GAO" is no Gao, Mali: capitals in a sentence with lower-case words are an acronym.
        var acronym = Locations("The PARIS report said costs rose.", "PARIS");
        Assert.DoesNotContain(acronym.Places, p => p.Text == "PARIS");
        // In a headline written in capitals every word looks like an acronym.
        var headline = Locations("TALKS OPEN IN PARIS", "PARIS");
        Assert.Equal(2988507L, Place(headline, "PARIS").GeonameId);
        // A name joined to a number is a code name ("an offensive codenamed Karbala-5").
        var codeName = Locations("Troops began an offensive codenamed Paris-5 on Monday.", "Paris");
        Assert.DoesNotContain(codeName.Places, p => p.Text == "Paris");
        // A dateline in capitals is a place.
        var dateline = Locations("PARIS (Reuters) - Talks opened on Monday.", "PARIS");
        Assert.Equal(2988507L, Place(dateline, "PARIS").GeonameId);
    }

    [Fact]
    public void AQualifierThatIsItsOwnEntityIsTheDivisionHoldingThePlace()
    {
        var doc = Locations("Officials in Alexandria, Louisiana said the road was open.", "Alexandria", "Louisiana");
        Assert.Equal(4314550L, Place(doc, "Alexandria").GeonameId);
        Assert.Equal(4331987L, Place(doc, "Louisiana").GeonameId);
    }

    [Fact]
    public void AListIsNotAQualifier()
    {
        // "Cambridge, London" is a list: no Cambridge lies in London; neither is forced.
        var doc = Locations("Offices in Cambridge, London and Paris closed.", "Cambridge", "London", "Paris");
        Assert.Equal(2643743L, Place(doc, "London").GeonameId);
        Assert.NotNull(Place(doc, "Cambridge").GeonameId);
    }

    [Fact]
    public void TheSameNameLaterInTheArticleIsTheSamePlace()
    {
        var doc = Locations("The fair in Paris, Texas drew crowds. Paris officials were pleased.", "Paris", "Paris");
        Assert.All(doc.Places.Where(p => p.Text == "Paris"), p => Assert.Equal(4717560L, p.GeonameId));
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
    public void TheArticlesOtherPlacesChooseAmongNamesakes()
    {
        var egypt = Locations("Ships left Alexandria for Egypt's other ports.", "Alexandria", "Egypt");
        Assert.Equal(361058L, Place(egypt, "Alexandria").GeonameId);
        var virginia = Locations("Commuters from Alexandria crowd Washington and Virginia roads.", "Alexandria", "Washington", "Virginia");
        Assert.Equal(4744091L, Place(virginia, "Alexandria").GeonameId);
    }

    [Fact]
    public void TheDatelineTellsWhereTheArticleIs()
    {
        // Paris, France is far larger; the dateline puts the article in Texas.
        var doc = Locations("DALLAS (AP) — Officials in Paris said the storm had passed.", "Paris");
        Assert.Equal(4717560L, Place(doc, "Paris").GeonameId);
        var dallas = doc.Places.Single(p => p.Text == "DALLAS");
        Assert.Equal(("USA", "TX", PlaceRole.Dateline), (dallas.Country, dallas.Admin1, dallas.Role));
    }

    [Fact]
    public void TheSourcesCountryTellsWhereTheArticleIs()
    {
        const string text = "Students in Cambridge protested.";
        Assert.Equal("GBR", Place(Entities(text, "https://news.example.co.uk/story", ("Cambridge", "LOC")), "Cambridge").Country);
        Assert.Equal("USA", Place(Entities(text, "https://news.example.us/story", ("Cambridge", "LOC")), "Cambridge").Country);
    }

    [Fact]
    public void ACountrysNameIsAStateOnlyInAnArticleAboutTheStatesCountry()
    {
        var us = Locations("United States senators from Georgia and the United States House met.", "United States", "Georgia", "United States");
        Assert.Equal((PlaceFeature.Admin1, "USA"), (Place(us, "Georgia").Feature, Place(us, "Georgia").Country));
        var caucasus = Locations("Troops crossed into Georgia near Tbilisi.", "Georgia", "Tbilisi");
        Assert.Equal((PlaceFeature.Country, "GEO"), (Place(caucasus, "Georgia").Feature, Place(caucasus, "Georgia").Country));
    }

    [Fact]
    public void AWordThatTakesTheIsNotATownOfThatName()
    {
        // Atlantic, Iowa exists; "the Atlantic" is the ocean (a GeoNames feature outside any country, from the supplement).
        var doc = Locations("The ship crossed the Atlantic.", "Atlantic");
        var ocean = Assert.Single(doc.Places);
        Assert.Equal((3373405L, "OCN", PlaceFeature.Region, (string?)null), (ocean.GeonameId, ocean.FeatureCode, ocean.Feature, ocean.Country));
        Assert.Equal((10.0, -25.0), (ocean.Lat!.Value, ocean.Lon!.Value));
        // An ocean outside any country is known by its name alone: the bare name is the ocean too, not the small town.
        Assert.Equal(3373405L, Place(Locations("Storms formed over Atlantic waters.", "Atlantic"), "Atlantic").GeonameId);
        // "The" capitalised in mid-sentence makes a title: the magazine, neither the ocean nor a town.
        Assert.Empty(Locations("The senator told The Atlantic that talks failed.", "Atlantic").Places);
        // A building is never placed "in" an ocean.
        Assert.DoesNotContain(GivenLocations("Ships reached Harbor Point in the Atlantic.", "Harbor Point", "Atlantic").Places, p => p.Text == "Harbor Point");
    }

    // ---- non-places ----

    [Theory]
    [InlineData("The White House said talks would resume.", "White House", "USAGOV")]
    [InlineData("The Kremlin said talks would resume.", "Kremlin", "RUSGOV")]
    [InlineData("Downing Street said talks would resume.", "Downing Street", "GBRGOV")]
    public void BuildingsThatStandForInstitutionsAreActorsNotPlaces(string text, string name, string actor)
    {
        // The fixture has a town White House (Tennessee), Casablanca's alternate name "White House", and a hamlet Kremlin.
        var doc = Locations(text, name);
        Assert.Empty(doc.Places);
        var e = doc.Entities.Single(x => x.Text == name);
        Assert.Equal(actor, e.Actor);
        Assert.StartsWith(MentionKinds.ActorPrefix, e.Kb, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnionOfCountriesIsAnActorThatAlsoStandsForItsRegion()
    {
        var doc = Entities("EU countries agreed.", null, ("EU", "ORG"));
        var eu = doc.Entities.Single(e => e.Text == "EU");
        Assert.Equal(("IGOEUREEC", "actor:THE_EUROPEAN_UNION"), (eu.Actor, eu.Kb)); // still the actor
        Assert.Equal((6255148L, PlaceFeature.Continent), (Place(doc, "EU").GeonameId, Place(doc, "EU").Feature));
    }

    [Fact]
    public void LinkedPlacesCarryTheirGeoNamesIdAndCountryActor()
    {
        var doc = fx.Process("The envoy arrived in Doha.", new DateOnly(2019, 12, 4));
        var e = doc.Entities.Single(x => x.Text == "Doha");
        Assert.Equal(("LOC", "geonames:290030", "QAT"), (e.Type, e.Kb, e.Actor));
    }

    [Fact]
    public void ContainmentAndFacilityWordsFindThePlace()
    {
        var doc = Locations("He spoke in Springfield, Massachusetts and at Bagram Air Base.", "Springfield, Massachusetts", "Bagram Air Base");
        Assert.Equal(9000004L, doc.Places.Single(p => p.Text.StartsWith("Springfield", StringComparison.Ordinal)).GeonameId);
        var bagram = doc.Places.Single(p => p.Text == "Bagram Air Base");
        Assert.Equal(("AFG", 7054036L, "40"), (bagram.Country, bagram.GeonameId, bagram.Admin1));
    }

    // ---- event places ----

    [Fact]
    public void AnEventPlaceCarriesWhatThePlaceMentionResolved()
    {
        var kabul = Place(Locations("A bomb exploded in Kabul.", "Kabul"), "Kabul");
        var place = EventPlace.From(kabul);
        Assert.Equal(("Kabul", "AFG", 1138958L, "PPLC", PlaceFeature.City, "13"), (place.Name, place.Country, place.GeonameId, place.FeatureCode, place.Feature, place.Admin1));
        Assert.Equal((kabul.Lat, kabul.Lon), (place.Lat, place.Lon));
    }

    // ---- a street, building or venue the gazetteer lacks: the place that contains it ----

    [Fact]
    public void AStreetTheGazetteerLacksIsPlacedAtTheTownThatQualifiesItInItsPhrase()
    {
        var doc = Locations("Police closed Frenchmen Street, Dallas, on Sunday. Talks in Kabul went on.", "Frenchmen Street", "Dallas", "Kabul");
        var street = Place(doc, "Frenchmen Street");
        Assert.Equal((PlaceRole.ContainedIn, "Dallas", "USA", PlaceFeature.City), (street.Role, street.Name, street.Country, street.Feature));
        Assert.Equal(Place(doc, "Dallas").GeonameId, street.GeonameId);
        Assert.Equal(PlaceRole.Place, Place(doc, "Dallas").Role);
        // "in" qualifies too, and a possessive before the name.
        var arena = Locations("Fans gathered at Barclays Center in Brooklyn.", "Barclays Center", "Brooklyn");
        Assert.Equal(("Brooklyn", PlaceRole.ContainedIn), (Place(arena, "Barclays Center").Name, Place(arena, "Barclays Center").Role));
        var possessive = Locations("Fans gathered at Brooklyn's Barclays Center.", "Brooklyn", "Barclays Center");
        Assert.Equal("Brooklyn", Place(possessive, "Barclays Center").Name);
    }

    [Fact]
    public void WithoutAQualifierABuildingIsPlacedAtTheTownTheArticleIsAboutInTheCountryItNamesMost()
    {
        // Springfield (US) is named twice, but the article is about Afghanistan: its focus is Kabul.
        var doc = Locations("Afghanistan said Afghanistan's army holds Kabul. Springfield and Springfield sent aid. Fighting reached Darulaman Road.",
            "Afghanistan", "Afghanistan", "Kabul", "Springfield", "Springfield", "Darulaman Road");
        var road = Place(doc, "Darulaman Road");
        Assert.Equal(("Kabul", "AFG", PlaceRole.ContainedIn), (road.Name, road.Country, road.Role));
        // With no town, the division the article names most.
        var division = Locations("Storms hit Louisiana. Louisiana closed Memorial Hospital.", "Louisiana", "Louisiana", "Memorial Hospital");
        Assert.Equal((PlaceFeature.Admin1, PlaceRole.ContainedIn), (Place(division, "Memorial Hospital").Feature, Place(division, "Memorial Hospital").Role));
        // An article that names no town or division places nothing so.
        Assert.DoesNotContain(Locations("Qatar opened Aspire Stadium.", "Qatar", "Aspire Stadium").Places, p => p.Text == "Aspire Stadium");
    }

    [Fact]
    public void OnlyLocationsNamedLikeAStreetOrABuildingArePlacedSoUnlessTheLocationsAreGiven()
    {
        const string text = "DALLAS (AP) — Crowds reached Deep Ellum and Dealey Plaza.";
        var found = Locations(text, "DALLAS", "Deep Ellum", "Dealey Plaza");
        Assert.Equal("Dallas", Place(found, "Dealey Plaza").Name);
        Assert.DoesNotContain(found.Places, p => p.Text == "Deep Ellum"); // NER's unknown "location" may be no place at all
        var given = GivenLocations(text, "DALLAS", "Deep Ellum", "Dealey Plaza");
        Assert.Equal(("Dallas", PlaceRole.ContainedIn), (Place(given, "Deep Ellum").Name, Place(given, "Deep Ellum").Role));
        // Organisations are never placed so.
        var org = Entities("DALLAS (AP) — Crowds reached Walmart Center.", null, true, ("DALLAS", "LOC"), ("Walmart Center", "ORG"));
        Assert.DoesNotContain(org.Places, p => p.Text == "Walmart Center");
    }

    [Fact]
    public void ANaturalFeatureOrAPeoplesAdjectiveIsNeverPlacedAtTheArticlesTown()
    {
        var doc = GivenLocations("DALLAS (AP) — Ships left the Tasman Sea and the Brazos River; Kurdish fighters cheered.", "DALLAS", "Tasman Sea", "Brazos River", "Kurdish");
        Assert.DoesNotContain(doc.Places, p => p.Role == PlaceRole.ContainedIn);
        // Nor a name the gazetteer knows that the words around it ruled out (a title after "The": the magazine).
        var title = GivenLocations("DALLAS (AP) — The mayor told The Atlantic that Dallas is ready.", "DALLAS", "Atlantic", "Dallas");
        Assert.DoesNotContain(title.Places, p => p.Text == "Atlantic");
    }
}
