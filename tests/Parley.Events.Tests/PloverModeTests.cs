using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// PLOVER's mode comes from the words of the event's clause (data/lang/en/plover-modes.tsv), not only from the CAMEO code:
/// the weapon of an attack, the form of a protest. Hand-built parses, fictional wording.
/// </summary>
public sealed class PloverModeTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2020-03-02");

    [Fact]
    public void The_weapon_of_an_attack_gives_its_mode()
    {
        var doc = Code("""
            1 Russia Russia PROPN 2 nsubj Ent=B-LOC|Actor=RUS
            2 attacked attack VERB 0 root _
            3 Ukraine Ukraine PROPN 2 obj Ent=B-LOC|Actor=UKR
            4 with with ADP 5 case _
            5 drones drone NOUN 2 obl _
            6 . . PUNCT 2 punct _
            """);
        // One event: the drones are the means, not a second side ("attack with" is a paired pattern only for actors).
        var e = Assert.Single(doc.Events);
        Assert.Equal("ASSAULT", e.Plover);
        Assert.Equal("drone", e.PloverMode);
    }

    [Fact]
    public void Without_a_cue_the_mode_of_the_code_stands()
    {
        var doc = Code("""
            1 Russia Russia PROPN 2 nsubj Ent=B-LOC|Actor=RUS
            2 attacked attack VERB 0 root _
            3 Ukraine Ukraine PROPN 2 obj Ent=B-LOC|Actor=UKR
            4 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("ASSAULT", e.Plover);
        Assert.NotEqual("drone", e.PloverMode);
    }

    [Fact]
    public void A_hunger_strike_is_a_protest_of_that_mode()
    {
        var doc = Code("""
            1 Ruritanian Ruritanian ADJ 2 amod Ent=B-MISC|Actor=RUS
            2 prisoners prisoner NOUN 3 nsubj _
            3 began begin VERB 0 root _
            4 a a DET 6 det _
            5 hunger hunger NOUN 6 compound _
            6 strike strike NOUN 3 obj _
            7 against against ADP 9 case _
            8 the the DET 9 det _
            9 government government NOUN 3 obl _
            10 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events, x => x.Plover == "PROTEST");
        Assert.Equal("hunger", e.PloverMode);
    }
}
