namespace Parley.Cli.Tests;

/// <summary>
/// The party in office is the government (issue 11; CAMEO: "Government: the executive, governing parties, coalition
/// partners"): from raw text through the whole pipeline, a mention of the party itself on a date the knowledge base says it
/// governs (data/kb/supplement/governments.tsv) is its country's GOV; on another date, or for its members, it is not.
/// Sentences written for this test.
/// </summary>
public class GoverningPartyTests
{
    private static readonly string[] Sentences =
    [
        "Labour said the Conservative plans would cut services.",
        "A Labour spokesman said the figures were wrong.",
        "The Labour government said the bill would be changed.",
        "The Liberal Democrats said the tax was unfair.",
        "Labour MP John Smith said the bill was badly drawn up.",
    ];

    [Fact]
    public void Labour_in_2005_is_the_government_and_its_members_are_not() => TitleRoleTests.AssertSources("2005-03-01",
        (Sentences[0], "GBRGOV", "the party in office"),
        (Sentences[1], "GBRGOV", "its spokesman"),
        (Sentences[2], "GBRGOV", "its government"),
        (Sentences[3], "GBRPTY", "a party in opposition"),
        (Sentences[4], "GBRPTY", "a member of the party in office"));

    [Fact]
    public void In_2012_the_coalition_partner_is_the_government_and_Labour_a_party() => TitleRoleTests.AssertSources("2012-06-01",
        (Sentences[0], "GBRPTY", "the party out of office"),
        (Sentences[1], "GBRPTY", "its spokesman"),
        (Sentences[3], "GBRGOV", "a coalition partner in office"));
}
