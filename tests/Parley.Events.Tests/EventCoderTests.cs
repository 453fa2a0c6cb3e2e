using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>Each linguistic case on hand-built parses (short CoNLL-U: ID FORM LEMMA UPOS HEAD DEPREL MISC).</summary>
public sealed class EventCoderTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2019-12-04");

    private const string Taliban = "Ent=B-ORG|Actor=AFGREB|Name=Taliban";

    [Fact]
    public void Active_clause_gives_subject_to_object_with_place_and_date()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attacked attack VERB 0 root _
            4 Afghan Afghan ADJ 5 amod Ent=B-NORP|Actor=AFG
            5 troops troop NOUN 3 obj _
            6 in in ADP 7 case _
            7 Kabul Kabul PROPN 3 obl Ent=B-LOC|Actor=AFG|Loc=B|Country=AFG
            8 on on ADP 9 case _
            9 Tuesday Tuesday PROPN 3 obl Date=2019-12-03
            10 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFGREB", e.Source!.Actor);
        Assert.Equal("AFG", e.Source.Country);
        Assert.Equal("AFGMIL", e.Target!.Actor);
        Assert.Equal("Afghan troops", e.Target.Text);
        Assert.Equal("190", e.Cameo);
        Assert.Equal("ASSAULT", e.Plover);
        Assert.Equal(4, e.QuadClass);
        Assert.Equal(-10.0, e.Goldstein);
        Assert.Equal("Kabul", e.Place!.Name);
        Assert.Equal("2019-12-03", e.Date);
        Assert.False(e.Negated);
        Assert.Equal("190:attack", e.Rule);
        Assert.Equal(0, e.EvidenceStart);
        Assert.Equal(doc.Sentences[0].End, e.EvidenceEnd);
        Assert.Equal("attacked", doc.Text[e.TriggerStart..e.TriggerEnd]);
    }

    [Fact]
    public void Passive_with_by_agent_makes_the_agent_the_source()
    {
        var doc = Code($"""
            1 Afghan Afghan ADJ 2 amod Ent=B-NORP|Actor=AFG
            2 troops troop NOUN 4 nsubj:pass _
            3 were be AUX 4 aux:pass _
            4 attacked attack VERB 0 root _
            5 by by ADP 7 case _
            6 the the DET 7 det _
            7 Taliban Taliban PROPN 4 obl:agent {Taliban}
            8 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("AFGREB", e.Source!.Actor);
        Assert.Equal("AFGMIL", e.Target!.Actor);
        Assert.Equal("2019-12-04", e.Date);
    }

    [Fact]
    public void Negated_event_is_not_coded()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 5 nsubj {Taliban}
            3 did do AUX 5 aux _
            4 not not PART 5 advmod _
            5 attack attack VERB 0 root _
            6 Afghan Afghan ADJ 7 amod Ent=B-NORP|Actor=AFG
            7 troops troop NOUN 5 obj _
            8 . . PUNCT 5 punct _
            """);
        // "did not attack" is no attack: CAMEO codes what happened.
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Petrarch_conventions_keep_a_negated_event_with_its_flag()
    {
        var doc = AnnotatedConllu.Parse($"""
            # published = 2019-12-04
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 5 nsubj {Taliban}
            3 did do AUX 5 aux _
            4 not not PART 5 advmod _
            5 attack attack VERB 0 root _
            6 Afghan Afghan ADJ 7 amod Ent=B-NORP|Actor=AFG
            7 troops troop NOUN 5 obj _
            8 . . PUNCT 5 punct _
            """);
        new EventCoder(TestData.Cameo, new CoderOptions { Conventions = CodingConventions.Petrarch }).Process(doc);
        var e = Assert.Single(doc.Events);
        Assert.True(e.Negated);
        Assert.Equal("190", e.Cameo);
    }

    [Fact]
    public void Refusing_to_meet_is_a_reject_event_not_a_negated_meeting()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 refused refuse VERB 0 root _
            4 to to PART 5 mark _
            5 meet meet VERB 3 xcomp _
            6 US US PROPN 7 compound Ent=B-GPE|Actor=USA
            7 officials official NOUN 5 obj _
            8 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("125", e.Cameo);
        Assert.Equal("REJECT", e.Plover);
        Assert.False(e.Negated);
        Assert.Equal("AFGREB", e.Source!.Actor);
        Assert.Equal("USAGOV", e.Target!.Actor);   // "US officials": country + agent noun
        Assert.Equal("125:refuse>meet", e.Rule);
    }

    [Fact]
    public void Intending_to_resume_negotiations_is_intent_to_negotiate()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 intends intend VERB 0 root _
            4 to to PART 5 mark _
            5 resume resume VERB 3 xcomp _
            6 negotiations negotiation NOUN 5 obj _
            7 with with ADP 10 case _
            8 the the DET 10 det _
            9 United United PROPN 10 compound Ent=B-GPE|Actor=USA
            10 States States PROPN 5 obl Ent=I-GPE
            11 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("036", e.Cameo);
        Assert.Equal("AGREE", e.Plover);
        Assert.Equal("USA", e.Target!.Actor);
        Assert.Equal("United States", e.Target.Text);
    }

    [Fact]
    public void Modal_may_is_a_possibility_not_an_event()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 4 nsubj {Taliban}
            3 may may AUX 4 aux _
            4 resume resume VERB 0 root _
            5 talks talk NOUN 4 obj _
            6 with with ADP 7 case _
            7 Washington Washington PROPN 4 obl Ent=B-GPE|Actor=USAGOV
            8 . . PUNCT 4 punct _
            """);
        // "may resume talks" is speculation about the Taliban, not their stated intent.
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Reported_speech_codes_the_reported_event_not_the_statement()
    {
        var doc = Code($"""
            1 Officials official NOUN 2 nsubj Ent=B-ORG|Actor=USAGOV
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 Taliban Taliban PROPN 5 nsubj {Taliban}
            5 attacked attack VERB 2 ccomp _
            6 Afghan Afghan ADJ 7 amod Ent=B-NORP|Actor=AFG
            7 troops troop NOUN 5 obj _
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("190", e.Cameo);
        Assert.Equal("AFGREB", e.Source!.Actor);
    }

    [Fact]
    public void Coordinated_actors_give_one_event_per_pair()
    {
        var doc = Code("""
            1 The the DET 2 det _
            2 US US PROPN 5 nsubj Ent=B-GPE|Actor=USA
            3 and and CCONJ 4 cc _
            4 Britain Britain PROPN 2 conj Ent=B-GPE|Actor=GBR
            5 condemned condemn VERB 0 root _
            6 Iran Iran PROPN 5 obj Ent=B-GPE|Actor=IRN
            7 and and CCONJ 8 cc _
            8 Syria Syria PROPN 6 conj Ent=B-GPE|Actor=SYR
            9 . . PUNCT 5 punct _
            """);
        Assert.Equal(4, doc.Events.Count);
        var pairs = new HashSet<string>();
        foreach (var e in doc.Events) { pairs.Add(e.Source!.Actor + ">" + e.Target!.Actor); Assert.Equal("111", e.Cameo); }
        Assert.Equal(new HashSet<string> { "USA>IRN", "USA>SYR", "GBR>IRN", "GBR>SYR" }, pairs);
    }

    [Fact]
    public void Pronoun_takes_the_actor_of_its_coreference_cluster()
    {
        var doc = Code("""
            1 Khalilzad Khalilzad PROPN 2 nsubj Ent=B-PER|Actor=USAGOV|Cluster=1|Name=Zalmay_Khalilzad
            2 arrived arrive VERB 0 root _
            3 . . PUNCT 2 punct _

            1 He he PRON 2 nsubj Ent=B-PER|Cluster=1|Via=coref:pronoun
            2 criticized criticize VERB 0 root _
            3 the the DET 4 det _
            4 Taliban Taliban PROPN 2 obj Ent=B-ORG|Actor=AFGREB
            5 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(1, e.Sentence);
        Assert.Equal("He", e.Source!.Text);
        Assert.Equal("USAGOV", e.Source.Actor);
        Assert.Equal("Zalmay Khalilzad", e.Source.Name);
        Assert.Equal("111", e.Cameo);
    }

    [Fact]
    public void Questions_give_no_event()
    {
        var doc = Code($"""
            1 Did do AUX 3 aux _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attack attack VERB 0 root _
            4 Afghan Afghan ADJ 5 amod Ent=B-NORP|Actor=AFG
            5 troops troop NOUN 3 obj SpaceAfter=No
            6 ? ? PUNCT 3 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Hypotheticals_give_no_event()
    {
        var doc = Code($"""
            1 If if SCONJ 3 mark _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attack attack VERB 7 advcl _
            4 Kabul Kabul PROPN 3 obj Ent=B-LOC|Actor=AFG
            5 , , PUNCT 3 punct _
            6 Washington Washington PROPN 7 nsubj Ent=B-GPE|Actor=USAGOV
            7 would would AUX 8 aux _
            8 strike strike VERB 0 root _
            9 them they PRON 8 obj Ent=B-ORG|Actor=AFGREB|Via=coref:pronoun
            10 . . PUNCT 8 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Nouns_alone_do_not_trigger_violence()
    {
        var doc = Code("""
            1 The the DET 2 det _
            2 government government NOUN 3 nsubj Ent=B-ORG|Actor=AFGGOV
            3 reported report VERB 0 root _
            4 a a DET 5 det _
            5 decrease decrease NOUN 3 obj _
            6 in in ADP 8 case _
            7 the the DET 8 det _
            8 level level NOUN 5 nmod _
            9 of of ADP 10 case _
            10 violence violence NOUN 8 nmod _
            11 . . PUNCT 3 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.QuadClass == 4);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Events_without_a_coded_target_are_dropped()
    {
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attacked attack VERB 0 root _
            4 a a DET 5 det _
            5 checkpoint checkpoint NOUN 3 obj _
            6 . . PUNCT 3 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Trace_explains_kept_and_dropped_candidates()
    {
        var doc = AnnotatedConllu.Parse($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attacked attack VERB 0 root _
            4 a a DET 5 det _
            5 checkpoint checkpoint NOUN 3 obj _
            6 . . PUNCT 3 punct _
            """);
        var w = new StringWriter();
        TestData.Coder.Code(doc, new ExplainWriter(w));
        string text = w.ToString();
        Assert.Contains("attack", text);
        Assert.Contains("dropped", text);
        Assert.Contains("has no actor code", text);
    }

    [Fact]
    public void Agreeing_to_withdraw_is_intent_to_de_escalate()
    {
        var doc = Code("""
            1 The the DET 3 det _
            2 United United PROPN 3 compound Ent=B-GPE|Actor=USA
            3 States States PROPN 4 nsubj Ent=I-GPE
            4 agreed agree VERB 0 root _
            5 to to PART 6 mark _
            6 withdraw withdraw VERB 4 xcomp _
            7 troops troop NOUN 6 obj _
            8 from from ADP 9 case _
            9 Afghanistan Afghanistan PROPN 6 obl Ent=B-GPE|Actor=AFG
            10 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.StartsWith("035", e.Cameo);
        Assert.Equal("USA", e.Source!.Actor);
        Assert.Equal("AFG", e.Target!.Actor);
        Assert.Equal(1, e.QuadClass);
    }

    [Fact]
    public void Multi_word_verb_meet_with_takes_the_with_phrase_as_target()
    {
        var doc = Code($"""
            1 Khalilzad Khalilzad PROPN 2 nsubj Ent=B-PER|Actor=USAGOV
            2 met meet VERB 0 root _
            3 with with ADP 5 case _
            4 the the DET 5 det _
            5 Taliban Taliban PROPN 2 obl {Taliban}
            6 in in ADP 7 case _
            7 Doha Doha PROPN 2 obl Ent=B-LOC|Actor=QAT|Loc=B|Country=QAT
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("040", e.Cameo);
        Assert.Equal("CONSULT", e.Plover);
        Assert.Equal("040:meet+with", e.Rule);
        Assert.Equal("AFGREB", e.Target!.Actor);
        Assert.Equal("QAT", e.Place!.Country);
    }

    [Fact]
    public void Will_attack_is_a_threat_and_could_attack_is_nothing()
    {
        static string Sentence(string modal) => $"""
            1 Iran Iran PROPN 3 nsubj Ent=B-GPE|Actor=IRN
            2 {modal} {modal} AUX 3 aux _
            3 attack attack VERB 0 root _
            4 Israel Israel PROPN 3 obj Ent=B-GPE|Actor=ISR
            5 . . PUNCT 3 punct _
            """;
        Assert.Equal("138", Assert.Single(Code(Sentence("will")).Events).Cameo);
        Assert.Empty(Code(Sentence("could")).Events);
    }

    [Fact]
    public void Discarded_sentences_are_not_coded()
    {
        var doc = Code("""
            1 Brazil Brazil PROPN 2 nsubj Ent=B-GPE|Actor=BRA
            2 defeated defeat VERB 0 root _
            3 Argentina Argentina PROPN 2 obj Ent=B-GPE|Actor=ARG
            4 in in ADP 6 case _
            5 the the DET 6 det _
            6 football football NOUN 2 obl _
            7 match match NOUN 6 compound _
            8 . . PUNCT 2 punct _
            """);
        Assert.Empty(doc.Events);
    }

    private const string Ghani = "Ent=B-PER|Actor=AFGGOV|Name=Ashraf_Ghani";

    [Fact]
    public void A_date_of_what_was_said_does_not_date_the_saying()
    {
        // "Exports higher in 2018, Ghani said" (a headline's verbless clause): 2018 dates the exports, the statement is of
        // the publication day.
        var doc = Code($"""
            1 Exports export NOUN 2 nsubj _
            2 higher high ADJ 7 ccomp _
            3 in in ADP 4 case _
            4 2018 2018 NUM 2 obl Date=2018
            5 , , PUNCT 2 punct _
            6 Ghani Ghani PROPN 7 nsubj {Ghani}
            7 said say VERB 0 root _
            8 . . PUNCT 7 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("010", e.Cameo);
        Assert.Equal("2019-12-04", e.Date);
    }

    [Fact]
    public void A_date_right_after_the_speech_verb_dates_the_saying_though_parsed_into_the_content()
    {
        // "Ghani said yesterday the talks were useless": the parser hangs "yesterday" on "useless", but it opens the clause.
        var doc = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 said say VERB 0 root _
            3 yesterday yesterday NOUN 7 obl:unmarked Date=2019-12-03
            4 the the DET 5 det _
            5 talks talk NOUN 7 nsubj _
            6 were be AUX 7 cop _
            7 useless useless ADJ 2 ccomp _
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("2019-12-03", e.Date);
    }

    [Fact]
    public void An_object_denied_by_no_is_no_event_but_a_speech_verb_keeps_its_content()
    {
        var denied = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 3 nsubj {Taliban}
            3 attacked attack VERB 0 root _
            4 no no DET 6 det _
            5 Afghan Afghan ADJ 6 amod Ent=B-NORP|Actor=AFG
            6 troops troop NOUN 3 obj _
            7 . . PUNCT 3 punct _
            """);
        Assert.Empty(denied.Events);

        // "Ghani said no talks were held", the content's subject misread as the object: still a statement.
        var said = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 said say VERB 0 root _
            3 no no DET 4 det _
            4 talks talk NOUN 2 obj _
            5 with with ADP 7 case _
            6 the the DET 7 det _
            7 Taliban Taliban PROPN 4 nmod {Taliban}
            8 . . PUNCT 2 punct _
            """);
        Assert.Contains(said.Events, e => e.Source!.Actor == "AFGGOV" && e.Cameo.StartsWith("01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_habit_is_no_particular_event()
    {
        // "The Taliban normally attack Afghan troops": what usually happens, no attack that did.
        var doc = Code($"""
            1 The the DET 2 det _
            2 Taliban Taliban PROPN 4 nsubj {Taliban}
            3 normally normally ADV 4 advmod _
            4 attack attack VERB 0 root _
            5 Afghan Afghan ADJ 6 amod Ent=B-NORP|Actor=AFG
            6 troops troop NOUN 4 obj _
            7 . . PUNCT 4 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Theory]
    [InlineData("he", false)]   // a third party's belief: an opinion, no attack reported
    [InlineData("we", true)]    // the speaker's own "we believe": a hedge on what they say
    public void What_a_third_party_believes_is_no_event(string believer, bool coded)
    {
        // "Ghani said {believer} believed the Taliban attacked Afghan troops."
        var doc = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 said say VERB 0 root _
            3 {believer} {believer} PRON 4 nsubj _
            4 believed believe VERB 2 ccomp _
            5 the the DET 6 det _
            6 Taliban Taliban PROPN 7 nsubj {Taliban}
            7 attacked attack VERB 4 ccomp _
            8 Afghan Afghan ADJ 9 amod Ent=B-NORP|Actor=AFG
            9 troops troop NOUN 7 obj _
            10 . . PUNCT 2 punct _
            """);
        Assert.Equal(coded, doc.Events.Any(e => e.Source!.Actor == "AFGREB" && e.Cameo.StartsWith("19", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true, "attack", "VBP", false)]    // "will stay until the Taliban attack ...": expected, not reported
    [InlineData(false, "attacked", "VBD", true)]  // "had stayed until the Taliban attacked ...": a fact
    public void A_present_tense_clause_of_time_below_a_future_is_expected_not_an_event(bool future, string attack, string tag, bool coded)
    {
        // "Ghani will stay / had stayed until the Taliban {attack} Afghan troops."
        string stay = future ? "2 will will AUX 3 aux _\n3 stay stay VERB 0 root _" : "2 had have AUX 3 aux _\n3 stayed stay VERB 0 root _";
        string rows = $"""
            1 Ghani Ghani PROPN 3 nsubj {Ghani}
            {stay}
            4 until until SCONJ 7 mark _
            5 the the DET 6 det _
            6 Taliban Taliban PROPN 7 nsubj {Taliban}
            {TestData.Row("7", attack, "attack", "VERB", tag, "3", "advcl", "_")}
            8 Afghan Afghan ADJ 9 amod Ent=B-NORP|Actor=AFG
            9 troops troop NOUN 7 obj _
            10 . . PUNCT 3 punct _
            """;
        var doc = Code(rows);
        Assert.Equal(coded, doc.Events.Any(e => e.Source!.Actor == "AFGREB" && e.Cameo.StartsWith("19", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_purpose_clause_takes_the_date_of_the_movement_it_serves()
    {
        // "Ghani leaves tomorrow to meet the Taliban": the meeting is tomorrow, after the publication: an intent (036).
        var doc = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 leaves leave VERB 0 root _
            3 tomorrow tomorrow NOUN 2 obl:tmod Date=2019-12-05
            4 to to PART 5 mark _
            5 meet meet VERB 2 advcl _
            6 the the DET 7 det _
            7 Taliban Taliban PROPN 5 obj {Taliban}
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events, x => x.Target?.Actor == "AFGREB");
        Assert.Equal("036", e.Cameo);
        Assert.Equal("2019-12-05", e.Date);
    }

    [Theory]
    [InlineData("2019-W50", "036")]
    [InlineData("2020-01", "036")]
    [InlineData("2019-W49", "040")]
    public void A_present_tense_meeting_dated_in_a_later_week_or_month_is_an_intent(string date, string cameo)
    {
        // "Ghani meets the Taliban next week" in a Wednesday paper (2019-12-04, week 49): not yet happened, an intent (036);
        // "this week" holds the publication and may have happened.
        var doc = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 meets meet VERB 0 root _
            3 the the DET 4 det _
            4 Taliban Taliban PROPN 2 obj {Taliban}
            5 next next ADJ 6 amod _
            6 week week NOUN 2 obl:tmod Date={date}
            7 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events, x => x.Target?.Actor == "AFGREB");
        Assert.Equal(cameo, e.Cameo);
    }

    [Fact]
    public void A_future_meeting_of_several_parties_is_no_ones_intent()
    {
        // "Ghani and the Taliban will meet": the reporter's forecast of a meeting; neither side stated an intent (036).
        var doc = Code($"""
            1 Ghani Ghani PROPN 6 nsubj {Ghani}
            2 and and CCONJ 4 cc _
            3 the the DET 4 det _
            4 Taliban Taliban PROPN 1 conj {Taliban}
            5 will will AUX 6 aux _
            6 meet meet VERB 0 root _
            7 . . PUNCT 6 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Co_agents_of_a_directed_act_are_not_each_others_targets()
    {
        // "Pakistan and Qatar offered assistance" (033, a code "X and Y" share when they agree to cooperate): each offered
        // it to someone else, not to the other.
        var doc = Code($"""
            1 Pakistan Pakistan PROPN 4 nsubj Ent=B-GPE|Actor=PAK
            2 and and CCONJ 3 cc _
            3 Qatar Qatar PROPN 1 conj Ent=B-GPE|Actor=QAT
            4 offered offer VERB 0 root _
            5 assistance assistance NOUN 4 obj _
            6 . . PUNCT 4 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Source?.Actor == "PAK" && e.Target?.Actor == "QAT");
        Assert.DoesNotContain(doc.Events, e => e.Source?.Actor == "QAT" && e.Target?.Actor == "PAK");
    }

    [Fact]
    public void Neither_before_the_subject_denies_the_predicate()
    {
        var doc = Code($"""
            1 Neither neither CCONJ 2 cc:preconj _
            2 Taliban Taliban PROPN 5 nsubj {Taliban}
            3 nor nor CCONJ 4 cc _
            4 Pakistan Pakistan PROPN 2 conj Ent=B-GPE|Actor=PAK
            5 attacked attack VERB 0 root _
            6 Afghan Afghan ADJ 7 amod Ent=B-NORP|Actor=AFG
            7 troops troop NOUN 5 obj _
            8 . . PUNCT 5 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void A_reported_condition_names_no_target_of_the_statement()
    {
        // "Ghani said if the Taliban were ready ...": the Taliban are supposed, not whom the statement is about.
        var doc = Code($"""
            1 Ghani Ghani PROPN 2 nsubj {Ghani}
            2 said say VERB 0 root _
            3 if if SCONJ 7 mark _
            4 the the DET 5 det _
            5 Taliban Taliban PROPN 7 nsubj {Taliban}
            6 were be AUX 7 cop _
            7 ready ready ADJ 2 ccomp _
            8 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Target?.Actor == "AFGREB");
    }

    [Fact]
    public void A_rank_in_a_company_s_name_is_no_armed_force()
    {
        // "General Motors said ..." (Reuters, round 28): "General" read as a rank made the company USAMIL (titles are read when
        // the article names a person: Smith).
        var doc = Code($"""
            1 General General PROPN 2 compound Ent=B-ORG
            2 Motors Motors PROPN 3 nsubj Ent=I-ORG
            3 told tell VERB 0 root _
            4 Smith Smith PROPN 3 iobj Ent=B-PER
            5 plants plant NOUN 9 nsubj:pass _
            6 in in ADP 7 case _
            7 Flint Flint PROPN 5 nmod Ent=B-LOC|Actor=USA|Loc=B|Country=USA
            8 will will AUX 9 aux _
            9 close close VERB 3 ccomp _
            10 and and CCONJ 11 cc _
            11 Detroit Detroit PROPN 9 obl Ent=B-LOC|Actor=USA|Loc=B|Country=USA
            12 . . PUNCT 3 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Source?.Actor is { } a && a.EndsWith("MIL", StringComparison.Ordinal));
    }
}
