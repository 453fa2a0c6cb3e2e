using Parley.Events.Cameo;

namespace Parley.Events.Tests;

public sealed class VerbConversionTests
{
    private const string Sample = """
        # header comment
        ####### SYNONYM SETS #######

        &NEGOTIATOR
        +NEGOTIATOR
        +GO-BETWEEN

        &CEASEFIRE
        +TRUCE
        +CEASE_FIRE

        ####### VERB PATTERNS #######

        ---  MEET_PEOPLE   [040]  ---
        +MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
        MEET {MEETS MET MEETING}
        CONTACT [041]
        - * (WITH LEADERS)                                    [036:036]     # MEET
        - * (UNDER MEDIATION)                                 [046:045]     # MEET
        - * CALLS                                             [:020]        # FACE
        - $ * (AS &NEGOTIATOR) (IN TALK) (WITH +)             [045]         # SERVE
        - * {MOCK ATTACK}                                     [062:062]     # STAGE
        - &CEASEFIRE * BROKEN                                 [196]         # X
        - * (WITH LEADERS)                                    [040]         # duplicate
        - % HAVE *                                            [191]         # compound
        - SPY_*_DEAL                                          [---]         # odd

        ---  REFUSE   [---]  ---
        +RULE_OUT
        DECLINE [120]
        - * COMMENT                                           [011]         # REFUSE

        ######## TRANSFORMATIONS ##########
        ~ a (a b ATTACK) SAY = a b 015
        """;

    private static (VerbConversionReport Report, string Output) Convert()
    {
        var w = new StringWriter();
        var report = PetrarchVerbConverter.Convert(new StringReader(Sample), w);
        return (report, w.ToString());
    }

    [Fact]
    public void Counts_converted_and_dropped()
    {
        var (r, _) = Convert();
        Assert.Equal(2, r.Blocks);
        Assert.Equal(5, r.Verbs);
        Assert.Equal(2, r.MultiWordVerbs);
        Assert.Equal(10, r.PatternsRead);
        Assert.Equal(9, r.PatternsConverted);
        Assert.Equal(1, r.Transformations);
        Assert.Equal(1, r.Dropped["duplicate conditions within a block (first kept)"]);
        Assert.False(r.Dropped.ContainsKey("compound-actor marker % (not supported)"));
        Assert.False(r.Dropped.ContainsKey("pattern without a verb marker *"));
    }

    [Fact]
    public void Patterns_become_dependency_conditions()
    {
        var (_, o) = Convert();
        Assert.Contains("P\tMEET_PEOPLE\t036\t036\t", o);
        Assert.Contains("\tpp:with:leaders\n", o);
        Assert.Contains("P\tMEET_PEOPLE\t-\t020\t", o);
        Assert.Contains("\tn:calls\n", o);
        Assert.Contains("\tsubj>src\tpp:as:&NEGOTIATOR\tpp:in:talk\tpp:with>tgt\n", o);
        Assert.Contains("\tn:mock+attack\n", o);
        // PETRARCH's compound marker before the verb: the subject is coordinated actors.
        Assert.Contains("\tcompound:subj\tpre:have\n", o);
        // Words joined to the verb ("SPY_*_DEAL") are the nearest words before and after it.
        Assert.Contains("P\tMEET_PEOPLE\t-\t-\t", o);
        Assert.Contains("\tpre:spy\tn:deal\n", o);
        Assert.Contains("\tpre:&CEASEFIRE\tn:broken\n", o);
        Assert.Contains("S\t&CEASEFIRE\ttruce cease_fire\n", o);
    }

    [Fact]
    public void Verbs_keep_lemma_particles_and_codes()
    {
        var (_, o) = Convert();
        Assert.Contains("V\tMEET_PEOPLE\tmeet\twith\t=\n", o);
        Assert.Contains("V\tMEET_PEOPLE\tmeet\t-\t=\n", o);
        Assert.Contains("V\tMEET_PEOPLE\tcontact\t-\t041\n", o);
        Assert.Contains("V\tREFUSE\trule\tout\t=\n", o);
        Assert.Contains("B\tREFUSE\t-\n", o);
    }

