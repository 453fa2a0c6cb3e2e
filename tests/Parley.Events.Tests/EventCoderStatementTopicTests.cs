using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Whom a plain statement with a nominal clause is about (EventCoder.Statements.cs, ClauseActorWithin; issue 11): for a
/// market voice a demonym modifying a thing ("a rally in the Ardonian dollar") names a market, not an actor addressed;
/// a state's or political speaker's keeps it, and a possessor ("Ardonia's surplus") stays the clause's. Hand-built
/// parses, fictional names.
/// </summary>
public sealed class EventCoderStatementTopicTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "1987-04-09");

    /// <summary>"Tremont said the news was a rally in the Ardonian dollar."</summary>
    private static Document RallyInTheDollar(string speakerCode) => Code($"""
        1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor={speakerCode}
        2 said say VERB 0 root _
        3 the the DET 4 det _
        4 news news NOUN 7 nsubj _
        5 was be AUX 7 cop _
        6 a a DET 7 det _
        7 rally rally NOUN 2 ccomp _
        8 in in ADP 11 case _
        9 the the DET 11 det _
        10 Ardonian Ardonian ADJ 11 amod Ent=B-MISC|Actor=TUR
        11 dollar dollar NOUN 7 nmod _
        12 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_market_voice_naming_a_demonym_of_a_thing_makes_no_statement_about_that_country()
    {
        Assert.Empty(RallyInTheDollar("USABUS").Events);
    }

    [Fact]
    public void A_political_speaker_naming_a_demonym_of_a_thing_keeps_that_country_as_target()
    {
        var e = Assert.Single(RallyInTheDollar("SYRGOV").Events);
        Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_possessor_of_the_clause_subject_is_whom_a_market_voice_speaks_about()
    {
        // "Tremont said Ardonia's surplus was a record."
        var doc = Code("""
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=USABUS
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nmod:poss Ent=B-LOC|Actor=TUR|Kb=country:TUR
            4 's 's PART 3 case _
            5 surplus surplus NOUN 8 nsubj _
            6 was be AUX 8 cop _
            7 a a DET 8 det _
            8 record record NOUN 2 ccomp _
            9 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("USABUS", "TUR"), (e.Source!.Actor, e.Target!.Actor));
    }

    /// <summary>"Tremont said Ardonia will renew the pact."</summary>
    private static Document WillRenew(string speakerCode, string subjectCode) => Code($"""
        1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor={speakerCode}
        2 said say VERB 0 root _
        3 Ardonia Ardonia PROPN 5 nsubj Ent=B-ORG|Actor={subjectCode}
        4 will will AUX 5 aux _
        5 renew renew VERB 2 ccomp _
        6 the the DET 7 det _
        7 pact pact NOUN 5 obj _
        8 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_plain_statement_by_a_speaker_outside_politics_names_its_subject_in_passing_and_is_no_event()
    {
        // A company or an analyst reporting what another actor will do: a fact about it, nothing done to it.
        Assert.Empty(WillRenew("USABUS", "TURGOV").Events);
    }

    [Fact]
    public void A_political_speaker_on_a_business_of_its_own_country_speaks_to_no_one()
    {
        var e = Assert.Single(WillRenew("TURGOV", "TURBUS").Events);
        Assert.Equal("TURGOV", e.Source!.Actor);
        Assert.Null(e.Target);
    }

    [Fact]
    public void A_political_speaker_s_plain_statement_names_another_political_actor_in_passing_too()
    {
        var e = Assert.Single(WillRenew("SYRGOV", "TURGOV").Events);
        Assert.Equal(("SYRGOV", null), (e.Source!.Actor, e.Target?.Actor));
    }
}
