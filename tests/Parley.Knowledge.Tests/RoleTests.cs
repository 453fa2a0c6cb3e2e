using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Tests;

/// <summary>Persons' roles on a date, the realm monarch, and the dictionary reader's entry blocks, on the tiny test dictionaries.</summary>
[Collection("minikb")]
public class RoleTests(MiniKbFixture fx)
{
    private static string? ActorOf(Document doc, string text) => doc.Entities.First(e => e.Text == text).Actor;

    [Theory]
    [InlineData("Queen Elizabeth II opened parliament in Britain.", "GBRGOV")]
    [InlineData("Queen Elizabeth II arrived in Canada.", "CANGOV")]
    [InlineData("Queen Elizabeth II spoke.", "GBRGOV")] // no country named: the larger of the realms
    public void A_monarch_listed_under_several_realms_is_the_realm_the_article_names(string text, string actor) =>
        Assert.Equal(actor, ActorOf(fx.Process(text, new DateOnly(2019, 9, 1)), "Queen Elizabeth II"));

    [Theory]
    [InlineData(2004, 6, 1, "GBRGOV")]
    [InlineData(2019, 6, 1, "GBRELI")] // after the last dated role: no office, one of the country's elite, not a bare GBR
    [InlineData(1990, 6, 1, "GBR")] // before the first: what she was then is unknown, only her country
    public void A_person_with_only_dated_roles_is_an_elite_after_them(int y, int m, int d, string actor) =>
        Assert.Equal(actor, ActorOf(fx.Process("Jane Roe spoke.", new DateOnly(y, m, d)), "Jane Roe"));

    [Theory]
    [InlineData(2004, 12, 1, "GBRGOV")]   // the supplement's roles.txt record, not the dictionary's one code
    [InlineData(2005, 6, 30, "GBRGOVBUS")]
    [InlineData(2010, 1, 1, "GBRLEG")]    // the record's default
    public void The_roles_supplement_replaces_the_dictionarys_codes(int y, int m, int d, string actor) =>
        Assert.Equal(actor, ActorOf(fx.Process("Alan Doe spoke.", new DateOnly(y, m, d)), "Alan Doe"));

    [Fact]
    public void A_root_with_a_malformed_code_is_an_entry_of_its_own()
    {
        // Phoenix's "DAVID_CAMERON_ ... [GBRGOV >201005011]": not an uncoded root that names the next entry.
        var raws = PetrarchActorReader.Read(new StringReader("BROKEN_ROOT_\n\t[GBRGOV >201005011]\nALAN_DOE_\n\t[GBRGOV 040101-050505]\n"));
        Assert.Equal(2, raws.Count);
        Assert.Equal(["ALAN_DOE_"], raws[1].Names);
        var hits = fx.Kb.LookupArray(NameKey.FromPhrase("Alan Doe"))!;
        Assert.Equal(["ALAN_DOE"], hits.Where(h => h.Kind == NameKind.Actor).Select(h => fx.Kb.Actors[h.Index].Id));
    }
}

/// <summary>The committed knowledge base's dated roles for office holders in the news of 2016-2021 and in British politics in
/// 2004-05 (data/kb/supplement/roles.txt).</summary>
[Collection("kb")]
public class CurrentRoleTests(KbFixture fx)
{
    [Theory]
    [InlineData("Nancy Pelosi", 2019, 1, 3, "USALEG")]         // Speaker from 2019 (Phoenix ended her role in 2011)
    [InlineData("John Bolton", 2019, 5, 1, "USAGOV")]          // National Security Advisor 2018-2019
    [InlineData("John Bolton", 2020, 6, 20, "USAELI")]         // after it
    [InlineData("Qasem Soleimani", 2020, 1, 2, "IRNMIL")]
    [InlineData("Michael Howard", 2005, 6, 30, "GBROPP")]      // Leader of the Opposition, not GOV
    [InlineData("Charles Kennedy", 2005, 6, 30, "GBROPP")]     // Liberal Democrat leader
    [InlineData("Liam Fox", 2005, 6, 30, "GBROPP")]            // Conservative co-chairman, not a bare GBR
    [InlineData("Patricia Hewitt", 2004, 12, 1, "GBRGOV")]     // Trade and Industry Secretary until May 2005
    [InlineData("Patricia Hewitt", 2005, 6, 30, "GBRGOVHLH")]  // Health Secretary after it
    [InlineData("David Cameron", 2005, 6, 30, "GBROPP")]       // Phoenix gave him Alan Johnson's posts
    [InlineData("Alan Johnson", 2005, 6, 30, "GBRGOVBUS")]
    [InlineData("Ursula von der Leyen", 2020, 3, 1, "IGOEUREEC")]
    [InlineData("Theresa May", 2017, 3, 1, "GBRGOV")]
    public void A_persons_role_on_a_date(string name, int y, int m, int d, string actor)
    {
        var doc = fx.Process(name + " spoke.", new DateOnly(y, m, d));
        Assert.Equal(actor, doc.Entities.First(e => e.Text == name).Actor);
    }

    [Fact]
    public void Queen_Elizabeth_II_in_a_British_article_is_Britains_not_a_realms()
    {
        var doc = fx.Process("UK Prime Minister Boris Johnson asked Queen Elizabeth II for this prorogation in August.", new DateOnly(2019, 8, 28));
        Assert.Equal("GBRGOV", doc.Entities.First(e => e.Text == "Queen Elizabeth II").Actor);
    }

    [Fact]
    public void The_minister_is_the_nearest_titled_minister_even_with_a_lower_case_title()
    {
        var doc = fx.Process("Energy Minister Yuval Steinitz signed the deal. Italian economic development minister Stefano Patuanelli sent a letter, "
            + "but the minister said they would wait.", new DateOnly(2020, 1, 5));
        int at = doc.Text.IndexOf("the minister said", StringComparison.Ordinal);
        var minister = CoreferenceResolver.EntityAt(doc, doc.TokenAt(at) + 1);
        Assert.Equal("ITAGOV", minister?.Actor);
    }
}
