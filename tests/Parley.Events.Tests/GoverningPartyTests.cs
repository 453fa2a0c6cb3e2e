using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// A party in office is the government (CAMEO: "Government: the executive, governing parties, coalition partners"; issue
/// 11): the knowledge base's dated facts (data/kb/supplement/governments.tsv) say which party governs its country on the
/// coding date, and a mention of the party itself ("Labour", "the Labour government", "a Labour spokesman") is then its
/// country's GOV; its members ("Labour MPs") keep their codes, and it stays a party apart from the others.
/// </summary>
public sealed class GoverningPartyTests
{
    private const string Labour = "Ent=B-ORG|Actor=GBRPTY|Kb=actor:LABOUR_PARTY";
    private const string Tories = "Ent=B-ORG|Actor=GBRPTY|Kb=actor:CONSERVATIVE_PARTY";

    [Fact]
    public void The_knowledge_base_dates_the_party_in_office()
    {
        var g = TestData.Cameo.Governments;
        Assert.Equal("GBRGOV", g.InOffice("actor:LABOUR_PARTY", new DateOnly(2005, 3, 1)));
        Assert.Null(g.InOffice("actor:LABOUR_PARTY", new DateOnly(2012, 1, 1)));
        Assert.Equal("GBRGOV", g.InOffice("actor:LABOUR_PARTY", new DateOnly(2024, 7, 5)));
        Assert.Null(g.InOffice("actor:CONSERVATIVE_PARTY", new DateOnly(2005, 3, 1)));
        Assert.Equal("GBRGOV", g.InOffice("actor:CONSERVATIVE_PARTY", new DateOnly(2019, 12, 4)));
        // A coalition partner is in office too, for the coalition's dates only.
        Assert.Equal("GBRGOV", g.InOffice("actor:LIBERAL_DEMOCRATS", new DateOnly(2012, 1, 1)));
        Assert.Null(g.InOffice("actor:LIBERAL_DEMOCRATS", new DateOnly(2016, 1, 1)));
        // No date, no fact; a presidential system's parties are left out.
        Assert.Null(g.InOffice("actor:LABOUR_PARTY", null));
        Assert.Null(g.InOffice("actor:DEMOCRATIC_PARTY_OF_THE_UNITED_STATES", new DateOnly(2010, 1, 1)));
    }

    /// <summary>"{subject rows} criticised the Tories." coded on <paramref name="date"/>.</summary>
    private static EventRecord CriticisedTories(string date, params string[] subject)
    {
        int v = subject.Length + 1;
        var doc = TestData.Code($"""
            {string.Join("\n", subject)}
            {v} criticised criticise VERB 0 root _
            {v + 1} the the DET {v + 2} det _
            {v + 2} Tories Tories PROPN {v} obj {Tories}
            {v + 3} . . PUNCT {v} punct _
            """, date);
        return Assert.Single(doc.Events);
    }

    [Fact]
    public void The_party_s_name_is_the_government_while_it_is_in_office()
    {
        var e = CriticisedTories("2005-03-01", $"1 Labour Labour PROPN 2 nsubj {Labour}");
        Assert.Equal(("111", "GBRGOV", "GBRPTY"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
        // Out of office it is a party again.
        e = CriticisedTories("2012-01-01", $"1 Labour Labour PROPN 2 nsubj {Labour}");
        Assert.Equal(("111", "GBRPTY", "GBRGOV"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void The_party_s_government_and_spokesman_are_the_government()
    {
        foreach (var noun in new[] { "government NOUN", "spokesman NOUN" })
        {
            var e = CriticisedTories("2005-03-01", "1 The the DET 3 det _", $"2 Labour Labour PROPN 3 compound {Labour}",
                $"3 {noun.Split(' ')[0]} {noun.Split(' ')[0]} {noun.Split(' ')[1]} 4 nsubj _");
            Assert.Equal("GBRGOV", e.Source!.Actor);
        }
    }

    [Fact]
    public void The_party_s_members_keep_their_codes()
    {
        // "Labour MPs criticised the Tories": members of the party, not the party in office.
        var e = CriticisedTories("2005-03-01", $"1 Labour Labour PROPN 2 compound {Labour}", "2 MPs MP NOUN 3 nsubj _");
        Assert.NotEqual("GBRGOV", e.Source!.Actor);
        // "Labour peer Ann Bell criticised the Tories": the name passed on through a compound is a member's title.
        e = CriticisedTories("2005-03-01", $"1 Labour Labour PROPN 2 compound {Labour}", "2 peer peer NOUN 5 nsubj _",
            "3 Ann Ann PROPN 2 appos Ent=B-PER|Cluster=0", "4 Bell Bell PROPN 3 flat Ent=I-PER|Cluster=0");
        Assert.NotEqual("GBRGOV", e.Source!.Actor);
    }

    [Fact]
    public void The_party_in_office_is_still_a_party_apart_from_another()
    {
        // "The Tories say Labour's plans have failed" (issue 11): criticism of Labour, now the government.
        var doc = TestData.Code($"""
            1 The the DET 2 det _
            2 Tories Tories PROPN 3 nsubj {Tories}
            3 say say VERB 0 root _
            4 Labour Labour PROPN 6 nmod:poss {Labour}
            5 's 's PART 4 case _
            6 plans plan NOUN 8 nsubj _
            7 have have AUX 8 aux _
            8 failed fail VERB 3 ccomp _
            9 . . PUNCT 3 punct _
            """, "2005-03-01");
        var e = Assert.Single(doc.Events);
        Assert.Equal(("111", "GBRPTY", "GBRGOV"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
    }
}
