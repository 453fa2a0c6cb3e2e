using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// A statement's target is whom it is to or about as an actor, not a name mentioned in passing (EventCoder.Statements.cs;
/// issue 11, Reuters round 30): a place inside a many-word name that modifies a thing ("a United Ardonia blender"), an actor in
/// a phrase of a passing preposition hung on a thing ("friction over exports to Ardonia", said by a market voice), and the reporter of the clause
/// ("The Central Bank sees no reason ..., its vice-president told Reuters") are no targets. Hand-built parses, fictional names.
/// </summary>
public sealed class EventCoderPassingMentionTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "1987-04-09");

    /// <summary>"Tremont said the result was friction over exports {prep} Ardonia."</summary>
    private static Document Friction(string speakerCode, string prep) => Code($"""
        1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor={speakerCode}
        2 said say VERB 0 root _
        3 the the DET 4 det _
        4 result result NOUN 7 nsubj _
        5 was be AUX 7 cop _
        6 a a DET 7 det _
        7 friction friction NOUN 2 ccomp _
        8 over over ADP 9 case _
        9 exports export NOUN 7 nmod _
        10 {prep} {prep} ADP 11 case _
        11 Ardonia Ardonia PROPN 9 nmod Ent=B-LOC|Actor=TUR|Kb=country:TUR
        12 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_political_speaker_keeps_a_country_in_such_a_phrase()
    {
        // Measured on Reuters 1987: a government's "sales to Iran", "exports to Japan" most often name the other side.
        var e = Assert.Single(Friction("SYRGOV", "to").Events);
        Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_market_voice_naming_a_country_only_in_passing_makes_no_statement()
    {
        Assert.Empty(Friction("USABUS", "from").Events);
    }

    [Fact]
    public void A_country_in_a_phrase_that_is_no_passing_one_stays_the_target()
    {
        // "friction over exports with Ardonia": "with" names a party, not a place or a direction in passing.
        var e = Assert.Single(Friction("USABUS", "with").Events);
        Assert.Equal(("USABUS", "TUR"), (e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_place_in_a_name_that_modifies_a_thing_is_named_in_passing()
    {
        // "Tremont said the company is a shareholder of a United Ardonia blender." with the name's first word parsed as an
        // adjective of its second: the name as a whole modifies the blender, and a market voice's statement about it is about
        // no actor.
        var doc = Code("""
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=USABUS
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 company company NOUN 7 nsubj _
            5 is be AUX 7 cop _
            6 a a DET 7 det _
            7 shareholder shareholder NOUN 2 ccomp _
            8 of of ADP 12 case _
            9 a a DET 12 det _
            10 United United ADJ 11 amod Ent=B-LOC|Actor=TUR|Kb=country:TUR
            11 Ardonia Ardonia PROPN 12 compound Ent=I-LOC
            12 blender blender NOUN 7 nmod _
            13 . . PUNCT 2 punct _
            """);
        Assert.Empty(doc.Events.Select(e => (e.Source?.Actor, e.Target?.Actor, e.Rule)));
    }

    [Fact]
    public void The_reporter_of_a_clause_is_not_whom_the_clause_is_about()
    {
        // "The Central Bank sees no reason to change course, Tremont told Reuters." with the clause parsed as the complement
        // of the telling: Tremont reports what the bank sees; the bank's statement is about no one.
        var doc = Code("""
            1 The the DET 3 det _
            2 Central Central PROPN 3 compound Ent=B-ORG|Actor=TURGOVBUS
            3 Bank Bank PROPN 4 nsubj Ent=I-ORG
            4 sees see VERB 12 ccomp _
            5 no no DET 6 det _
            6 reason reason NOUN 4 obj _
            7 to to PART 8 mark _
            8 change change VERB 6 acl _
            9 course course NOUN 8 obj _
            10 , , PUNCT 8 punct _
            11 Tremont Tremont PROPN 12 nsubj Ent=B-PER|Actor=TURGOV
            12 told tell VERB 0 root _
            13 Reuters Reuters PROPN 12 iobj Ent=B-ORG|Actor=MED
            14 . . PUNCT 12 punct _
            """);
        Assert.Equal([("TURGOVBUS", (string?)null)], doc.Events.Select(e => (e.Source!.Actor, e.Target?.Actor)));
    }
}
