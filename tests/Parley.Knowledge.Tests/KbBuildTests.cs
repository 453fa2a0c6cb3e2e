using Parley.Knowledge.Kb;

namespace Parley.Knowledge.Tests;

[Collection("minikb")]
public class KbBuildTests(MiniKbFixture fx)
{
    [Fact]
    public void BuildsCountriesWithNamesDemonymsTheirOwnPointsAndCapitals()
    {
        var afg = fx.Kb.CountryByIso3("AFG")!;
        Assert.Equal("Afghanistan", afg.Name);
        Assert.Contains("Afganistan", afg.Names);
        Assert.Contains("Afghan", afg.Demonyms);
        Assert.DoesNotContain(afg.Names, n => n.Equals("Kabul", StringComparison.OrdinalIgnoreCase)); // a city, not the country
        Assert.Equal(1138958, afg.CapitalGeonameId);
        Assert.Equal((33.0, 66.0), (afg.Lat!.Value, afg.Lon!.Value)); // the country's own point (countries.tsv), not Kabul's
        Assert.Equal(("AS", "af"), (afg.Continent, afg.Tld));
        Assert.Equal("United Kingdom", fx.Kb.CountryOfTld("uk")?.Name);
        Assert.Contains("Qatari", fx.Kb.CountryByIso3("QAT")!.Demonyms);
        Assert.Contains("U.S.", fx.Kb.CountryByIso3("USA")!.Names);
    }

    [Fact]
    public void BuildsActorsAgentsPlacesAndAppliesTheSupplement()
    {
        Assert.Equal(12, fx.Summary.Countries);
        var taliban = fx.Kb.Actors.Single(a => a.Id == "TALIBAN");
        Assert.Equal(ActorKind.ArmedGroup, taliban.Kind);
        Assert.Equal("AFGREB", KnowledgeBase.ActorCode(taliban, new DateOnly(2019, 12, 4)));
        var karzai = fx.Kb.Actors.Single(a => a.Id == "HAMID_KARZAI");
        Assert.Equal("supplement", karzai.Source);
        Assert.Equal("AFGGOV", KnowledgeBase.ActorCode(karzai, new DateOnly(2010, 1, 1)));
        Assert.Equal("AFGELI", KnowledgeBase.ActorCode(karzai, new DateOnly(2015, 1, 1)));
        Assert.Equal("MIL", fx.Kb.AgentCode("security forces")); // the later of two entries wins, as in PETRARCH
        Assert.Equal("COP", fx.Kb.AgentCode("policemen"));
        Assert.Null(fx.Kb.AgentCode("polices"));                // {} = no plural
        Assert.Equal("GOV", fx.Kb.AgentCode("officials"));
        Assert.Equal("MIL", fx.Kb.AgentCode("forces"));
        Assert.Contains(fx.Kb.Places, p => p.FeatureCode == "ADM1" && p.Name == "Parwan");
        var bagram = fx.Kb.Places.Single(p => p.GeonameId == 7054036); // the supplement's row replaces the gazetteer's point
        Assert.Equal((34.9461, "308"), (bagram.Lat, bagram.Admin2));
        Assert.Contains(new NameHit(NameKind.PlaceAlias, fx.Kb.Places.ToList().IndexOf(bagram)), fx.Kb.LookupName("Bagram Air Base").ToArray());
        Assert.True(fx.Kb.IsDiscard("football match"));
    }

    [Fact]
    public void CodesTheSovietUnionAsCameoDoesAndSovietOfficesByTheirDates()
    {
        // Phoenix's SUN is CAMEO's Sunni: the Soviet Union is USR; a Russian code dated before the Union's end is the Union's.
        Assert.Equal("USR", KnowledgeBase.ActorCode(fx.Kb.Actors.Single(a => a.Id == "SOVIET_UNION"), new DateOnly(1987, 3, 1)));
        var ivan = fx.Kb.Actors.Single(a => a.Id == "IVAN_SOVETOV");
        Assert.Equal("USRGOV", KnowledgeBase.ActorCode(ivan, new DateOnly(1987, 3, 1)));
        Assert.Equal("RUSELI", KnowledgeBase.ActorCode(ivan, new DateOnly(2005, 3, 1)));
    }

