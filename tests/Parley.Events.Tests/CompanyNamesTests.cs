using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// A name with a corporate form is a company, and so are its shorter names in the same article (CompanyNames; Reuters round
/// 28: "Burlington" of Burlington Industries Inc coded as Canada through the town, "Data General" as the military through
/// "General", "Cable" of Cable and Wireless Plc as the MP Vince Cable). Hand-built parses, fictional companies.
/// </summary>
public sealed class CompanyNamesTests
{
    /// <summary>"Tremont Mills Inc of Boston rejected the bid from Canada. Tremont criticized Halvorsen." with "Tremont" linked as
    /// <paramref name="shortLink"/> (a town of Canada, a person...).</summary>
    private static Document Criticized(string shortName, string shortLink, string fullName = "Tremont Mills Inc")
    {
        var words = fullName.Split(' ');
        var full = string.Join('\n', words.Select((w, i) =>
            $"{i + 1} {w} {w} PROPN {words.Length + 3} {(i == words.Length - 1 ? "nsubj" : "compound")} {(i == 0 ? "Ent=B-ORG" : "Ent=I-ORG")}"));
        int n = words.Length;
        var shorts = shortName.Split(' ');
        var sh = string.Join('\n', shorts.Select((w, i) =>
            $"{i + 1} {w} {w} PROPN {shorts.Length + 1} {(i == shorts.Length - 1 ? "nsubj" : "compound")} {(i == 0 ? "Ent=B-" + shortLink : "Ent=I-" + shortLink.Split('|')[0])}"));
        int m = shorts.Length;
        var doc = AnnotatedConllu.Parse($"""
            # published = 1987-06-01
            {full}
            {n + 1} of of ADP {n + 2} case _
            {n + 2} Boston Boston PROPN {n} nmod Ent=B-LOC|Actor=USA|Loc=B|Country=USA
            {n + 3} rejected reject VERB 0 root _
            {n + 4} the the DET {n + 5} det _
            {n + 5} bid bid NOUN {n + 3} obj _
            {n + 6} from from ADP {n + 7} case _
            {n + 7} Canada Canada PROPN {n + 5} nmod Ent=B-LOC|Actor=CAN|Kb=country:CAN|Loc=B|Country=CAN

            {sh}
            {m + 1} criticized criticize VERB 0 root _
            {m + 2} Halvorsen Halvorsen PROPN {m + 1} obj Ent=B-PER|Actor=USAGOV
            """);
        foreach (var p in doc.Places) p.FeatureCode ??= p.Text == "Canada" ? "PCLI" : "PPL";
        TestData.Coder.Process(doc);
        return doc;
    }

    [Fact]
    public void A_short_name_of_a_company_linked_to_a_town_is_the_company()
    {
        var doc = Criticized("Tremont", "ORG|Actor=CAN|Loc=B|Country=CAN");
        var e = Assert.Single(doc.Events, x => x.Source?.Text == "Tremont");
        Assert.Equal(("USABUS", "USAGOV"), (e.Source!.Actor, e.Target?.Actor));
        // Nor is the town in its name where it acted.
        Assert.NotEqual("Tremont", e.Place?.Name);
    }

    [Fact]
    public void A_short_name_with_a_title_word_is_the_company_not_the_army()
    {
        var doc = Criticized("Data General", "ORG|Actor=USAMIL", "Data General Corp");
        Assert.Equal("USABUS", Assert.Single(doc.Events, x => x.Source?.Text == "Data General").Source!.Actor);
    }

    [Fact]
    public void A_one_word_person_named_like_a_company_is_the_company()
    {
        var doc = Criticized("Cable", "PER|Actor=GBRLEG", "Cable and Wireless Plc");
        Assert.Equal("USABUS", Assert.Single(doc.Events, x => x.Source?.Text == "Cable").Source!.Actor);
    }

    [Fact]
    public void A_name_that_is_no_short_name_of_a_company_keeps_its_link()
    {
        var doc = Criticized("Mills", "ORG|Actor=CANGOV");
        Assert.Equal("CANGOV", Assert.Single(doc.Events, x => x.Source?.Text == "Mills").Source!.Actor);
    }

    [Fact]
    public void A_short_name_nothing_coded_stays_uncoded() =>
        Assert.DoesNotContain(Criticized("Tremont", "ORG").Events, x => x.Source?.Text == "Tremont");

    [Fact]
    public void A_company_name_does_not_make_the_article_about_the_town_in_it()
    {
        // Burlington Industries Inc named as "Burlington" (a Canadian town too): the town counts for no country of the article.
        var doc = Criticized("Tremont", "ORG|Actor=CAN|Loc=B|Country=CAN");
        Assert.All(doc.Events, x => Assert.DoesNotContain("CAN", x.Source!.Actor ?? ""));
    }

    [Fact]
    public void Initials_after_a_name_are_no_corporate_form()
    {
        // "Saudi Press Agency SPA": SPA spells the name's initials, so it is no company's SpA.
        var doc = Criticized("Saxon", "ORG|Actor=CAN|Loc=B|Country=CAN", "Saxon Press Agency SPA");
        Assert.Equal("CAN", Assert.Single(doc.Events, x => x.Source?.Text == "Saxon").Source!.Actor);
    }
}
