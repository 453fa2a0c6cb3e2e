using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Lists of actors the parser splits (a list read as two subjects of one verb) and names that stand for several actors.
/// Hand-built parses (CoNLL-U: ID FORM LEMMA UPOS HEAD DEPREL MISC), fictional names.
/// </summary>
public sealed class EventCoderListTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2020-03-02");

    [Fact]
    public void A_list_split_into_two_subjects_gives_every_member_the_event()
    {
        // "Ardonia, the Belmar Isles, Corvia and Dunmark condemned Estland." with "Isles" a second subject and Corvia,
        // Dunmark its conjuncts.
        var doc = Code("""
            1 Ardonia Ardonia PROPN 10 nsubj Ent=B-LOC|Actor=TUR
            2 , , PUNCT 5 punct _
            3 the the DET 5 det _
            4 Belmar Belmar PROPN 5 compound Ent=B-LOC|Actor=GRC
            5 Isles Isles PROPN 10 nsubj Ent=I-LOC|Actor=GRC
            6 , , PUNCT 7 punct _
            7 Corvia Corvia PROPN 5 conj Ent=B-LOC|Actor=BGR
            8 and and CCONJ 9 cc _
            9 Dunmark Dunmark PROPN 5 conj Ent=B-LOC|Actor=DNK
            10 condemned condemn VERB 0 root _
            11 Estland Estland PROPN 10 obj Ent=B-LOC|Actor=EST
            12 . . PUNCT 10 punct _
            """);
        var sources = doc.Events.Select(e => e.Source!.Actor!).Order().ToArray();
        Assert.Equal<string>(["BGR", "DNK", "GRC", "TUR"], sources);
        Assert.All(doc.Events, e => Assert.Equal("EST", e.Target!.Actor));
    }

    [Fact]
    public void A_subject_and_the_evil_other_split_by_the_parser_are_both_sources()
    {
        // "Ardonia and the stubborn Corvia rejected Estland's plan": "and" hangs on the adjective, Corvia a second subject.
        var doc = Code("""
            1 Ardonia Ardonia PROPN 6 nsubj Ent=B-LOC|Actor=TUR
            2 and and CCONJ 4 cc _
            3 the the DET 5 det _
            4 stubborn stubborn ADJ 5 amod _
            5 Corvia Corvia PROPN 6 nsubj Ent=B-LOC|Actor=BGR
            6 condemned condemn VERB 0 root _
            7 Estland Estland PROPN 6 obj Ent=B-LOC|Actor=EST
            8 . . PUNCT 6 punct _
            """);
        Assert.Equal<string>(["BGR", "TUR"], doc.Events.Select(e => e.Source!.Actor!).Order().ToArray());
    }

    [Fact]
    public void An_apposition_misread_as_a_second_subject_is_not_a_list_member()
    {
        // "Senator Halvor, a frequent Corvia critic, condemned Estland.": the apposition is not another source.
        var doc = Code("""
            1 Senator Senator PROPN 2 compound _
            2 Halvor Halvor PROPN 9 nsubj Ent=B-PER|Actor=TURLEG
            3 , , PUNCT 7 punct _
            4 a a DET 7 det _
            5 frequent frequent ADJ 7 amod _
            6 Corvia Corvia PROPN 7 compound Ent=B-LOC|Actor=BGR
            7 critic critic NOUN 9 nsubj _
            8 , , PUNCT 7 punct _
            9 condemned condemn VERB 0 root _
            10 Estland Estland PROPN 9 obj Ent=B-LOC|Actor=EST
            11 . . PUNCT 9 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("TURLEG", e.Source!.Actor);
    }

    [Fact]
    public void A_name_coded_for_several_actors_gives_each_its_event()
    {
        // A dictionary entry "THE_MARCHES [AAA/BBB]": the Marches stand for both.
        var doc = Code("""
            1 The the DET 2 det _
            2 Marches Marches PROPN 3 nsubj Ent=B-LOC|Actor=TUR/GRC
            3 condemned condemn VERB 0 root _
            4 Estland Estland PROPN 3 obj Ent=B-LOC|Actor=EST
            5 . . PUNCT 3 punct _
            """);
        Assert.Equal<string>(["GRC", "TUR"], doc.Events.Select(e => e.Source!.Actor!).Order().ToArray());
    }

    [Fact]
    public void A_title_read_as_a_descriptive_modifier_still_codes_its_unknown_holder()
    {
        // "Corvia President Halvor appealed to Estland": the parser hangs the title as nmod:desc, the name is unknown.
        var doc = Code("""
            1 Corvia Corvia PROPN 3 compound Ent=B-LOC|Actor=BGR
            2 President President PROPN 3 nmod:desc _
            3 Halvor Halvor PROPN 4 nsubj Ent=B-ORG
            4 condemned condemn VERB 0 root _
            5 Estland Estland PROPN 4 obj Ent=B-LOC|Actor=EST
            6 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("BGRGOV", e.Source!.Actor);
    }

    [Fact]
    public void A_country_before_a_chain_of_modifiers_is_the_agent_s_country()
    {
        // "The Corvian Islamist media condemned Estland", "Corvian" hung on "Islamist".
        var doc = Code("""
            1 The the DET 4 det _
            2 Corvian Corvian ADJ 3 amod Ent=B-MISC|Actor=BGR
            3 Islamist Islamist ADJ 4 amod _
            4 media media NOUN 5 nsubj _
            5 condemned condemn VERB 0 root _
            6 Estland Estland PROPN 5 obj Ent=B-LOC|Actor=EST
            7 . . PUNCT 5 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.StartsWith("BGR", e.Source!.Actor);
        Assert.EndsWith("MED", e.Source.Actor);
    }

    [Fact]
    public void Agents_sharing_one_name_are_not_each_other_s_counterpart()
    {
        // "The Corvian media and government met on Monday": both are Corvia's; they did not meet each other as two sides.
        var doc = Code("""
            1 The the DET 3 det _
            2 Corvian Corvian ADJ 3 amod Ent=B-MISC|Actor=BGR
            3 media media NOUN 6 nsubj _
            4 and and CCONJ 5 cc _
            5 government government NOUN 3 conj _
            6 met meet VERB 0 root _
            7 on on ADP 8 case _
            8 Monday Monday PROPN 6 obl _
            9 . . PUNCT 6 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Source!.Actor!.StartsWith("BGR", StringComparison.Ordinal)
            && e.Target?.Actor?.StartsWith("BGR", StringComparison.Ordinal) == true);
    }
}
