using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events.Tests;

/// <summary>How PETRARCH reads its own dictionaries (the construction suites' verb files and UD-PETRARCH's internal coding
/// ontology), on hand-built dictionaries and parses with fictional actors.</summary>
public sealed class PetrarchDictionaryTests
{
    private const string Gondor = "Ent=B-GPE|Actor=GON";
    private const string Arnor = "Ent=B-GPE|Actor=ARN";

    private const string Pico = """
        # a few lines of PETR_Validate_Internal_Coding_Ontology_1_01.txt
        010:0x1000#Make Public Statement
        011:0x1000-0xFFFF
        050:0x0080#DiplomaticCoop
        057:0x0087
        110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
        122:-0xFFFF+0x2040+0x300# The 0x300 mask makes these not code
                   # from refuse to request aid but rather
        170:0x10086#0x0087+0xFFFF#0x9000#Coerce
        ---:0
        """;

    [Fact]
    public void Coding_ontology_negates_by_its_not_bits()
    {
        var n = CodeNegations.Read(new StringReader(Pico));
        Assert.Equal("050", n.Negate("110"));   // "won't clash": not disapprove is cooperate
        Assert.Equal("057", n.Negate("170"));   // "will not wire tap"
        Assert.Equal("011", n.Negate("010"));   // "did not comment": decline comment
        Assert.Null(n.Negate("050"));           // no code is "not cooperate" minus the bits: unchanged
        Assert.Null(n.Negate("999"));
        Assert.Equal(-0xFFFF + 0x2040 + 0x300, CodeNegations.Value("-0xFFFF+0x2040+0x300"));
        Assert.Null(CodeNegations.Value("Disapprove"));
    }

    private const string Verbs = """
        &PREPOSIT1_
        +AGAINST
        +ON
        +AT

        --- ACT [100] ---
        ACT
        - * &PREPOSIT1 RESOLUTION  [102]

        --- CLASH [190] ---
        CLASH
        - * (WITH +)  [110]
        """;

    [Fact]
    public void A_set_of_prepositions_opens_a_phrase_and_its_trailing_underscore_is_no_part_of_its_name()
    {
        var w = new StringWriter();
        var report = PetrarchVerbConverter.Convert(new StringReader(Verbs), w);
        Assert.False(report.Dropped.ContainsKey("undefined synonym set"));
        Assert.Contains("\tpp:against/on/at:resolution\n", w.ToString());
    }

