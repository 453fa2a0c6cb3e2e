using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Purpose clauses, event nouns, light verbs, referring "the talks", refusals and the parser slips the coder repairs, on
/// hand-built parses shaped like the ones the project's parser gives (short CoNLL-U: ID FORM LEMMA UPOS HEAD DEPREL MISC).
/// </summary>
public sealed class EventCoderArgumentTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2019-12-04");

    private const string Taliban = "Ent=B-ORG|Actor=AFGREB|Name=Taliban";
    private const string Khalilzad = "Ent=B-PER|Actor=USAGOV|Name=Zalmay_Khalilzad|Cluster=5";
    private const string Kabul = "Ent=B-LOC|Actor=AFG|Loc=B|Country=AFG";

    [Fact]
    public void Purpose_infinitive_takes_the_matrix_subject_and_place()
    {
        var doc = Code($"""
            1 Khalilzad Khalilzad PROPN 2 nsubj {Khalilzad}
            2 arrived arrive VERB 0 root _
            3 in in ADP 4 case _
            4 Kabul Kabul PROPN 2 obl {Kabul}
            5 to to PART 6 mark _
            6 meet meet VERB 2 advcl _
            7 with with ADP 10 case _
            8 Afghan Afghan ADJ 10 amod Ent=B-ORG|Actor=AFGGOV
            9 government government NOUN 10 compound Ent=I-ORG
            10 officials official NOUN 6 obl Ent=I-ORG
            11 . . PUNCT 2 punct _
            """);
        var visit = Assert.Single(doc.Events, e => e.Cameo == "042");
        Assert.Equal("USAGOV", visit.Source!.Actor);
        Assert.Equal("AFG", visit.Target!.Actor);
        Assert.Equal("Kabul", visit.Place!.Name);
        var meet = Assert.Single(doc.Events, e => e.Cameo == "040");
        Assert.Equal("USAGOV", meet.Source!.Actor);
        Assert.Equal("AFGGOV", meet.Target!.Actor);
        Assert.Equal("Kabul", meet.Place!.Name);
        Assert.Equal(2, doc.Events.Count);
    }

    [Theory]
    [InlineData("VBD", 1)]   // "... after Trump suspended the talks": a fact the intention is dated by
    [InlineData("VBZ", 0)]   // "... after Trump suspends the talks": part of what is intended
    public void Past_clause_after_an_intention_is_presupposed_a_present_one_is_not(string tense, int suspensions)
    {
        // The parser hangs the "after" clause under the intended verb ("resume"), inside the intention's scope.
        var doc = Code(string.Join("\n",
            TestData.Row("1", "Washington", "Washington", "PROPN", "NNP", "2", "nsubj", "Ent=B-LOC|Actor=USA"),
            TestData.Row("2", "intends", "intend", "VERB", "VBZ", "0", "root", "_"),
            TestData.Row("3", "to", "to", "PART", "TO", "4", "mark", "_"),
            TestData.Row("4", "resume", "resume", "VERB", "VB", "2", "xcomp", "_"),
            TestData.Row("5", "talks", "talk", "NOUN", "NNS", "4", "obj", "_"),
            TestData.Row("6", "with", "with", "ADP", "IN", "7", "case", "_"),
            TestData.Row("7", "Taliban", "Taliban", "PROPN", "NNP", "5", "nmod", Taliban),
            TestData.Row("8", "after", "after", "SCONJ", "IN", "10", "mark", "_"),
            TestData.Row("9", "Trump", "Trump", "PROPN", "NNP", "10", "nsubj", "Ent=B-PER|Actor=USAGOV|Name=Donald_Trump"),
            TestData.Row("10", tense == "VBD" ? "suspended" : "suspends", "suspend", "VERB", tense, "4", "advcl", "_"),
            TestData.Row("11", "the", "the", "DET", "DT", "12", "det", "_"),
            TestData.Row("12", "talks", "talk", "NOUN", "NNS", "10", "obj", "_"),
            TestData.Row("13", ".", ".", "PUNCT", ".", "2", "punct", "_")) + "\n");
        Assert.Single(doc.Events, e => e.Cameo == "036");
        Assert.Equal(suspensions, doc.Events.Count(e => e.Cameo.StartsWith("16", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("VBD", true)]   // "Gondor criticized Arnor" with "Gondor" nsubj:pass: a finite past is active
    [InlineData("VBN", false)]  // a participle keeps the parser's passive reading
    public void Passive_subject_of_a_finite_past_without_passive_auxiliary_is_the_active_subject(string xpos, bool active)
    {
        var doc = Code(string.Join("\n",
            TestData.Row("1", "Gondor", "Gondor", "PROPN", "NNP", "2", "nsubj:pass", "Ent=B-GPE|Actor=GON"),
            TestData.Row("2", "criticized", "criticize", "VERB", xpos, "0", "root", "_"),
            TestData.Row("3", "Arnor", "Arnor", "PROPN", "NNP", "2", "obj", "Ent=B-GPE|Actor=ARN"),
            TestData.Row("4", "yesterday", "yesterday", "NOUN", "NN", "2", "obl:unmarked", "_"),
            TestData.Row("5", ".", ".", "PUNCT", ".", "2", "punct", "_")) + "\n");
        Assert.Equal(active, doc.Events.Any(e => e.Source?.Actor == "GON" && e.Target?.Actor == "ARN" && e.Cameo.StartsWith("11", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true, true)]    // "the head of the commission, the minister criticized Arnor": "head" nsubj:pass beside nsubj "minister"
    [InlineData(false, false)]  // the participle alone keeps the parser's passive reading
    public void Passive_subject_beside_an_active_subject_of_the_same_verb_is_a_subject(bool activeSubject, bool coded)
    {
        string row(string id, string form, string lemma, string upos, string tag, string head, string rel, string misc) =>
            $"{id}\t{form}\t{lemma}\t{upos}\t{tag}\t_\t{head}\t{rel}\t_\t{misc}";
        var doc = Code(string.Join("\n",
            row("1", "Gondor", "Gondor", "PROPN", "NNP", "2", "compound", "Ent=B-GPE|Actor=GON"),
            row("2", "head", "head", "NOUN", "NN", "5", "nsubj:pass", "_"),
            row("3", "the", "the", "DET", "DT", "4", "det", "_"),
            row("4", "Brown", "Brown", "PROPN", "NNP", "5", activeSubject ? "nsubj" : "dep", "Ent=B-PER"),
            row("5", "criticized", "criticize", "VERB", "VBN", "0", "root", "_"),
            row("6", "Arnor", "Arnor", "PROPN", "NNP", "5", "obj", "Ent=B-GPE|Actor=ARN"),
            row("7", ".", ".", "PUNCT", ".", "5", "punct", "_")) + "\n");
        Assert.Equal(coded, doc.Events.Any(e => e.Source?.Actor == "GON" && e.Target?.Actor == "ARN" && e.Cameo.StartsWith("11", StringComparison.Ordinal)));
    }

    [Fact]
    public void Second_subject_with_an_actor_is_taken_when_the_first_has_none()
    {
        // "U.S. Special Representative ... Zalmay Khalilzad arrived in Kabul": the parser gives both nouns nsubj.
        var doc = Code($"""
            1 Special special ADJ 2 amod _
            2 Representative Representative PROPN 4 nsubj Ent=B-ORG
            3 Khalilzad Khalilzad PROPN 4 nsubj {Khalilzad}
            4 arrived arrive VERB 0 root _
            5 in in ADP 6 case _
            6 Kabul Kabul PROPN 4 obl {Kabul}
            7 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("Khalilzad", e.Source!.Text);
        Assert.Equal("042", e.Cameo);
    }

    [Fact]
    public void A_coded_organisation_like_title_over_a_named_person_is_that_person()
    {
        // "President of Ukraine Volodymyr Zelenskyy said": the title mention has a code of its own (UKRGOV), the person under it
        // is the speaker.
        var doc = Code($"""
            1 Representative Representative PROPN 3 nsubj Ent=B-ORG|Actor=USAGOV
            2 Khalilzad Khalilzad PROPN 1 flat {Khalilzad}
            3 arrived arrive VERB 0 root _
            4 in in ADP 5 case _
            5 Kabul Kabul PROPN 3 obl {Kabul}
            6 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("Khalilzad", e.Source!.Text);
        Assert.Equal("USAGOV", e.Source!.Actor);
    }

    [Fact]
    public void The_subject_of_the_objects_content_clause_is_a_target()
    {
        // "Iran demanded guarantees that Iraq would be drawn into the talks": the demand is made on Iraq.
        var doc = Code($"""
            1 Iran Iran PROPN 2 nsubj Ent=B-LOC|Actor=IRN|Country=IRN
            2 demanded demand VERB 0 root _
            3 guarantees guarantee NOUN 2 obj _
            4 that that SCONJ 8 mark _
            5 Iraq Iraq PROPN 8 nsubj:pass Ent=B-LOC|Actor=IRQ|Country=IRQ
            6 would would AUX 8 aux _
            7 be be AUX 8 aux:pass _
            8 drawn draw VERB 3 acl _
            9 into into ADP 11 case _
            10 the the DET 11 det _
            11 talks talk NOUN 8 obl _
            12 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events, e => e.Cameo.StartsWith("10", StringComparison.Ordinal));
        Assert.Equal("IRN", e.Source!.Actor);
        Assert.Equal("IRQ", e.Target!.Actor);
    }

    [Fact]
    public void Time_noun_subject_gives_way_to_its_after_phrase()
    {
        // "three months after Trump suspended peace talks with the Taliban" parsed with "months" as subject.
        var doc = Code($"""
            1 three three NUM 2 nummod _
            2 months month NOUN 5 nsubj _
            3 after after ADP 4 case _
            4 Trump Trump PROPN 2 nmod Ent=B-PER|Actor=USAGOV
            5 suspended suspend VERB 0 root _
            6 peace peace NOUN 7 compound _
            7 talks talk NOUN 5 obj _
            8 with with ADP 10 case _
            9 the the DET 10 det _
            10 Taliban Taliban PROPN 7 nmod {Taliban}
            11 . . PUNCT 5 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("USAGOV", e.Source!.Actor);
        Assert.Equal("AFGREB", e.Target!.Actor);
        Assert.Equal("160", e.Cameo);
    }

    [Fact]
    public void Subject_swallowed_by_a_fronted_phrase_is_recovered_and_will_rejoin_talks_is_intent()
    {
        // "In Doha, Ambassador Khalilzad will rejoin talks with the Taliban": the parser coordinates Khalilzad with Doha.
        var doc = Code($"""
            1 In in ADP 2 case _
            2 Doha Doha PROPN 7 obl Ent=B-LOC|Actor=QAT|Loc=B|Country=QAT
            3 , , PUNCT 5 punct _
            4 Ambassador Ambassador PROPN 5 compound _
            5 Khalilzad Khalilzad PROPN 2 conj {Khalilzad}
            6 will will AUX 7 aux _
            7 rejoin rejoin VERB 0 root _
            8 talks talk NOUN 7 obj _
            9 with with ADP 11 case _
            10 the the DET 11 det _
            11 Taliban Taliban PROPN 7 obl {Taliban}
            12 . . PUNCT 7 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("USAGOV", e.Source!.Actor);
        Assert.Equal("AFGREB", e.Target!.Actor);
        Assert.Equal("036", e.Cameo);
        Assert.Equal("Doha", e.Place!.Name);
    }

    [Fact]
    public void Refusing_to_negotiate_is_its_own_reject_code_with_a_vocative_subject()
    {
        // "The Taliban, who control ..., refuse to negotiate with the official Kabul": subject parsed as vocative.
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 6 vocative {Taliban}
            3 , , PUNCT 2 punct _
            4 who who PRON 5 nsubj _
            5 control control NOUN 6 nsubj _
            6 refuse refuse VERB 0 root _
            7 to to PART 8 mark _
            8 negotiate negotiate VERB 6 xcomp _
            9 with with ADP 12 case _
            10 the the DET 12 det _
            11 official official ADJ 12 amod Ent=B-ORG|Actor=AFGGOV
            12 Kabul Kabul PROPN 8 obl Ent=I-ORG
            13 . . PUNCT 6 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFGREB", e.Source!.Actor);
        Assert.Equal("AFGGOV", e.Target!.Actor);
        Assert.Equal("125", e.Cameo);
        Assert.False(e.Negated);
    }

    [Fact]
    public void Passive_governor_passes_its_subject_to_the_complement()
    {
        var doc = Code($"""
            1 He he PRON 3 nsubj:pass Ent=B-PER|Cluster=5|Via=coref:pronoun
            2 is be AUX 3 aux:pass _
            3 scheduled schedule VERB 0 root _
            4 to to PART 5 mark _
            5 meet meet VERB 3 xcomp _
            6 with with ADP 8 case _
            7 Afghan Afghan ADJ 8 amod Ent=B-ORG|Actor=AFGGOV
            8 officials official NOUN 5 obl Ent=I-ORG
            9 . . PUNCT 3 punct _

            1 Khalilzad Khalilzad PROPN 2 nsubj {Khalilzad}
            2 spoke speak VERB 0 root _
            3 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("He", e.Source!.Text);
        Assert.Equal("USAGOV", e.Source.Actor);
        Assert.Equal("AFGGOV", e.Target!.Actor);
        // A scheduled meeting has not happened yet: the intent to meet (036), as for "will meet".
        Assert.Equal("036", e.Cameo);
    }

    [Fact]
    public void Nominal_meeting_takes_the_clause_subject_and_the_place_hung_on_its_partner()
    {
        // "Trump said last Thursday during a meeting with Afghan President Ashraf Ghani at Bagram Air Base."
        var doc = Code("""
            1 Trump Trump PROPN 2 nsubj Ent=B-PER|Actor=USAGOV
            2 said say VERB 0 root _
            3 Thursday Thursday PROPN 2 obl:unmarked Date=2019-11-28
            4 during during ADP 6 case _
            5 a a DET 6 det _
            6 meeting meeting NOUN 2 obl _
            7 with with ADP 8 case _
            8 Ghani Ghani PROPN 6 nmod Ent=B-PER|Actor=AFGGOV
            9 at at ADP 11 case _
            10 Bagram Bagram PROPN 11 compound Ent=B-LOC|Actor=AFG|Loc=B|Country=AFG
            11 Base base NOUN 8 nmod Ent=I-LOC|Loc=I
            12 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("USAGOV", e.Source!.Actor);
        Assert.Equal("AFGGOV", e.Target!.Actor);
        Assert.Equal("040", e.Cameo);
        Assert.Equal("Bagram Base", e.Place!.Name);
        Assert.Equal("2019-11-28", e.Date);
        Assert.Equal("040:n:meeting", e.Rule);
    }

    [Fact]
    public void Possessor_of_a_visit_is_its_source_and_nominals_need_a_named_partner()
    {
        var doc = Code("""
            1 topics topic NOUN 2 nsubj _
            2 raised raise VERB 0 root _
            3 during during ADP 6 case _
            4 Trump Trump PROPN 6 nmod:poss Ent=B-PER|Actor=USAGOV
            5 's 's PART 4 case _
            6 visit visit NOUN 2 obl _
            7 to to ADP 8 case _
            8 Afghanistan Afghanistan PROPN 6 nmod Ent=B-LOC|Actor=AFG
            9 . . PUNCT 2 punct _

            1 Officials official NOUN 2 nsubj _
            2 spoke speak VERB 0 root _
            3 during during ADP 5 case _
            4 intra-Afghan intra-Afghan ADJ 5 amod Ent=B-MISC|Actor=AFG
            5 negotiations negotiation NOUN 2 obl _
            6 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("USAGOV", e.Source!.Actor);
        Assert.Equal("AFG", e.Target!.Actor);
        Assert.Equal("042", e.Cameo);
    }

    [Fact]
    public void A_visit_still_to_come_is_no_event()
    {
        // "Officials met ahead of Trump's visit to Afghanistan": the visit has not happened (the parser hangs "ahead of X" as
        // an adverb with X its oblique); "during" it, it has (the test above).
        var doc = Code("""
            1 Officials official NOUN 2 nsubj _
            2 met meet VERB 0 root _
            3 ahead ahead ADV 2 advmod _
            4 of of ADP 7 case _
            5 Trump Trump PROPN 7 nmod:poss Ent=B-PER|Actor=USAGOV
            6 's 's PART 5 case _
            7 visit visit NOUN 3 obl _
            8 to to ADP 9 case _
            9 Afghanistan Afghanistan PROPN 7 nmod Ent=B-LOC|Actor=AFG
            10 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo == "042");
    }

    [Fact]
    public void Attack_noun_is_the_agent_of_its_relative_clause_and_including_names_the_victim()
    {
        // "a Taliban attack in Kabul that killed several people, including a US soldier"
        var doc = Code($"""
            1 This this PRON 2 nsubj _
            2 came come VERB 0 root _
            3 after after ADP 6 case _
            4 a a DET 6 det _
            5 Taliban Taliban PROPN 6 compound {Taliban}
            6 attack attack NOUN 2 obl _
            7 in in ADP 8 case _
            8 Kabul Kabul PROPN 6 nmod {Kabul}
            9 that that PRON 10 nsubj _
            10 killed kill VERB 6 acl:relcl _
            11 several several ADJ 12 amod _
            12 people people NOUN 10 obj _
            13 , , PUNCT 17 punct _
            14 including include VERB 17 case _
            15 a a DET 17 det _
            16 US US PROPN 17 compound Ent=B-ORG|Actor=USAMIL
            17 soldier soldier NOUN 10 obl Ent=I-ORG
            18 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFGREB", e.Source!.Actor);
        Assert.Equal("USAMIL", e.Target!.Actor);
        Assert.Equal(4, e.QuadClass);
        Assert.Equal("Kabul", e.Place!.Name);
    }

    [Fact]
    public void Light_verb_takes_the_code_of_its_event_noun_and_the_talks_refer_back_to_their_partner()
    {
        var doc = Code($"""
            1 Khalilzad Khalilzad PROPN 2 nsubj {Khalilzad}
            2 led lead VERB 0 root _
            3 nine nine NUM 4 nummod _
            4 rounds round NOUN 2 obj _
            5 of of ADP 6 case _
            6 talks talk NOUN 4 nmod _
            7 with with ADP 9 case _
            8 the the DET 9 det _
            9 Taliban Taliban PROPN 6 nmod {Taliban}
            10 in in ADP 11 case _
            11 Qatar Qatar PROPN 6 nmod Ent=B-LOC|Actor=QAT|Loc=B|Country=QAT
            12 . . PUNCT 2 punct _

            1 Trump Trump PROPN 2 nsubj Ent=B-PER|Actor=USAGOV
            2 canceled cancel VERB 0 root _
            3 the the DET 4 det _
            4 talks talk NOUN 2 obj _
            5 . . PUNCT 2 punct _
            """);
        Assert.Equal(2, doc.Events.Count);
        var talks = doc.Events[0];
        Assert.Equal(("USAGOV", "AFGREB", "046"), (talks.Source!.Actor, talks.Target!.Actor, talks.Cameo));
        Assert.Equal("Qatar", talks.Place!.Name);
        var cancel = doc.Events[1];
        Assert.Equal(1, cancel.Sentence);
        Assert.Equal(("USAGOV", "AFGREB"), (cancel.Source!.Actor, cancel.Target!.Actor));
        Assert.Equal("16", cancel.Cameo[..2]);
    }

    [Fact]
    public void Purpose_clause_inside_a_promise_is_not_an_event_of_its_own()
    {
        // "the group has promised to abide by a ceasefire to facilitate their withdrawal from the country"
        var doc = Code($"""
            1 the the DET 2 det _
            2 group group NOUN 4 nsubj Ent=B-ORG|Actor=AFGREB
            3 has have AUX 4 aux _
            4 promised promise VERB 0 root _
            5 to to PART 6 mark _
            6 abide abide VERB 4 xcomp _
            7 by by ADP 8 case _
            8 ceasefire ceasefire NOUN 6 obl _
            9 to to PART 10 mark _
            10 facilitate facilitate VERB 6 advcl _
            11 their their PRON 12 nmod:poss _
            12 withdrawal withdrawal NOUN 10 obj _
            13 from from ADP 15 case _
            14 the the DET 15 det _
            15 country country NOUN 10 obl Ent=B-LOC|Actor=AFG
            16 . . PUNCT 4 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("06", StringComparison.Ordinal) || e.Cameo.StartsWith("031", StringComparison.Ordinal));
    }

    [Fact]
    public void Lemma_left_inflected_is_found_through_the_dictionary_s_irregular_forms()
    {
        // The lemmatizer sometimes leaves "shot" as "shot"; PETRARCH2 lists it among shoot's irregular forms.
        var doc = Code("""
            1 Israeli Israeli ADJ 2 amod Ent=B-ORG|Actor=ISRMIL
            2 soldiers soldier NOUN 3 nsubj Ent=I-ORG
            3 shot shot VERB 0 root _
            4 five five NUM 5 nummod _
            5 Palestinians Palestinian PROPN 3 obj Ent=B-MISC|Actor=PSE
            6 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("ISRMIL", "PSE", "190"), (e.Source!.Actor, e.Target!.Actor, e.Cameo));
        Assert.Equal("190:shoot", e.Rule);
    }

    [Fact]
    public void Sentence_about_this_takes_the_previous_sentence_s_date_at_month_grain()
    {
        var doc = Code($"""
            1 Trump Trump PROPN 2 nsubj Ent=B-PER|Actor=USAGOV
            2 spoke speak VERB 0 root _
            3 on on ADP 4 case _
            4 September September PROPN 2 obl Date=2019-09-07
            5 . . PUNCT 2 punct _

            1 This this PRON 2 nsubj _
            2 came come VERB 0 root _
            3 after after ADP 6 case _
            4 a a DET 6 det _
            5 Taliban Taliban PROPN 6 compound {Taliban}
            6 attack attack NOUN 2 obl _
            7 that that PRON 8 nsubj _
            8 killed kill VERB 6 acl:relcl _
            9 US US PROPN 10 compound Ent=B-ORG|Actor=USAMIL
            10 soldiers soldier NOUN 8 obj Ent=I-ORG
            11 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("2019-09", e.Date);
    }

    [Fact]
    public void Event_noun_subject_of_a_verb_of_occurrence_is_coded_unless_it_did_not_happen()
    {
        var doc = Code("""
            1 Johnson Johnson PROPN 3 nmod:poss Ent=B-PER|Actor=GBRGOV
            2 's 's PART 1 case _
            3 visit visit NOUN 6 nsubj _
            4 to to ADP 5 case _
            5 Washington Washington PROPN 3 nmod Ent=B-LOC|Actor=USA|Loc=B|Country=USA
            6 lasted last VERB 0 root _
            7 two two NUM 8 nummod _
            8 days day NOUN 6 obl:unmarked _
            9 . . PUNCT 6 punct _

            1 Iran Iran PROPN 4 nmod:poss Ent=B-LOC|Actor=IRN
            2 's 's PART 1 case _
            3 planned plan VERB 4 amod _
            4 visit visit NOUN 6 nsubj _
            5 then then ADV 6 advmod _
            6 began begin VERB 0 root _
            7 . . PUNCT 6 punct _

            1 Johnson Johnson PROPN 3 nmod:poss Ent=B-PER|Actor=GBRGOV
            2 's 's PART 1 case _
            3 visit visit NOUN 4 nsubj _
            4 angered anger VERB 0 root _
            5 Washington Washington PROPN 4 obj Ent=B-LOC|Actor=USA
            6 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events, x => x.Cameo == "042");
        Assert.Equal(0, e.Sentence);
        Assert.Equal(("GBRGOV", "USA"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Equal("Washington", e.Place!.Name);
    }

    [Fact]
    public void A_to_infinitive_labelled_advcl_under_an_intention_verb_is_its_complement()
    {
        // "Washington intends to resume negotiations with the Taliban", the infinitive mislabelled as a purpose clause
        var doc = Code($"""
            1 Washington Washington PROPN 2 nsubj Ent=B-LOC|Actor=USA
            2 intends intend VERB 0 root _
            3 to to PART 4 mark _
            4 resume resume VERB 2 advcl _
            5 negotiations negotiation NOUN 4 obj _
            6 with with ADP 8 case _
            7 the the DET 8 det _
            8 Taliban Taliban PROPN 5 nmod {Taliban}
            9 . . PUNCT 2 punct _
            """);
        var intent = Assert.Single(doc.Events);
        Assert.Equal("036", intent.Cameo);
        Assert.Equal("USA", intent.Source!.Actor);
        Assert.Equal("AFGREB", intent.Target!.Actor);
    }

    [Fact]
    public void A_title_finds_the_persons_name_hung_one_level_below_it()
    {
        // "Special Representative for Reconciliation Zalmay Khalilzad arrived in Kabul": the name flat under "Reconciliation"
        var doc = Code($"""
            1 Special special ADJ 2 amod _
            2 Representative Representative PROPN 7 nsubj _
            3 for for ADP 4 case _
            4 Reconciliation Reconciliation PROPN 2 nmod _
            5 Zalmay Zalmay PROPN 4 flat {Khalilzad}
            6 Khalilzad Khalilzad PROPN 5 flat Ent=I-PER
            7 arrived arrive VERB 0 root _
            8 in in ADP 9 case _
            9 Kabul Kabul PROPN 7 obl {Kabul}
            10 . . PUNCT 7 punct _
            """);
        var visit = Assert.Single(doc.Events);
        Assert.Equal("042", visit.Cameo);
        Assert.Equal("USAGOV", visit.Source!.Actor);
        Assert.Equal("AFG", visit.Target!.Actor);
    }

    [Fact]
    public void A_subject_swallowed_as_flat_under_a_fronted_place_is_found()
    {
        // "In Doha, Ambassador Khalilzad will meet the Taliban": the subject hung as flat under "Doha"
        var doc = Code($"""
            1 In in ADP 2 case _
            2 Doha Doha PROPN 7 obl Ent=B-LOC|Actor=QAT|Loc=B|Country=QAT
            3 , , PUNCT 2 punct _
            4 Ambassador Ambassador PROPN 5 compound {Khalilzad}
            5 Khalilzad Khalilzad PROPN 2 flat Ent=I-PER
            6 will will AUX 7 aux _
            7 meet meet VERB 0 root _
            8 the the DET 9 det _
            9 Taliban Taliban PROPN 7 obj {Taliban}
            10 . . PUNCT 7 punct _
            """);
        var meeting = Assert.Single(doc.Events);
        Assert.Equal("USAGOV", meeting.Source!.Actor);
        Assert.Equal("AFGREB", meeting.Target!.Actor);
    }

    [Fact]
    public void The_one_urged_is_the_target_not_an_actor_of_the_complement()
    {
        // "Khalilzad urged the Taliban to respond to Kabul's proposals", the object read as iobj.
        var doc = Code($"""
            1 Khalilzad Khalilzad PROPN 2 nsubj {Khalilzad}
            2 urged urge VERB 0 root _
            3 the the DET 4 det _
            4 Taliban Taliban PROPN 2 iobj {Taliban}
            5 to to PART 6 mark _
            6 respond respond VERB 2 xcomp _
            7 to to ADP 10 case _
            8 Kabul Kabul PROPN 10 nmod:poss {Kabul}
            9 's 's PART 8 case _
            10 proposals proposal NOUN 6 obl _
            11 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFGREB", e.Target!.Actor);
    }

    [Fact]
    public void A_passive_participle_tagged_as_an_adjective_is_still_a_passive_verb()
    {
        // "Kabul was criticized by the Taliban", "criticized" tagged ADJ under the parser's passive relations.
        var doc = Code($"""
            1 Kabul Kabul PROPN 3 nsubj:pass {Kabul}
            2 was be AUX 3 aux:pass _
            3 criticized criticized ADJ 0 root _
            4 by by ADP 6 case _
            5 the the DET 6 det _
            6 Taliban Taliban PROPN 3 obl {Taliban}
            7 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("AFGREB", "AFG"), (e.Source!.Actor, e.Target!.Actor));
        Assert.StartsWith("11", e.Cameo);
    }

    [Fact]
    public void An_infinitive_s_object_hung_on_its_adjective_is_still_its_object()
    {
        // "The Taliban are about to attack complete, full government convoys of Kabul": "convoys" a plain obl of "about".
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 4 nsubj {Taliban}
            3 are be AUX 4 cop _
            4 about about ADJ 0 root _
            5 to to PART 6 mark _
            6 attack attack VERB 4 xcomp _
            7 complete complete ADJ 11 amod _
            8 , , PUNCT 7 punct _
            9 full full ADJ 11 amod _
            10 government government NOUN 11 compound _
            11 convoys convoy NOUN 4 obl _
            12 of of ADP 13 case _
            13 Kabul Kabul PROPN 11 nmod {Kabul}
            14 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFG", e.Target!.Actor![..3]);
    }

    [Fact]
    public void A_participle_read_as_a_copular_adjective_with_a_by_phrase_is_a_passive()
    {
        // "Kabul was criticized earlier by the Taliban", parsed as copula + adjective.
        var doc = Code($"""
            1 Kabul Kabul PROPN 3 nsubj {Kabul}
            2 was be AUX 3 cop _
            3 criticized criticized ADJ 0 root _
            4 earlier early ADV 3 advmod _
            5 by by ADP 7 case _
            6 the the DET 7 det _
            7 Taliban Taliban PROPN 3 obl {Taliban}
            8 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("AFGREB", "AFG"), (e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_pattern_word_may_be_an_adjective_of_the_object()
    {
        // "The Taliban restarted diplomatic contacts with Kabul": the dictionary's "- * DIPLOMATIC" reads the object
        // phrase's words, as PETRARCH does, so "diplomatic" before "contacts" matches it.
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 restarted restart VERB 0 root _
            4 diplomatic diplomatic ADJ 5 amod _
            5 contacts contact NOUN 3 obj _
            6 with with ADP 7 case _
            7 Kabul Kabul PROPN 5 nmod {Kabul}
            8 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("050", e.Cameo);
    }
}