    [Fact]
    public void BuildsEveryKindOfPlaceWithItsPoint()
    {
        var places = fx.Kb.Places;
        var africa = places.Single(p => p.GeonameId == 6255146);
        Assert.Equal(("CONT", "", 7.1881), (africa.FeatureCode, africa.Iso3, africa.Lat));
        var louisiana = places.Single(p => p.GeonameId == 4331987);
        Assert.Equal(("ADM1", "USA", "LA"), (louisiana.FeatureCode, louisiana.Iso3, louisiana.Admin1));
        var rapides = places.Single(p => p.GeonameId == 4338000);
        Assert.Equal(("ADM2", "LA", "079"), (rapides.FeatureCode, rapides.Admin1, rapides.Admin2));
        Assert.Equal(rapides, fx.Kb.Admin2Of(places.Single(p => p.GeonameId == 4314550)));
        Assert.Contains(fx.Kb.LookupName("Rapides").ToArray(), h => fx.Kb.Places[h.Index] == rapides); // the name without its kind word, as news writes it
        var qatarTown = places.Single(p => p.GeonameId == 9000001);
        Assert.Equal(("PPL", "USA"), (qatarTown.FeatureCode, qatarTown.Iso3));
        // Countries are places too, at their own points, after the gazetteer's.
        int qatar = fx.Kb.CountryPlace(fx.Kb.CountryIndex("QAT"));
        Assert.True(fx.Kb.IsCountryPlace(qatar));
        Assert.Equal(("PCLI", 25.5, 289688L), (places[qatar].FeatureCode, places[qatar].Lat, places[qatar].GeonameId));
    }

    [Fact]
    public void AbbreviationsAndAdjectivesNameTheirDivisionsAndRegions()
    {
        int louisiana = fx.Kb.Places.Select((p, i) => (p, i)).Single(x => x.p.GeonameId == 4331987).i;
        Assert.Equal([louisiana], fx.Kb.PlacesByAbbreviation("La.").ToArray()); // from the supplement
        Assert.Equal([louisiana], fx.Kb.PlacesByAbbreviation("LA").ToArray());  // the US postal code
        Assert.True(fx.Kb.PlacesByAbbreviation("la").IsEmpty);                   // as written, never a word
        Assert.Equal(6255148, fx.Kb.Places[fx.Kb.PlaceOfDemonym("european")].GeonameId);
        Assert.Contains(fx.Kb.LookupName("Mideast").ToArray(), h => h.Kind == NameKind.Place || h.Kind == NameKind.PlaceAlias);
    }

    [Theory]
    [InlineData("saint petersburg", "st. petersburg", "st petersburg")]
    [InlineData("st. louis", "saint louis", "st louis")]
    [InlineData("mount vernon", "mt. vernon", "mt vernon")]
    public void SaintMountAndFortAreSpelledEitherWay(string key, string full, string other) =>
        Assert.Equal((full, other), KnowledgeBase.AbbreviatedVariant(key));

    [Theory]
    [InlineData("170120", 2017, 1, 20)]
    [InlineData("991231", 1999, 12, 31)]
    [InlineData("19270101", 1927, 1, 1)]
    public void ReadsDictionaryDates(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PetrarchActorReader.ParseDate(text));

    [Fact]
    public void ReadsFromAndUntilRanges()
    {
        var codes = new List<RoleCode>();
        PetrarchActorReader.ParseCodes("[AFGGOV >011222] [USRARM <900823] [USAGOV 170120-210120] [---] [KORGOVBUS 2004017-20061201]", codes);
        Assert.Equal(3, codes.Count); // [---] and the malformed 7-digit date are skipped
        Assert.Equal(new RoleCode("AFGGOV", new DateOnly(2001, 12, 22), null), codes[0]);
        Assert.Equal(new RoleCode("USRARM", null, new DateOnly(1990, 8, 23)), codes[1]);
        Assert.Equal(codes[2], RoleCode.Parse(codes[2].ToString()));
    }

    [Theory]
    [InlineData(2017, 1, 19, "USA")] // before his first office the undated elite default is no role, only the country
    [InlineData(2017, 1, 20, "USAGOV")] // first day
    [InlineData(2019, 12, 4, "USAGOV")]
    [InlineData(2021, 1, 20, "USAGOV")] // last day
    [InlineData(2021, 1, 21, "USAELI")] // the day after
    [InlineData(2022, 1, 1, "USAELI")]
    public void RolesHoldFromTheirFirstToTheirLastDay(int y, int m, int d, string expected)
    {
        var trump = fx.Kb.Actors.Single(a => a.Id == "DONALD_TRUMP");
        Assert.Equal(expected, KnowledgeBase.ActorCode(trump, new DateOnly(y, m, d)));
    }