    [Fact]
    public void A_target_after_a_skipped_phrase_is_the_nominal_modifier_of_the_prepositions_object()
    {
        // "- * AT ^ +": "Gondor warned at the people of Arnor" -> GON>ARN 162; "at Arnor" alone leaves the pattern unmatched.
        var coder = Coder("""
            --- WARN [160] ---
            WARN
            - * AT ^ +  [162]
            """);
        var doc = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 warned warn VERB 0 root _
            3 at at ADP 5 case _
            4 the the DET 5 det _
            5 people people NOUN 2 obl _
            6 of of ADP 7 case _
            7 Arnor Arnor PROPN 5 nmod {Arnor}
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("GON", "ARN", "162"), (e.Source!.Actor, e.Target!.Actor, e.Cameo));
        var bare = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 warned warn VERB 0 root _
            3 at at ADP 4 case _
            4 Arnor Arnor PROPN 2 obl {Arnor}
            5 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(bare.Events, x => x.Cameo == "162");
    }

    [Fact]
    public void A_compound_marker_after_a_preposition_is_that_phrases_coordinated_targets()
    {
        // "- * WITH % [031]": "Gondor agrees with Arnor and Rohan" -> GON>ARN 031, GON>ROH 031; one partner keeps the verb's 081.
        var coder = Coder("""
            --- AGREE [081] ---
            AGREE
            - * WITH % [031]
            """);
        var doc = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 agrees agree VERB 0 root _
            3 with with ADP 4 case _
            4 Arnor Arnor PROPN 2 obl {Arnor}
            5 and and CCONJ 6 cc _
            6 Rohan Rohan PROPN 4 conj Ent=B-GPE|Actor=ROH
            7 . . PUNCT 2 punct _
            """);
        Assert.Equal(["GON>ARN 031", "GON>ROH 031"], doc.Events.Select(e => $"{e.Source!.Actor}>{e.Target!.Actor} {e.Cameo}").Order());
        var single = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 agrees agree VERB 0 root _
            3 with with ADP 4 case _
            4 Arnor Arnor PROPN 2 obl {Arnor}
            5 . . PUNCT 2 punct _
            """);
        Assert.Equal("081", Assert.Single(single.Events).Cameo);
    }

    /// <summary>A coder under PETRARCH's conventions with a hand-built verb dictionary (and coding ontology).</summary>
    private static EventCoder Coder(string verbs, string? pico = null) =>
        new(CameoData.FromPetrarch(new StringReader(verbs), null, null, ["GON", "ARN"], TestData.Cameo.Ontology, out _,
            pico is null ? null : new StringReader(pico)), new CoderOptions { Conventions = CodingConventions.Petrarch, Synonyms = false });

    private static Document Run(EventCoder coder, string conllu)
    {
        var doc = AnnotatedConllu.Parse("# published = 2019-12-04\n" + conllu);
        coder.Process(doc);
        return doc;
    }

    private static Document Code(string conllu, bool withOntology) => Run(Coder(Verbs, withOntology ? Pico : null), conllu);

    private const string DidNotClash = $"""
        1 Gondor Gondor PROPN 4 nsubj {Gondor}
        2 did do AUX 4 aux _
        3 not not PART 4 advmod _
        4 clash clash VERB 0 root _
        5 with with ADP 6 case _
        6 Arnor Arnor PROPN 4 obl {Arnor}
        7 . . PUNCT 4 punct _
        """;

    [Fact]
    public void A_negated_verb_codes_the_coding_ontologys_not_of_its_pattern_code()
    {
        var e = Assert.Single(Code(DidNotClash, withOntology: true).Events);
        Assert.Equal("050", e.Cameo);
        Assert.Equal("GON", e.Source!.Actor);
        Assert.Equal("ARN", e.Target!.Actor);
        // Without an ontology, PETRARCH2's convention: negation is left to the patterns.
        Assert.Equal("110", Assert.Single(Code(DidNotClash, withOntology: false).Events).Cameo);
    }

    [Fact]
    public void Acting_on_a_resolution_matches_the_preposition_set_pattern()
    {
        var doc = Code($"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 acted act VERB 0 root _
            3 on on ADP 5 case _
            4 a a DET 5 det _
            5 resolution resolution NOUN 2 obl _
            6 against against ADP 7 case _
            7 Arnor Arnor PROPN 5 nmod {Arnor}
            8 . . PUNCT 2 punct _
            """, withOntology: false);
        var e = Assert.Single(doc.Events);
        Assert.Equal("102", e.Cameo);
        Assert.Equal("ARN", e.Target!.Actor);
    }

    [Fact]
    public void A_form_listed_as_a_verb_of_its_own_is_that_verb_not_its_lemmas()
    {
        const string verbs = """
            --- LEAVE [012] ---
            LEAVE

            --- LEFT [032:033] ---
            LEFT

            --- KILL [190] ---
            KILL
            KILLED_AND [193]
            """;
        var coder = Coder(verbs);
        // "left" (lemma "leave") is the dictionary's LEFT: a visit and its hosting, as PETRARCH reads the word as written.
        var left = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 left leave VERB 0 root _
            3 for for ADP 4 case _
            4 Arnor Arnor PROPN 2 obl {Arnor}
            5 . . PUNCT 2 punct _
            """);
        Assert.Contains(left.Events, e => e.Cameo == "032" && e.Source!.Actor == "GON" && e.Target!.Actor == "ARN");
        Assert.DoesNotContain(left.Events, e => e.Cameo == "012");
        // "killed" heads only the multi-word "killed and": without "and" it is the lemma's KILL.
        var killed = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 killed kill VERB 0 root _
            3 Arnor Arnor PROPN 2 obj {Arnor}
            4 . . PUNCT 2 punct _
            """);
        Assert.Equal("190", Assert.Single(killed.Events).Cameo);
    }

    private const string Abandon = """
        &TIETYPES
        +MILITARY
        +ECONOMIC

        --- ABANDON [345] ---
        ABANDON
        - * NEW_&TIETYPES_RELATIONS [903]
        - * ASSURANCES_ON &TIETYPES FROM [913]
        """;

    [Fact]
    public void Words_joined_by_underscores_become_a_sequence_condition()
    {
        var w = new StringWriter();
        PetrarchVerbConverter.Convert(new StringReader(Abandon), w);
        string o = w.ToString();
        Assert.Contains("\tseq:new+&TIETYPES+relations\n", o);
        Assert.Contains("\tseq:assurances+on~&TIETYPES~from\n", o);
    }

    [Fact]
    public void Words_joined_by_underscores_match_only_when_adjacent()
    {
        var coder = Coder(Abandon);
        string Only(string conllu) => Assert.Single(Run(coder, conllu).Events).Cameo;
        Assert.Equal("903", Only($"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 abandoned abandon VERB 0 root _
            3 new new ADJ 5 amod _
            4 economic economic ADJ 5 amod _
            5 relations relation NOUN 2 obj _
            6 with with ADP 7 case _
            7 Arnor Arnor PROPN 5 nmod {Arnor}
            8 . . PUNCT 2 punct _
            """));
        // A word between "new" and "economic relations": PETRARCH's '_' does not match, the block's default does.
        Assert.Equal("345", Only($"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 abandoned abandon VERB 0 root _
            3 new new ADJ 6 amod _
            4 global global ADJ 6 amod _
            5 economic economic ADJ 6 amod _
            6 relations relation NOUN 2 obj _
            7 with with ADP 8 case _
            8 Arnor Arnor PROPN 6 nmod {Arnor}
            9 . . PUNCT 2 punct _
            """));
    }

    [Fact]
    public void A_one_word_condition_matches_the_objects_possessive_as_PETRARCH_reads_the_phrase_in_order()
    {
        var coder = Coder("""
            --- WARN [160] ---
            WARN
            - * THEIR ^ ABOUT +  [162]
            """);
        var e = Assert.Single(Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 warned warn VERB 0 root _
            3 their their PRON 4 nmod:poss _
            4 populations population NOUN 2 obj _
            5 about about ADP 6 case _
            6 Arnor Arnor PROPN 2 obl {Arnor}
            7 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal("162", e.Cameo);
        Assert.Equal("ARN", e.Target!.Actor);
    }

    [Fact]
    public void It_in_what_a_country_reports_is_that_country_under_PETRARCHs_conventions_too()
    {
        var coder = Coder("""
            --- DEPLORE [111] ---
            DEPLORE
            """);
        var e = Assert.Single(Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 indicated indicate VERB 0 root _
            3 it it PRON 4 nsubj _
            4 deplored deplore VERB 2 ccomp _
            5 Arnor Arnor PROPN 4 obj {Arnor}
            6 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal("111", e.Cameo);
        Assert.Equal("GON", e.Source!.Actor);
        Assert.Equal("ARN", e.Target!.Actor);
    }

    [Fact]
    public void An_object_the_parser_made_a_second_subject_of_the_reporting_verb_is_the_reported_verbs_object()
    {
        var coder = Coder("""
            --- WELCOME [041] ---
            WELCOME
            """);
        // "resumption" hung as a subject of "said" beside "agency": it is what "welcome" takes, and its "ties with Arnor" the target.
        var e = Assert.Single(Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 welcomes welcome VERB 11 ccomp _
            3 a a DET 4 det _
            4 resumption resumption NOUN 11 nsubj _
            5 of of ADP 6 case _
            6 ties tie NOUN 4 nmod _
            7 with with ADP 8 case _
            8 Arnor Arnor PROPN 6 nmod {Arnor}
            9 , , PUNCT 11 punct _
            10 agency agency NOUN 11 nsubj _
            11 said say VERB 0 root _
            12 . . PUNCT 11 punct _
            """).Events);
        Assert.Equal("041", e.Cameo);
        Assert.Equal("GON", e.Source!.Actor);
        Assert.Equal("ARN", e.Target!.Actor);
    }

    [Fact]
    public void A_name_the_parser_hung_as_a_compound_of_the_verb_is_its_subject_under_PETRARCHs_conventions()
    {
        var doc = Run(Coder("""
            --- DEPART [040] ---
            DEPART
            """), $"""
            1 Gondor Gondor PROPN 2 compound {Gondor}
            2 departs depart VERB 0 root _
            3 from from ADP 4 case _
            4 Arnor Arnor PROPN 2 obl {Arnor}
            5 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("GON", e.Source!.Actor);
    }

    [Fact]
    public void A_target_before_the_verb_is_the_passive_subject_in_a_passive()
    {
        // "- + WAS * DEAD IN $": "An Arnorian was shot dead in Gondor" -> GON>ARN 224.
        var doc = Run(Coder("""
            --- SHOT [223] ---
            SHOT
            - + WAS * DEAD IN $ [224]
            """), $"""
            1 An a DET 2 det _
            2 Arnorian Arnorian PROPN 4 nsubj:pass {Arnor}
            3 was be AUX 4 aux:pass _
            4 shot shot VERB 0 root _
            5 dead dead ADJ 4 xcomp _
            6 in in ADP 7 case _
            7 Gondor Gondor PROPN 4 obl {Gondor}
            8 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("GON", "ARN", "224"), (e.Source!.Actor, e.Target!.Actor, e.Cameo));
    }

    [Fact]
    public void A_target_before_the_verb_leaves_the_source_to_the_subject_of_the_clause_above()
    {
        // "- NOTED + * [115]": "Gondor noted that Arnor regretted the refusal" -> GON>ARN 115 (Arnor is the target, not the source).
        var coder = Coder("""
            --- REGRET [111] ---
            REGRET
            - NOTED + * [115]
            """);
        var doc = Run(coder, $"""
            1 Gondor Gondor PROPN 2 nsubj {Gondor}
            2 noted note VERB 0 root _
            3 that that SCONJ 5 mark _
            4 Arnor Arnor PROPN 5 nsubj {Arnor}
            5 regretted regret VERB 2 ccomp _
            6 the the DET 7 det _
            7 refusal refusal NOUN 5 obj _
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("GON", "ARN", "115"), (e.Source!.Actor, e.Target!.Actor, e.Cameo));
        // With no clause above there is no one else to be the source: nothing is coded.
        var alone = Run(coder, $"""
            1 Arnor Arnor PROPN 3 nsubj {Arnor}
            2 noted note VERB 3 advmod _
            3 regretted regret VERB 0 root _
            4 the the DET 5 det _
            5 refusal refusal NOUN 3 obj _
            6 . . PUNCT 3 punct _
            """);
        Assert.DoesNotContain(alone.Events, x => x.Cameo == "115");
    }
}
