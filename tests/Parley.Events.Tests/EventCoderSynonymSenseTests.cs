using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Issue 11 (Reuters, 2026-12-07): verbs the dictionary lacks are reached through a WordNet synonym of their first sense
/// (VerbSynonyms), but not when WordNet's first sense is barely attested ("sack": plunder seen once, dismiss never: the
/// sacking of miners is no military force) nor from a change of amount to an act of force ("limit" shares a synset with
/// "confine", which the dictionary codes as detention: a country that limits debt payments arrests no one). A verb whose
/// first sense is attested and of the same kind keeps its synonym ("coerce" -> pressure). Hand-built parses.
/// </summary>
public sealed class EventCoderSynonymSenseTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2020-03-02");

    [Fact]
    public void Limiting_payments_is_no_detention()
    {
        var doc = Code("""
            1 Peru Peru PROPN 2 nsubj Ent=B-LOC|Actor=PER
            2 limited limit VERB 0 root _
            3 debt debt NOUN 4 compound _
            4 repayments repayment NOUN 2 obj _
            5 to to ADP 7 case _
            6 Brazil Brazil PROPN 7 compound Ent=B-LOC|Actor=BRA
            7 banks bank NOUN 2 obl _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("17", StringComparison.Ordinal));
    }

    [Fact]
    public void Sacking_workers_is_no_plunder()
    {
        var doc = Code("""
            1 Bolivia Bolivia PROPN 2 nsubj Ent=B-LOC|Actor=BOL
            2 sacked sack VERB 0 root _
            3 Chile Chile PROPN 4 compound Ent=B-LOC|Actor=CHL
            4 miners miner NOUN 2 obj _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attested_first_sense_still_reaches_its_synonym()
    {
        var doc = Code("""
            1 Russia Russia PROPN 2 nsubj Ent=B-LOC|Actor=RUS
            2 coerced coerce VERB 0 root _
            3 Ukraine Ukraine PROPN 2 obj Ent=B-LOC|Actor=UKR
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("RUS", "UKR"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Contains("~coerce", e.Rule);
    }
}