    private static ActorEntry Person(params string[] codes) => new()
    {
        Id = "JAN_NOWAKOWY", Name = "Jan Nowakowy", Kind = ActorKind.Person, Names = ["Jan Nowakowy"], Source = "countries",
        Codes = [.. codes.Select(RoleCode.Parse)],
    };

    [Theory]
    // The dictionaries' filler before the first office ("LI_PENG [CHNELI 460101-871124]"): no role, only the country.
    [InlineData(new[] { "CHNELI@19460101-19871124", "CHNGOV@19871124-19980317", "CHNELI" }, 1987, 3, 1, "CHN")]
    [InlineData(new[] { "CHNELI@19460101-19871124", "CHNGOV@19871124-19980317", "CHNELI" }, 1990, 3, 1, "CHNGOV")]
    [InlineData(new[] { "CHNELI@19460101-19871124", "CHNGOV@19871124-19980317", "CHNELI" }, 2000, 3, 1, "CHNELI")] // a former office holder
    // A dated elite after an office is a real one ("DONALD_REGAN ... USAELI@19870227-20030101").
    [InlineData(new[] { "USAELI@19360101-19850204", "USAGOV@19850204-19870227", "USAELI@19870227-20030101" }, 1984, 1, 1, "USA")]
    [InlineData(new[] { "USAELI@19360101-19850204", "USAGOV@19850204-19870227", "USAELI@19870227-20030101" }, 1987, 6, 1, "USAELI")]
    // An elite range that does not run up to the first office, or that starts on another day, is the dictionary's word.
    [InlineData(new[] { "USAELI@19360101-19700101", "USAGOV@19850204-19870227" }, 1960, 1, 1, "USAELI")]
    [InlineData(new[] { "USAELI@19360315-19850204", "USAGOV@19850204-19870227" }, 1960, 1, 1, "USAELI")]
    // The undated elite default, and the elite of a person with dated offices only, before every office: the country.
    [InlineData(new[] { "USAGOV@20170120-20210120", "USAELI" }, 1987, 3, 1, "USA")]
    [InlineData(new[] { "USAGOV@20170120-20210120", "USAELI" }, 2022, 3, 1, "USAELI")]
    [InlineData(new[] { "GBRGOV@20010101-20050505" }, 1990, 1, 1, "GBR")]
    [InlineData(new[] { "GBRGOV@20010101-20050505" }, 2010, 1, 1, "GBRELI")]
    [InlineData(new[] { "DEUELI" }, 1987, 3, 1, "DEUELI")] // no dated office: the elite stays
    public void The_dictionaries_filler_elite_before_a_persons_first_office_is_no_role(string[] codes, int y, int m, int d, string expected) =>
        Assert.Equal(expected, KnowledgeBase.ActorCode(Person(codes), new DateOnly(y, m, d)));

    [Fact]
    public void ReadsPartiesInGovernmentWithTheirDatesAndChecksTheirActors()
    {
        // supplement/governments.tsv: party, country, from, to (inclusive, empty = still in office), note (issue 11).
        var labour = new ActorEntry { Id = "LABOUR_PARTY", Name = "Labour Party", Kind = ActorKind.Organization, Names = ["Labour"],
            Codes = [new RoleCode("GBRPTY", null, null)], Source = "supplement" };
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# comment\nLABOUR_PARTY\tGBR\t1997-05-02\t2010-05-11\tBlair and Brown\nLABOUR_PARTY\tGBR\t2024-07-05\t\tStarmer\n");
            var rows = KbBuilder.ReadGovernments(path, [labour]);
            Assert.Equal(2, rows.Count);
            Assert.Equal("actor:LABOUR_PARTY", rows[0].Actor);
            Assert.True(rows[0].Code.Covers(new DateOnly(2005, 3, 1)));
            Assert.True(rows[0].Code.Covers(new DateOnly(2010, 5, 11)));
            Assert.False(rows[0].Code.Covers(new DateOnly(2012, 1, 1)));
            Assert.Equal(("GBRGOV", (DateOnly?)null), (rows[1].Code.Code, rows[1].Code.To));
            // A party the actor table lacks, or one of another country, is an error: the facts stay tied to linked entities.
            File.WriteAllText(path, "LABOR_PARTY\tGBR\t1997-05-02\t\t-\n");
            Assert.Throws<FormatException>(() => KbBuilder.ReadGovernments(path, [labour]));
            File.WriteAllText(path, "LABOUR_PARTY\tAUS\t2007-12-03\t\t-\n");
            Assert.Throws<FormatException>(() => KbBuilder.ReadGovernments(path, [labour]));
        }
        finally { File.Delete(path); }
    }
}