    [Fact]
    public void Converted_output_loads_and_indexes_by_lemma()
    {
        var (_, o) = Convert();
        var dict = VerbDictionary.Read(new StringReader(o));
        Assert.Equal(5, dict.VerbCount);
        Assert.Equal(9, dict.PatternCount);
        var meet = dict.Lookup(Parley.Core.StringStore.Intern("meet"))!;
        Assert.Equal(2, meet.Length);
        Assert.Single(meet[0].Particles);   // the multi-word "meet with" is tried first
        Assert.Equal("040", meet[1].Code);
    }

    [Fact]
    public void A_marker_after_skipped_words_following_a_preposition_is_that_phrases_actor()
    {
        // PETRARCH's '^' skips words of the phrase: "warned at the Gondor of the Prince of Dol Amroth", "first visit to the Kingdom of X".
        var w = new StringWriter();
        PetrarchVerbConverter.Convert(new StringReader("""
            ---  WARN   [160]  ---
            WARN
            - * AT ^ +                                            [162]
            - * FIRST VISIT TO ^ ^ $                              [042]
            """), w);
        var o = w.ToString();
        Assert.Contains("\tpp:at>tgt^\n", o);
        Assert.Contains("\tn:first+visit\tpp:to>src^\n", o);
        Assert.DoesNotContain("obj>tgt", o);
    }

    [Fact]
    public void An_agent_entrys_own_plurals_are_its_forms()
    {
        var w = new StringWriter();
        CameoBuilder.ConvertAgents(new StringReader("""
            GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
            THIEF {THIEVES}[~CRM]
            POLICE {} [~COP]
            """), w, supplement: false);
        var o = w.ToString();
        Assert.Contains("golden_goose\tGGS\n", o);
        Assert.Contains("golden_geese\tGGS\n", o);
        Assert.Contains("thieves\tCRM\n", o);
        Assert.Contains("police\tCOP\n", o);
    }

    [Fact]
    public void Committed_dictionary_counts()
    {
        var v = TestData.Cameo.Verbs;
        Assert.Equal(397 + 8, v.BlockCount);   // PETRARCH2's blocks + the supplement's NEGOTIATE_, ARRIVE_IN_, SUE_, SANCTION_, CARRY_ACT_, TREAT_, TAKE_ON_ and FIRE_
        Assert.True(v.VerbCount > 1700, v.VerbCount.ToString());
        Assert.True(v.PatternCount > 4000, v.PatternCount.ToString());
    }

    [Fact]
    public void Supplement_adds_verbs_replaces_negotiate_and_keeps_both_blocks_of_cancel()
    {
        var v = TestData.Cameo.Verbs;
        var rejoin = v.Lookup(Parley.Core.StringStore.Intern("rejoin"))!;
        Assert.Equal("RESTART", rejoin[0].Block.Name);
        var negotiate = v.Lookup(Parley.Core.StringStore.Intern("negotiate"))!;
        var single = Assert.Single(negotiate);
        Assert.Equal("046", single.Code);
        var cancel = v.Lookup(Parley.Core.StringStore.Intern("cancel"))!;
        Assert.Contains(cancel, e => e.Block.Name == "REVOKE_");
        Assert.Contains(cancel, e => e.Block.Name == "CANCEL");
    }

    [Fact]
    public void Replace_record_drops_earlier_entries_of_the_same_verb()
    {
        var dict = VerbDictionary.Read(new StringReader("B\tA\t040\nB\tB\t046\nV\tA\ttalk\t-\t=\nV\tA\ttalk\twith\t=\nV!\tB\ttalk\t-\t=\n"));
        var talk = dict.Lookup(Parley.Core.StringStore.Intern("talk"))!;
        Assert.Equal(2, talk.Length);
        Assert.Equal("A", talk[0].Block.Name);   // "talk with" kept
        Assert.Equal("046", talk[1].Code);
    }
}
