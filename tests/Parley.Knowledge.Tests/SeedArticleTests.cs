using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Linking;
using Xunit.Abstractions;

namespace Parley.Knowledge.Tests;

[Collection("kb")]
public class SeedArticleTests(KbFixture fx, ITestOutputHelper output)
{
    private static string SeedText()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "tests", "Parley.Knowledge.Tests", "Fixtures", "us-taliban-talks.txt");
            if (File.Exists(p)) return File.ReadAllText(p);
        }
        throw new FileNotFoundException("Fixtures/us-taliban-talks.txt");
    }

    private Document Seed()
    {
        var doc = fx.Process(SeedText(), new DateOnly(2019, 12, 4));
        foreach (var e in doc.Entities) output.WriteLine($"{e.Start,5} {e.Text,-40} {e.Type,-4} {e.Via,-14} {e.Name,-28} {e.Kb,-28} {e.Actor,-8} c{e.Cluster}");
        foreach (var p in doc.Places) output.WriteLine($"PLACE {p.Text,-20} {p.Name,-20} {p.Country} {p.FeatureCode} {p.GeonameId} {p.Lat},{p.Lon}");
        return doc;
    }

    [Fact]
    public void PeopleGetTheirCountriesGovernmentCodesOnThePublicationDate()
    {
        var doc = Seed();
        foreach (var (surface, name, actor) in new[] { ("Zalmay Khalilzad", "Zalmay Khalilzad", "USAGOV"), ("Donald Trump", "Donald Trump", "USAGOV"), ("Ashraf Ghani", "Ashraf Ghani", "AFGGOV") })
        {
            var m = doc.Entities.Where(e => e.Text == surface).ToList();
            Assert.NotEmpty(m);
            Assert.All(m, e => { Assert.Equal("PER", e.Type); Assert.Equal(name, e.Name); Assert.Equal(actor, e.Actor); });
        }
        var khalilzad = doc.Entities.First(e => e.Text == "Zalmay Khalilzad");
        Assert.All(doc.Entities.Where(e => e.Text == "Khalilzad"), e => Assert.Equal(khalilzad.Cluster, e.Cluster));
    }

    [Fact]
    public void EveryTalibanMentionQuotedOrNotIsTheAfghanArmedGroup()
    {
        var doc = Seed();
        var text = doc.Text;
        int count = 0;
        for (int i = text.IndexOf("Taliban", StringComparison.Ordinal); i >= 0; i = text.IndexOf("Taliban", i + 1, StringComparison.Ordinal))
        {
            int token = doc.TokenAt(i);
            var e = CoreferenceResolver.EntityAt(doc, token);
            Assert.NotNull(e);
            Assert.Equal("AFGREB", e!.Actor);
            Assert.Equal("actor:TALIBAN", e.Kb);
            count++;
        }
        Assert.True(count >= 10, $"found {count} Taliban mentions");
    }

    [Fact]
    public void TheStateDepartmentIsUsGovernment()
    {
        var doc = Seed();
        var m = doc.Entities.Where(e => e.Text.Contains("State Department")).ToList();
        Assert.NotEmpty(m);
        Assert.All(m, e => Assert.Equal("USAGOV", e.Actor));
    }

    [Fact]
    public void PlacesResolveToTheRightCountriesAndPoints()
    {
        var doc = Seed();
        void Check(string text, string country, double lat, double lon, string? code = null)
        {
            var ps = doc.Places.Where(p => p.Text == text).ToList();
            Assert.True(ps.Count > 0, $"no place for {text}");
            foreach (var p in ps)
            {
                Assert.Equal(country, p.Country);
                Assert.InRange(p.Lat!.Value, lat - 0.3, lat + 0.3);
                Assert.InRange(p.Lon!.Value, lon - 0.3, lon + 0.3);
                if (code is not null) Assert.Equal(code, p.FeatureCode);
            }
        }
        Check("Kabul", "AFG", 34.53, 69.17, "PPLC");
        Check("Doha", "QAT", 25.29, 51.53, "PPLC");
        // Countries at their own GeoNames points, not at their capitals.
        Check("Qatar", "QAT", 25.5, 51.25, "PCLI");
        Check("Afghanistan", "AFG", 33, 66, "PCLI");
        Check("Bagram Air Base", "AFG", 34.95, 69.27);
        // "Afghan" is the country (a demonym), never a town.
        Assert.All(doc.Places.Where(p => p.Text == "Afghan"), p => Assert.Equal(("AFG", "PCLI", PlaceRole.Demonym), (p.Country, p.FeatureCode, p.Role)));
    }

    [Fact]
    public void TitlesAndPronounsPointToTheirHolders()
    {
        var doc = Seed();
        var sr = doc.Entities.FirstOrDefault(e => e.Text == "The Special Representative");
        Assert.NotNull(sr);
        Assert.Equal("Zalmay Khalilzad", sr!.Name);
        var diplomat = doc.Entities.FirstOrDefault(e => e.Text == "The Afghan-American diplomat");
        Assert.NotNull(diplomat);
        Assert.Equal("Zalmay Khalilzad", diplomat!.Name);
        int his = doc.Text.IndexOf("his team", StringComparison.Ordinal);
        Assert.Equal("Zalmay Khalilzad", CoreferenceResolver.EntityAt(doc, doc.TokenAt(his))?.Name);
        int leadership = doc.Text.IndexOf("country\u2018s leadership", StringComparison.Ordinal);
        Assert.True(leadership > 0);
        Assert.Equal("AFG", CoreferenceResolver.EntityAt(doc, doc.TokenAt(leadership))?.Actor?[..3]);
        int afghanOfficials = doc.Text.IndexOf("Afghan security forces", StringComparison.Ordinal);
        Assert.Equal("AFGMIL", CoreferenceResolver.EntityAt(doc, doc.TokenAt(afghanOfficials) + 1)?.Actor);
    }
}
