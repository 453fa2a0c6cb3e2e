using Parley.Knowledge.Kb;

namespace Parley.Knowledge.Tests;

[Collection("minikb")]
public class KbBuildTests(MiniKbFixture fx)
{
    [Fact]
    public void BuildsCountriesWithNamesDemonymsAndCapitalPoints()
    {
        var afg = fx.Kb.CountryByIso3("AFG")!;
        Assert.Equal("Afghanistan", afg.Name);
        Assert.Contains("Afganistan", afg.Names);
        Assert.Contains("Afghan", afg.Demonyms);
        Assert.DoesNotContain(afg.Names, n => n.Equals("Kabul", StringComparison.OrdinalIgnoreCase)); // a city, not the country
        Assert.Equal(1138958, afg.CapitalGeonameId);
        Assert.Equal(34.52813, afg.Lat!.Value, 4);
        Assert.Contains("Qatari", fx.Kb.CountryByIso3("QAT")!.Demonyms);
        Assert.Contains("U.S.", fx.Kb.CountryByIso3("USA")!.Names);
    }

    [Fact]
    public void BuildsActorsAgentsPlacesAndAppliesTheSupplement()
    {
        Assert.Equal(4, fx.Summary.Countries);
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
        Assert.Contains(fx.Kb.Places, p => p.GeonameId == 7054036 && p.AltNames.Contains("Bagram Air Base"));
        Assert.True(fx.Kb.IsDiscard("football match"));
    }

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
    [InlineData(2017, 1, 19, "USAELI")]
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
}
