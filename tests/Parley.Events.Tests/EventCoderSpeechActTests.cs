using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Statements that are a more specific act than CAMEO 010 (data/lang/en/speech-acts.tsv): criticism, praise, denial,
/// threat, sympathy, with the actor the words are about as target. Hand-built parses, fictional names.
/// </summary>
public sealed class EventCoderSpeechActTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2020-03-02");

    private const string Speaker = "1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=SYRGOV";
    private const string Ardonia = "Ent=B-LOC|Actor=TUR|Kb=country:TUR";

    /// <summary>"Tremont said Ardonia was {word}."</summary>
    private static Document SaidArdoniaWas(string word, string upos = "ADJ") => Code($"""
        {Speaker}
        2 said say VERB 0 root _
        3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
        4 was be AUX 5 cop _
        5 {word} {word} {upos} 2 ccomp _
        6 . . PUNCT 2 punct _
        """);

    [Theory]
    [InlineData("reckless", "111")]     // criticism
    [InlineData("incompetent", "111")]
    [InlineData("abhorrent", "111")]    // round 10 (issue 11) additions
    [InlineData("oppressive", "111")]
    [InlineData("corrupt", "112")]      // accusation
    [InlineData("courageous", "051")]   // praise
    [InlineData("dodgy", "111")]        // evaluation-words.tsv (AFINN-165 selection, issue 11)
    [InlineData("inadequate", "111")]
    [InlineData("unethical", "111")]
    [InlineData("deceitful", "112")]
    [InlineData("brilliant", "051")]
    [InlineData("humane", "051")]       // round 15 (issue 11): "said Lord X was a good and humane judge"
    [InlineData("exceptional", "051")]  // round 21 (issue 11): "Paul's contribution ... has been exceptional"
    [InlineData("invaluable", "051")]
    public void A_statement_in_words_of_an_act_about_another_actor_is_that_act(string word, string code)
    {
        var e = Assert.Single(SaidArdoniaWas(word).Events);
        Assert.Equal(code, e.Cameo);
        Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Contains("+statement+", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_of_an_if_clause_judges_no_one_but_a_cause_clause_hung_inside_one_still_does()
    {
        // "Tremont noted Ardonia might go to court if talks would fail": "fail" is what may happen, no criticism.
        var doc = Code($"""
            {Speaker}
            2 noted note VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
            4 might might AUX 5 aux _
            5 go go VERB 2 ccomp _
            6 to to ADP 7 case _
            7 court court NOUN 5 obl _
            8 if if SCONJ 11 mark _
            9 talks talk NOUN 11 nsubj _
            10 would would AUX 11 aux _
            11 fail fail VERB 5 advcl _
            12 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal));

        // "Tremont predicted taxes would rise if voters win because Ardonia was reckless": the cause is asserted though
        // the parser hangs it on the if-clause.
        var cause = Code($"""
            {Speaker}
            2 predicted predict VERB 0 root _
            3 taxes tax NOUN 5 nsubj _
            4 would would AUX 5 aux _
            5 rise rise VERB 2 ccomp _
            6 if if SCONJ 8 mark _
            7 voters voter NOUN 8 nsubj _
            8 win win VERB 5 advcl _
            9 because because SCONJ 12 mark _
            10 Ardonia Ardonia PROPN 12 nsubj {Ardonia}
            11 was be AUX 12 cop _
            12 reckless reckless ADJ 8 advcl _
            13 . . PUNCT 2 punct _
            """);
        Assert.Contains(cause.Events, e => e.Cameo == "111");
    }

    /// <summary>"Tremont commented on the Ardonian plan, calling it {word}." (<paramref name="beforeCalling"/>: the comma,
    /// or a subject of "calling" of its own).</summary>
    private static Document CommentedCallingIt(string word, string beforeCalling = "7 , , PUNCT 8 punct _", string itMisc = "_", string wordUpos = "ADJ") => Code($"""
        {Speaker}
        2 commented comment VERB 0 root _
        3 on on ADP 6 case _
        4 the the DET 6 det _
        5 Ardonian Ardonian ADJ 6 amod {Ardonia}
        6 plan plan NOUN 2 obl _
        {beforeCalling}
        8 calling call VERB 2 advcl _
        9 it it PRON 8 obj {itMisc}
        10 {word} {word} {wordUpos} 8 xcomp _
        11 . . PUNCT 2 punct _
        """);

    [Theory]
    [InlineData("ridiculous", "111")]
    [InlineData("fraudulent", "112")]
    [InlineData("courageous", "051")]
    [InlineData("sensible", "010")]     // no word of an act: the statement stays 010
    public void An_adverbial_clause_that_judges_the_topic_makes_the_statement_that_act(string word, string code)
    {
        var e = Assert.Single(CommentedCallingIt(word).Events);
        Assert.Equal((code, "SYRGOV", "TUR"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_judging_clause_coded_as_an_event_of_its_own_is_not_coded_twice()
    {
        // "Tremont commented on the Ardonian plan, calling it a disgrace", "it" resolved to Ardonia: the insult of "calling"
        // is the one 111, the statement stays 010.
        var doc = CommentedCallingIt("disgrace", itMisc: Ardonia, wordUpos: "NOUN");
        Assert.Single(doc.Events, e => e.Cameo == "111");
    }

    /// <summary>"Tremont reviewed the Ardonian plans, saying they were ludicrous." ("they" in cluster <paramref name="theyCluster"/>;
    /// "Ardonian" in cluster 1).</summary>
    private static Document ReviewedSayingThey(int theyCluster) => Code($"""
        {Speaker}
        2 reviewed review VERB 0 root _
        3 the the DET 5 det _
        4 Ardonian Ardonian ADJ 5 amod {Ardonia}|Cluster=1
        5 plans plan NOUN 2 obj _
        6 , , PUNCT 7 punct _
        7 saying say VERB 2 advcl _
        8 they they PRON 10 nsubj Ent=B-LOC|Actor=TUR|Cluster={theyCluster}
        9 were be AUX 10 cop _
        10 ludicrous ludicrous ADJ 7 ccomp _
        11 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_judged_pronoun_that_names_the_governing_object_aims_at_its_actor()
    {
        // Coreference and the syntax agree: "they" is of Ardonia's cluster and the governing verb's object names Ardonia.
        var e = Assert.Single(ReviewedSayingThey(1).Events, x => x.Rule.Contains("say+statement", StringComparison.Ordinal));
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        // They disagree ("they" of another cluster): coreference alone is not trusted, the statement stays 010.
        Assert.DoesNotContain(ReviewedSayingThey(7).Events, x => x.Cameo == "111");
    }

    [Fact]
    public void A_judging_clause_with_a_subject_of_its_own_is_not_the_speakers_act()
    {
        // "Tremont commented on the Ardonian plan, critics calling it ridiculous."
        var doc = CommentedCallingIt("ridiculous", "7 critics critic NOUN 8 nsubj _");
        Assert.DoesNotContain(doc.Events, e => e.Cameo != "010");
    }

    [Fact]
    public void A_plain_statement_stays_010()
    {
        var e = Assert.Single(SaidArdoniaWas("ready").Events);
        Assert.Equal("010", e.Cameo);
    }

    [Fact]
    public void Criticism_that_names_no_actor_stays_a_plain_statement()
    {
        // "Tremont said the plan was ludicrous": 111 needs a target (CAMEO codebook); the words are a comment (010), kept
        // for a political speaker like any statement about no one.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 plan plan NOUN 6 nsubj _
            5 was be AUX 6 cop _
            6 ludicrous ludicrous ADJ 2 ccomp _
            7 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("010", e.Cameo);
        Assert.Null(e.Target);
    }

    [Fact]
    public void Negated_criticism_is_no_criticism()
    {
        // "Tremont said there was nothing wrong with Ardonia's plan."
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 there there PRON 4 expl _
            4 was be VERB 2 ccomp _
            5 nothing nothing PRON 4 nsubj _
            6 wrong wrong ADJ 5 amod _
            7 with with ADP 10 case _
            8 Ardonia Ardonia PROPN 10 nmod:poss {Ardonia}
            9 's 's PART 8 case _
            10 plan plan NOUN 6 obl _
            11 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_of_blame_aim_at_the_possessor_of_the_judged_phrase()
    {
        // "Tremont said Ardonia's conduct was a disgrace."
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nmod:poss {Ardonia}
            4 's 's PART 3 case _
            5 conduct conduct NOUN 8 nsubj _
            6 was be AUX 8 cop _
            7 a a DET 8 det _
            8 disgrace disgrace NOUN 2 ccomp _
            9 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
    }

    [Fact]
    public void A_clausal_subject_is_not_whom_the_words_judge()
    {
        // "Tremont said it was wrong to sanction Ardonia": the judged is the sanctioning, not Ardonia.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 it it PRON 5 expl _
            4 was be AUX 5 cop _
            5 wrong wrong ADJ 2 ccomp _
            6 to to PART 7 mark _
            7 sanction sanction VERB 5 csubj _
            8 Ardonia Ardonia PROPN 7 obj {Ardonia}
            9 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo == "111" && e.Target?.Actor == "TUR");
    }

    [Fact]
    public void Denying_a_clause_is_a_denial_without_a_target()
    {
        // "Tremont denied that Ardonia had supplied weapons": 016 (root 01 stands alone); the clause's actors are what is
        // denied, not whom the denial is addressed to.
        var doc = Code($"""
            {Speaker}
            2 denied deny VERB 0 root _
            3 that that SCONJ 6 mark _
            4 Ardonia Ardonia PROPN 6 nsubj {Ardonia}
            5 had have AUX 6 aux _
            6 supplied supply VERB 2 ccomp _
            7 weapons weapon NOUN 6 obj _
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("016", e.Cameo);
        Assert.Null(e.Target);
    }

    [Fact]
    public void Saying_claims_are_not_true_is_a_denial_of_whoever_made_them()
    {
        // "Tremont said the claims by Ardonia were not true."
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 claims claim NOUN 9 nsubj _
            5 by by ADP 6 case _
            6 Ardonia Ardonia PROPN 4 nmod {Ardonia}
            7 were be AUX 9 cop _
            8 not not PART 9 advmod _
            9 true true ADJ 2 ccomp _
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("016", e.Cameo);
    }

    [Theory]
    [InlineData("racist")]
    [InlineData("anti-semitic")]
    [InlineData("illegal")]
    public void Saying_something_is_not_what_it_was_charged_with_is_a_denial(string word)
    {
        // "Mr Howard said his party's plans to cut immigration were not racist", "Mr Milburn replied that they were not
        // anti-Semitic" (BBC politics, issue 11): once plain statements. A denial (016) stands without a target.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 plans plan NOUN 7 nsubj _
            5 were be AUX 7 cop _
            6 not not PART 7 advmod _
            7 {word} {word} ADJ 2 ccomp _
            8 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("016", e.Cameo);
    }

    [Theory]
    [InlineData("would would", "130")]   // "said Belmaria would retaliate against Ardonia": a threat
    [InlineData("had have", null)]       // "said Belmaria had retaliated": a claim about the past, no threat
    public void Retaliation_is_a_threat_only_when_it_is_to_come(string aux, string? threat)
    {
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Belmaria Belmaria PROPN 5 nsubj Ent=B-LOC|Actor=SYR|Kb=country:SYR
            4 {aux} AUX 5 aux _
            5 retaliate retaliate VERB 2 ccomp _
            6 against against ADP 7 case _
            7 Ardonia Ardonia PROPN 5 obl {Ardonia}
            8 . . PUNCT 2 punct _
            """);
        var e = doc.Events.SingleOrDefault(x => x.Rule.Contains("+threat:", StringComparison.Ordinal));
        Assert.Equal(threat, e?.Cameo);
        if (e is not null) Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void Sympathy_is_018_with_or_without_a_target()
    {
        // "Tremont said his condolences were with the people." (no actor named: 018 stands alone, CAMEO root 01)
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 his his PRON 4 nmod:poss _
            4 condolences condolence NOUN 8 nsubj _
            5 were be AUX 8 cop _
            6 with with ADP 8 case _
            7 the the DET 8 det _
            8 people people NOUN 2 ccomp _
            9 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("018", e.Cameo);
    }

    [Fact]
    public void What_someone_should_do_is_a_request_whatever_its_words()
    {
        // "Tremont said Ardonia should apologise for its reckless remarks": 020 to Ardonia, not criticism or apology.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
            4 should should AUX 5 aux _
            5 apologise apologise VERB 2 ccomp _
            6 for for ADP 9 case _
            7 its its PRON 9 nmod:poss _
            8 reckless reckless ADJ 9 amod _
            9 remarks remark NOUN 5 obl _
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("020", "TUR"), (e.Cameo, e.Target!.Actor));
    }

    [Theory]
    [InlineData("allegedly", false)]
    [InlineData("supposedly", false)]
    [InlineData("reportedly", true)]   // news uses it for events it reports
    public void What_is_only_alleged_is_not_asserted(string adverb, bool coded)
    {
        // "Tremont {adverb} threatened Ardonia."
        var doc = Code($"""
            {Speaker}
            2 {adverb} {adverb} ADV 3 advmod _
            3 threatened threaten VERB 0 root _
            4 Ardonia Ardonia PROPN 3 obj {Ardonia}
            5 . . PUNCT 3 punct _
            """.Replace("1 Tremont Tremont PROPN 2 nsubj", "1 Tremont Tremont PROPN 3 nsubj", StringComparison.Ordinal));
        Assert.Equal(coded, doc.Events.Any(e => e.Cameo.StartsWith("13", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_speech_verb_saying_how_the_speakers_coded_act_was_done_is_no_second_event()
    {
        // "Tremont criticised Ardonia, saying the budget would fail."
        var doc = Code($"""
            {Speaker}
            2 criticised criticise VERB 0 root _
            3 Ardonia Ardonia PROPN 2 obj {Ardonia}
            4 , , PUNCT 5 punct _
            5 saying say VERB 2 advcl _
            6 the the DET 7 det _
            7 budget budget NOUN 9 nsubj _
            8 would would AUX 9 aux _
            9 fail fail VERB 5 ccomp _
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
    }

    /// <summary>"Tremont {verb} {noun} {prep} Ardonia."</summary>
    private static Document CarriesTo(string verb, string verbLemma, string noun, string nounLemma, string prep = "to") => Code($"""
        {Speaker}
        2 {verb} {verbLemma} VERB 0 root _
        3 {noun} {nounLemma} NOUN 2 obj _
        4 {prep} {prep} ADP 5 case _
        5 Ardonia Ardonia PROPN 2 obl {Ardonia}
        6 . . PUNCT 2 punct _
        """);

    [Theory]
    [InlineData("sent", "send", "condolences", "condolence", "to", "018")]   // sympathy
    [InlineData("offered", "offer", "apologies", "apology", "to", "055")]    // apology
    [InlineData("poured", "pour", "scorn", "scorn", "on", "111")]            // criticism
    [InlineData("lodged", "lodge", "accusations", "accusation", "against", "112")] // accusation
    [InlineData("heaped", "heap", "praise", "praise", "on", "051")]          // round 10 (issue 11): carriers PETRARCH2 lacks
    [InlineData("heaped", "hea", "praise", "praise", "on", "051")]           // the tagger's lemma "hea" read as the verb "heap"
    [InlineData("levelled", "level", "criticism", "criticism", "at", "111")]
    public void A_verb_carrying_an_act_noun_is_that_act_aimed_at_its_target_phrase(string verb, string verbLemma, string noun, string nounLemma, string prep, string code)
    {
        var e = Assert.Single(CarriesTo(verb, verbLemma, noun, nounLemma, prep).Events);
        Assert.Equal(code, e.Cameo);
        Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Contains("+act:" + nounLemma, e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_act_noun_is_an_act_only_with_a_carrier_verb()
    {
        // "Tremont read condolences to Ardonia": reading is not sending; no act, and no event of the verb.
        Assert.DoesNotContain(CarriesTo("read", "read", "condolences", "condolence").Events, e => e.Cameo == "018");
    }

    [Fact]
    public void An_act_noun_aimed_at_its_own_phrase_takes_that_target()
    {
        // "Tremont expressed his condolences to the families of Ardonia" with the "to" phrase under the noun.
        var doc = Code($"""
            {Speaker}
            2 expressed express VERB 0 root _
            3 his he PRON 4 nmod:poss _
            4 condolences condolence NOUN 2 obj _
            5 to to ADP 7 case _
            6 the the DET 7 det _
            7 families family NOUN 4 nmod _
            8 of of ADP 9 case _
            9 Ardonia Ardonia PROPN 7 nmod {Ardonia}
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("018", "TUR"), (e.Cameo, e.Target?.Actor));
    }

    [Fact]
    public void A_speech_verb_the_parser_made_an_adverbial_clause_reports_its_head()
    {
        // "Tremont said eight soldiers died", parsed with "died" the root and "said" its adverbial clause: a statement.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 5 advcl _
            3 eight eight NUM 4 nummod _
            4 soldiers soldier NOUN 5 nsubj _
            5 died die VERB 0 root _
            6 . . PUNCT 5 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("010", "SYRGOV"), (e.Cameo, e.Source!.Actor));
        // "As Tremont said, eight soldiers died": a subordinated "said" is the speaker's aside, not a report of the clause.
        var aside = Code($"""
            1 As as SCONJ 3 mark _
            2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRGOV
            3 said say VERB 7 advcl _
            4 , , PUNCT 3 punct _
            5 eight eight NUM 6 nummod _
            6 soldiers soldier NOUN 7 nsubj _
            7 died die VERB 0 root _
            8 . . PUNCT 7 punct _
            """);
        Assert.DoesNotContain(aside.Events, x => x.Cameo == "010");
    }

    [Fact]
    public void A_that_clause_the_parser_made_a_conjunct_is_the_reported_clause()
    {
        // "Tremont said that the pipeline renders Ardonia's plan useless", with "renders" a conjunct of "said": the
        // statement is about the clause's actors like any other.
        var doc = Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 that that SCONJ 6 mark _
            4 the the DET 5 det _
            5 pipeline pipeline NOUN 6 nsubj _
            6 renders render VERB 2 conj _
            7 Ardonia Ardonia PROPN 9 nmod:poss {Ardonia}
            8 's 's PART 7 case _
            9 plan plan NOUN 6 obj _
            10 useless useless ADJ 9 amod _
            11 . . PUNCT 2 punct _
            """);
        Assert.Contains(doc.Events, x => x.Cameo.StartsWith("01", StringComparison.Ordinal) && x.Source!.Actor == "SYRGOV");
    }

    /// <summary>"The Ebrian Tremont ({speaker}) said {subject} {aux} {aux2} {verb}." with a description ("the government",
    /// "ministers") or a name for the clause's subject; two mentions of Syria make it the article's country.</summary>
    private static Document SaidBodyWould(string speaker, string subject, string subjectLemma, string aux, string aux2, string verb, string verbLemma, string misc = "_") => Code($"""
        1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
        2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor={speaker}
        3 said say VERB 0 root _
        4 {subject} {subjectLemma} {(misc == "_" ? "NOUN" : "PROPN")} 7 nsubj {misc}
        5 {aux} {aux} AUX 7 aux _
        6 {aux2} {(aux2 == "been" ? "be" : aux2)} AUX 7 aux _
        7 {verb} {verbLemma} VERB 3 ccomp _
        8 . . PUNCT 3 punct _
        """);

    [Fact]
    public void A_described_body_the_clause_obliges_or_criticises_is_the_target_in_the_article_country()
    {
        // "Tremont (a party) said ministers should have acted": a reproach of the government, of the article's country.
        var reproach = Assert.Single(SaidBodyWould("SYRPTY", "ministers", "minister", "should", "have", "acted", "act").Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (reproach.Cameo, reproach.Source!.Actor, reproach.Target?.Actor));
        Assert.Contains("+should-have", reproach.Rule, StringComparison.Ordinal);
        // "Tremont (a party) said the government had been failing": criticism of it.
        var failed = Assert.Single(SaidBodyWould("SYRPTY", "government", "government", "had", "been", "failing", "fail").Events);
        Assert.Equal(("111", "SYRGOV"), (failed.Cameo, failed.Target?.Actor));
        // "Tremont (a minister) said ministers should have acted": the speaker's own side is no target; a plain statement.
        var own = Assert.Single(SaidBodyWould("SYRGOV", "ministers", "minister", "should", "have", "acted", "act").Events);
        Assert.Equal("010", own.Cameo);
        Assert.Null(own.Target);
    }

    /// <summary>"The Ebrian Tremont ({speaker}) {verb} the {object}." with two mentions of Syria (the article's country).</summary>
    private static Document Disapproves(string speaker, string verb, string verbLemma, string obj, string objLemma) => Code($"""
        1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
        2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor={speaker}
        3 {verb} {verbLemma} VERB 0 root _
        4 the the DET 5 det _
        5 {obj} {objLemma} NOUN 3 obj _
        6 . . PUNCT 3 punct _
        """);

    [Fact]
    public void A_described_body_a_named_actor_disapproves_of_is_that_body_of_the_article_country()
    {
        // "Tremont (a party) criticised the government": 111 against the government of the article's country.
        var e = Assert.Single(Disapproves("SYRPTY", "criticised", "criticise", "government", "government").Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
        // "Tremont (a minister) criticised the government": the speaker's own code is no target; 111 needs one.
        Assert.DoesNotContain(Disapproves("SYRGOV", "criticised", "criticise", "government", "government").Events, x => x.Target?.Actor == "SYRGOV");
        // A described body of an act that is no disapproval ("praised the government") takes no guessed country.
        Assert.DoesNotContain(Disapproves("SYRPTY", "praised", "praise", "government", "government").Events, x => x.Target is not null);
    }

    [Fact]
    public void Disapproval_of_what_a_described_body_did_targets_that_body()
    {
        // "The Ebrian Tremont (a party) condemned the government's failure": 111 against the article's government.
        var e = Assert.Single(Code("""
            1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
            2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRPTY
            3 condemned condemn VERB 0 root _
            4 the the DET 5 det _
            5 government government NOUN 7 nmod:poss _
            6 's 's PART 5 case _
            7 failure failure NOUN 3 obj _
            8 . . PUNCT 3 punct _
            """).Events);
        Assert.Equal(("SYRPTY", "SYRGOV"), (e.Source!.Actor, e.Target?.Actor));
        Assert.StartsWith("11", e.Cameo, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_of_criticism_describing_a_passive_subject_judge_its_possessor()
    {
        // "Tremont said Ardonia's rule had been marked by failure": criticism of Ardonia.
        var e = Assert.Single(Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nmod:poss {Ardonia}
            4 's 's PART 3 case _
            5 rule rule NOUN 8 nsubj:pass _
            6 had have AUX 8 aux _
            7 been be AUX 8 aux:pass _
            8 marked mark VERB 2 ccomp _
            9 by by ADP 10 case _
            10 failure failure NOUN 8 obl _
            11 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target?.Actor));
    }

    [Fact]
    public void What_a_named_actor_should_have_done_is_a_reproach()
    {
        var e = Assert.Single(SaidBodyWould("SYRGOV", "Ardonia", "Ardonia", "should", "have", "acted", "act", Ardonia).Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target?.Actor));
    }

    /// <summary>"Tremont told {addressee} the plan was ready."</summary>
    private static Document ToldThePlanWasReady(string addressee, string upos, string misc) => Code($"""
        {Speaker}
        2 told tell VERB 0 root _
        3 {addressee} {addressee} {upos} 2 iobj {misc}
        4 the the DET 5 det _
        5 plan plan NOUN 7 nsubj _
        6 was be AUX 7 cop _
        7 ready ready ADJ 2 ccomp _
        8 . . PUNCT 2 punct _
        """);

    [Fact]
    public void An_addressee_the_dictionaries_do_not_know_is_the_audience_of_the_statement()
    {
        // "Tremont told Zorbax Radio the plan was ready": the statement stands without its unknown audience.
        var e = Assert.Single(ToldThePlanWasReady("Zorbax", "PROPN", "Ent=B-ORG").Events);
        Assert.Equal(("010", "SYRGOV"), (e.Cameo, e.Source!.Actor));
        Assert.Null(e.Target);
        // "Tremont told him ...": a pronoun the coreference could not code is someone unknown, not an audience.
        Assert.Empty(ToldThePlanWasReady("him", "PRON", "_").Events);
    }

    /// <summary>"Tremont {verb} the Zorbax website the party was ready", parsed as BBC politics often is: the phrase after the
    /// verb made the reported clause's first subject.</summary>
    private static Document WebsiteThePartyWasReady(string verb, string lemma) => Code($"""
        {Speaker}
        2 {verb} {lemma} VERB 0 root _
        3 the the DET 5 det _
        4 Zorbax Zorbax PROPN 5 compound Ent=B-ORG|Actor=MED
        5 website website NOUN 9 nsubj _
        6 the the DET 7 det _
        7 party party NOUN 9 nsubj _
        8 was be AUX 9 cop _
        9 ready ready ADJ 2 ccomp _
        10 . . PUNCT 2 punct _
        """);

    [Fact]
    public void The_press_right_after_a_verb_of_telling_is_the_channel_not_the_target()
    {
        // "told the BBC News website the party avoided ...": the website is spoken to, not spoken about (issue 11).
        var e = Assert.Single(WebsiteThePartyWasReady("told", "tell").Events);
        Assert.Equal(("010", "SYRGOV", null), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
        // Not after a verb that takes no addressee: "said the Zorbax website ..." names the press in what was said, in passing.
        var said = Assert.Single(WebsiteThePartyWasReady("said", "say").Events);
        Assert.Equal(("010", null), (said.Cameo, said.Target?.Actor));
    }

    /// <summary>"Tremont told the Ardonia Senate committee the plan was ready", parsed as Reuters often is (no "that"): the
    /// addressee made the reported clause's first subject, beside the clause's own.</summary>
    private static Document ToldParliamentThePlanWasReady(string verb, string lemma) => Code($"""
        {Speaker}
        2 {verb} {lemma} VERB 0 root _
        3 the the DET 4 det _
        4 Senate Senate PROPN 5 compound Ent=B-ORG|Actor=TURLEG
        5 committee committee NOUN 9 nsubj _
        6 the the DET 7 det _
        7 plan plan NOUN 9 nsubj _
        8 was be AUX 9 cop _
        9 ready ready ADJ 2 ccomp _
        10 . . PUNCT 2 punct _
        """);

    [Fact]
    public void The_addressee_a_parser_made_a_subject_of_the_reported_clause_is_the_addressee()
    {
        // "told a Senate committee the takeover would be reviewed": the committee is told, the statement's target (issue 11,
        // Reuters round 27).
        var e = Assert.Single(ToldParliamentThePlanWasReady("told", "tell").Events);
        Assert.Equal(("010", "SYRGOV", "TURLEG"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
    }

    /// <summary>"Tremont warned that {subject} would act if Ardonia moved."</summary>
    private static Document WarnedThatWouldActIf(string subject, string misc) => Code($"""
        {Speaker}
        2 warned warn VERB 0 root _
        3 that that SCONJ 6 mark _
        4 {subject} {subject} PROPN 6 nsubj {misc}
        5 would would AUX 6 aux _
        6 act act VERB 2 ccomp _
        7 if if SCONJ 9 mark _
        8 Ardonia Ardonia PROPN 9 nsubj {Ardonia}
        9 moved move VERB 6 advcl _
        10 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_warning_that_the_speakers_side_will_act_is_a_threat_against_the_one_its_if_clause_names()
    {
        // "Britain warned that it would retaliate if Japan did not move soon": a threat (130) against Japan (issue 11).
        var e = Assert.Single(WarnedThatWouldActIf("Belmaria", "Ent=B-LOC|Actor=SYR|Kb=country:SYR").Events);
        Assert.Equal(("130", "SYRGOV", "TUR"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
        Assert.EndsWith("+warning", e.Rule, StringComparison.Ordinal);
        // A warning of what someone else would do is no threat of the speaker's ("warned that Japan would act if ...").
        Assert.DoesNotContain(WarnedThatWouldActIf("Zorbia", "Ent=B-LOC|Actor=IRQ|Kb=country:IRQ").Events, x => x.Cameo == "130");
    }

    /// <summary>"Tremont said Ardonia was spending too much{ time}." (issue 11, round 13: a phrase of conduct).</summary>
    private static Document SaidArdoniaWasSpendingTooMuch(bool time) => Code($"""
        {Speaker}
        2 said say VERB 0 root _
        3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
        4 was be AUX 5 aux _
        5 spending spend VERB 2 ccomp _
        6 too too ADV 7 advmod _
        7 much much {(time ? "ADJ 8 amod" : "ADV 5 advmod")} _
        {(time ? "8 time time NOUN 5 obj _" : "8 . . PUNCT 2 punct _")}
        """);

    [Fact]
    public void A_phrase_of_conduct_judges_the_actor_whose_conduct_it_names()
    {
        var e = Assert.Single(SaidArdoniaWasSpendingTooMuch(false).Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        Assert.Contains("+criticism:spend", e.Rule, StringComparison.Ordinal);
        // "spending too much time": the phrase's word modifies a noun outside it, so it says how long, not that the
        // spending is too much: a plain statement.
        Assert.Equal("010", Assert.Single(SaidArdoniaWasSpendingTooMuch(true).Events).Cameo);
    }

    [Fact]
    public void A_phrase_matches_only_with_each_word_in_the_anchors_own_phrase()
    {
        // "Tremont said Ardonia had lost the trust of voters" / "Ardonia had lost, trust said" shapes: the object under the
        // anchor makes the phrase, the same word elsewhere does not.
        Document Lost(string trustHead) => Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
            4 had have AUX 5 aux _
            5 lost lose VERB 2 ccomp _
            6 the the DET 7 det _
            7 trust trust NOUN {trustHead} _
            8 . . PUNCT 2 punct _
            """);
        Assert.Equal("111", Assert.Single(Lost("5 obj").Events).Cameo);
        Assert.Equal("010", Assert.Single(Lost("2 obl").Events).Cameo);
    }

    [Fact]
    public void A_phrase_anchor_may_be_an_adjective_of_the_phrases_noun()
    {
        // "Tremont said Ardonia had broken promises" (issue 11, BBC rounds 19-20): the parser makes the participle an adjective
        // of "promises"; the phrase break+promise holds all the same. "broken windows" is no phrase of conduct.
        Document Broken(string noun) => Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 4 nsubj {Ardonia}
            4 had have VERB 2 ccomp _
            5 broken break VERB 6 amod _
            6 {noun}s {noun} NOUN 4 obj _
            7 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(Broken("promise").Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        Assert.Contains("+criticism:break", e.Rule, StringComparison.Ordinal);
        Assert.All(Broken("window").Events, x => Assert.Equal("010", x.Cameo));
    }

    [Fact]
    public void Having_learned_nothing_is_criticism_of_the_subject()
    {
        // "Tremont added: "Ardonia has learned nothing."" (issue 11 round 15): a phrase of conduct, the subject judged.
        var e = Assert.Single(Code($"""
            {Speaker}
            2 added add VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
            4 has have AUX 5 aux _
            5 learned learn VERB 2 ccomp _
            6 nothing nothing PRON 5 obj _
            7 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        Assert.Contains("+criticism:learn", e.Rule, StringComparison.Ordinal);
    }

    /// <summary>"Tremont said he found Ardonia's policies abhorrent." with the word as <paramref name="wordRow"/> (its head
    /// and relation) and "he" (the speaker, by coreference) as <paramref name="threeRow"/>.</summary>
    private static Document FoundPoliciesAbhorrent(string wordRow, string threeRow = "3 he he PRON 4 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0") => Code($"""
        1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0
        2 said say VERB 0 root _
        {threeRow}
        4 found find VERB 2 ccomp _
        5 Ardonia Ardonia PROPN 7 nmod:poss {Ardonia}
        6 's 's PART 5 case _
        7 policies policy NOUN 4 obj _
        8 abhorrent abhorrent {wordRow} _
        9 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_word_describing_an_object_judges_the_actor_named_before_its_head()
    {
        // "found Ardonia's policies abhorrent": the word as object complement (xcomp of "found") or, as parsers also read
        // it, in apposition to the object: criticism of Ardonia (issue 11 round 15: "found BNP's policies "abhorrent"").
        foreach (var row in new[] { "ADJ 4 xcomp", "NOUN 7 appos" })
        {
            var e = Assert.Single(FoundPoliciesAbhorrent(row).Events);
            Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        }
        // Not the speaker's own judgement ("said the pipeline found Ardonia's policies abhorrent"): a plain statement.
        Assert.Equal("010", Assert.Single(FoundPoliciesAbhorrent("ADJ 4 xcomp", "3 pipeline pipeline NOUN 4 nsubj _").Events).Cameo);
        // An actor named after the head ("policies towards Ardonia") is not whom the words judge: a plain statement.
        var after = Assert.Single(Code($"""
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0
            2 said say VERB 0 root _
            3 he he PRON 4 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0
            4 found find VERB 2 ccomp _
            5 the the DET 6 det _
            6 policies policy NOUN 4 obj _
            7 towards towards ADP 8 case _
            8 Ardonia Ardonia PROPN 6 nmod {Ardonia}
            9 abhorrent abhorrent ADJ 4 xcomp _
            10 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("010", null), (after.Cameo, after.Target?.Actor));
    }

    /// <summary>"The Greens {verb} the Reds' {noun} ...": each party an organisation coded GBRPTY, the Reds with the
    /// knowledge-base id given (the Greens' own id, or another party's); <paramref name="rest"/> the rows from 8 on.</summary>
    private static Document GreensOnReds(string redsKb, string verbRow, string nounRow, params string[] rest) => Code($"""
        1 The the DET 2 det _
        2 Greens Greens PROPN 3 nsubj Ent=B-ORG|Actor=GBRPTY|Kb=actor:GREEN_PARTY
        {verbRow}
        4 the the DET 5 det _
        5 Reds Reds PROPN 7 nmod:poss Ent=B-ORG|Actor=GBRPTY|Kb={redsKb}
        6 ' ' PART 5 case _
        {nounRow}
        {string.Join("\n", rest)}
        """);

    /// <summary>"The Greens say the Reds' plans have all failed."</summary>
    private static Document GreensSayRedsPlansFailed(string redsKb) => GreensOnReds(redsKb, "3 say say VERB 0 root _",
        "7 plans plan NOUN 10 nsubj _", "8 have have AUX 10 aux _", "9 all all ADV 10 advmod _", "10 failed fail VERB 3 ccomp _",
        "11 . . PUNCT 3 punct _");

    [Fact]
    public void Words_of_one_named_party_against_another_of_the_same_code_target_it()
    {
        // Every party of a country is one code (GBRPTY): two parties the knowledge base tells apart are two sides when
        // the words judge one (issue 11 round 15: "the Tories say Labour's plans ... have failed").
        var e = Assert.Single(GreensSayRedsPlansFailed("actor:RED_PARTY").Events);
        Assert.Equal(("111", "GBRPTY", "GBRPTY"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
        // The same party ("the Greens say the Greens' plans have failed"): the speaker's own side, no target, a plain statement.
        var own = Assert.Single(GreensSayRedsPlansFailed("actor:GREEN_PARTY").Events);
        Assert.Equal(("010", null), (own.Cameo, own.Target?.Actor));
    }

    /// <summary>"Green leader Ann Bell said the Reds' plans have failed. She said the Reds had failed."</summary>
    private static Document GreenLeaderSaysRedsPlansFailed(string redsKb) => Code($"""
        1 Green Green PROPN 2 compound Ent=B-ORG|Actor=GBRPTY|Kb=actor:GREEN_PARTY
        2 leader leader NOUN 3 compound _
        3 Ann Ann PROPN 5 nsubj Ent=B-PER|Cluster=0
        4 Bell Bell PROPN 3 flat Ent=I-PER|Cluster=0
        5 said say VERB 0 root _
        6 the the DET 7 det _
        7 Reds Reds PROPN 9 nmod:poss Ent=B-ORG|Actor=GBRPTY|Kb={redsKb}
        8 ' ' PART 7 case _
        9 plans plan NOUN 11 nsubj _
        10 have have AUX 11 aux _
        11 failed fail VERB 5 ccomp _
        12 . . PUNCT 5 punct _

        1 She she PRON 2 nsubj Ent=B-PER|Cluster=0
        2 said say VERB 0 root _
        3 the the DET 4 det _
        4 Reds Reds PROPN 6 nsubj Ent=B-ORG|Actor=GBRPTY|Kb={redsKb}
        5 had have AUX 6 aux _
        6 failed fail VERB 2 ccomp _
        7 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_person_titled_by_one_party_judging_another_targets_it()
    {
        // "Labour's Chief Secretary Paul Boateng said the Lib Dems' sums did not add up" (issue 11): the party a person's
        // title names is that person's, in every mention of them ("She"), so another party they judge is the other side.
        var events = GreenLeaderSaysRedsPlansFailed("actor:RED_PARTY").Events;
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("111", "GBRPTY", "GBRPTY"), (e.Cameo, e.Source!.Actor, e.Target!.Actor)));
        // Her own party's plans: her own side, plain statements.
        Assert.All(GreenLeaderSaysRedsPlansFailed("actor:GREEN_PARTY").Events, e => Assert.Equal(("010", null), (e.Cameo, e.Target?.Actor)));
    }

    [Fact]
    public void A_title_linked_as_a_party_with_a_role_names_the_persons_party()
    {
        // "Lib Dem MP John Smith said the Tories must apologise": the linker takes "Lib Dem MP" for the party with a role
        // (GBRPTYLEG); it is still the party of John Smith's title, another party than the one obliged.
        var e = Assert.Single(Code("""
            1 Green Green PROPN 2 compound Ent=B-ORG|Actor=GBRPTYLEG|Kb=actor:GREEN_PARTY
            2 MP MP PROPN 3 nmod:desc Ent=I-ORG|Actor=GBRPTYLEG|Kb=actor:GREEN_PARTY
            3 Ann Ann PROPN 5 nsubj Ent=B-PER
            4 Bell Bell PROPN 3 flat Ent=I-PER
            5 said say VERB 0 root _
            6 the the DET 7 det _
            7 Reds Reds PROPN 9 nsubj Ent=B-ORG|Actor=GBRPTY|Kb=actor:RED_PARTY
            8 must must AUX 9 aux _
            9 apologise apologise VERB 5 ccomp _
            10 . . PUNCT 5 punct _
            """).Events);
        Assert.Equal(("020", "GBRPTY", "GBRPTY"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
    }

    /// <summary>"{speaker} say(s) {subject} {aux} {verb} the vote." with full rows (XPOS for the progressive); the subject is
    /// a named party (the Reds, with the knowledge-base id given) or a description ("ministers"); two mentions of Syria
    /// make it the article's country for a description. <paramref name="tail"/>: rows from 8 on (an if-clause).</summary>
    private static Document SaysRival(string speakerMisc, string subject, string subjectLemma, string subjectMisc, string aux, string verb,
        string verbLemma, string verbXpos, params string[] tail)
    {
        var rows = new List<string>
        {
            TestData.Row("1", "Ebrian", "Ebrian", "ADJ", "JJ", "2", "amod", "Ent=B-MISC|Actor=SYR"),
            TestData.Row("2", "Greens", "Greens", "PROPN", "NNPS", "3", "nsubj", speakerMisc),
            TestData.Row("3", "say", "say", "VERB", "VBP", "0", "root", "_"),
            TestData.Row("4", subject, subjectLemma, subjectMisc == "_" ? "NOUN" : "PROPN", subjectMisc == "_" ? "NNS" : "NNPS", "6", "nsubj", subjectMisc),
            TestData.Row("5", aux, aux is "are" ? "be" : aux, "AUX", aux is "are" or "have" ? "VBP" : "MD", "6", "aux", "_"),
            TestData.Row("6", verb, verbLemma, "VERB", verbXpos, "3", "ccomp", "_"),
            TestData.Row("7", "taxes", "tax", "NOUN", "NNS", "6", "obj", "_"),
        };
        rows.AddRange(tail);
        rows.Add(TestData.Row((8 + tail.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), ".", ".", "PUNCT", ".", "3", "punct", "_"));
        return Code(string.Join("\n", rows) + "\n");
    }

    private const string GreensParty = "Ent=B-ORG|Actor=SYRPTY|Kb=actor:GREEN_PARTY";

    [Fact]
    public void What_a_party_says_a_rival_party_would_do_or_is_doing_is_criticism_of_it()
    {
        // "The Tories say the Lib Dems would make people pay more tax" (issue 11): no word of criticism, but a party's
        // allegation about what another party would do is criticism of it (111).
        var would = Assert.Single(SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "would", "raise", "raise", "VB").Events);
        Assert.Equal(("111", "SYRPTY", "SYRPTY"), (would.Cameo, would.Source!.Actor, would.Target?.Actor));
        Assert.Contains("+rival-allegation", would.Rule, StringComparison.Ordinal);
        // "... the Reds are raising taxes": the progressive alleges conduct too.
        var doing = Assert.Single(SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "are", "raising", "raise", "VBG").Events);
        Assert.Equal(("111", "SYRPTY"), (doing.Cameo, doing.Target?.Actor));
        // "... the Reds have raised taxes": the active perfect too ("ministers had not delivered cleaner hospitals").
        var done = Assert.Single(SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "have", "raised", "raise", "VBN").Events);
        Assert.Equal(("111", "SYRPTY"), (done.Cameo, done.Target?.Actor));
        // "... the Reds should raise taxes": a request of them (020), the obligation rule's, not an allegation.
        var should = Assert.Single(SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "should", "raise", "raise", "VB").Events);
        Assert.Equal("020", should.Cameo);
        // "... the Reds raise taxes": a plain present states, it alleges no conduct: a plain statement.
        var plain = Assert.Single(SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "are", "raise", "raise", "VBP").Events);
        Assert.Equal("010", plain.Cameo);
        // The speaker's own party ("the Greens say the Greens would raise taxes"): its own side, a plain statement.
        var own = Assert.Single(SaysRival(GreensParty, "Greens", "Greens", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:GREEN_PARTY", "would", "raise", "raise", "VB").Events);
        Assert.Equal(("010", null), (own.Cameo, own.Target?.Actor));
        // "... would raise taxes if voters let them": a condition, not an allegation.
        var conditional = SaysRival(GreensParty, "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "would", "raise", "raise", "VB",
            TestData.Row("8", "if", "if", "SCONJ", "IN", "10", "mark", "_"), TestData.Row("9", "voters", "voter", "NOUN", "NNS", "10", "nsubj", "_"),
            TestData.Row("10", "won", "win", "VERB", "VBD", "6", "advcl", "_"));
        Assert.DoesNotContain(conditional.Events, e => e.Cameo == "111");
    }

    [Fact]
    public void What_a_party_or_the_opposition_says_the_government_is_doing_is_criticism_of_it()
    {
        // "Michael Howard said ministers had been playing catch-up" (issue 11): ministers described, of the article's country.
        var party = Assert.Single(SaysRival(GreensParty, "ministers", "minister", "_", "are", "raising", "raise", "VBG").Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (party.Cameo, party.Source!.Actor, party.Target?.Actor));
        var opposition = Assert.Single(SaysRival("Ent=B-ORG|Actor=SYROPP", "ministers", "minister", "_", "would", "raise", "raise", "VB").Events);
        Assert.Equal(("111", "SYROPP", "SYRGOV"), (opposition.Cameo, opposition.Source!.Actor, opposition.Target?.Actor));
        // A minister on ministers: the speaker's own side, a plain statement.
        var own = Assert.Single(SaysRival("Ent=B-ORG|Actor=SYRGOV", "ministers", "minister", "_", "are", "raising", "raise", "VBG").Events);
        Assert.Equal(("010", null), (own.Cameo, own.Target?.Actor));
    }

    [Fact]
    public void What_a_government_says_a_named_party_out_of_office_would_do_is_criticism_of_it()
    {
        // "Blair claimed the Tories would cut £35bn" (issue 11): a party the knowledge base names and does not date in office
        // is not the government's own (the party in office is coded GOV).
        var named = Assert.Single(SaysRival("Ent=B-ORG|Actor=SYRGOV", "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY|Kb=actor:RED_PARTY", "would", "raise", "raise", "VB").Events);
        Assert.Equal(("111", "SYRGOV", "SYRPTY"), (named.Cameo, named.Source!.Actor, named.Target?.Actor));
        Assert.Contains("+rival-allegation", named.Rule, StringComparison.Ordinal);
        // A party code with no party known (a member, "a Labour MP"): could be the government's own, a plain statement.
        var unknown = Assert.Single(SaysRival("Ent=B-ORG|Actor=SYRGOV", "Reds", "Reds", "Ent=B-ORG|Actor=SYRPTY", "would", "raise", "raise", "VB").Events);
        Assert.Equal("010", unknown.Cameo);
    }

    [Fact]
    public void A_party_criticising_another_party_of_the_same_code_targets_it()
    {
        // "The Greens criticised the Reds' promises" (a verb of disapproval, issue 11: "Labour hit back at the Tory proposals").
        Document Criticised(string redsKb) => GreensOnReds(redsKb, "3 criticised criticize VERB 0 root _", "7 promises promise NOUN 3 obj _",
            "8 . . PUNCT 3 punct _");
        Assert.Contains(Criticised("actor:RED_PARTY").Events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal) && e.Target?.Actor == "GBRPTY");
        // One party: no other side, no disapproval coded.
        Assert.DoesNotContain(Criticised("actor:GREEN_PARTY").Events, e => e.Target is not null);
    }

    [Fact]
    public void Whom_the_judged_actor_deals_with_is_not_whom_the_words_judge()
    {
        // "Tremont said Belmaria was not honest with Ardonia": criticism of Belmaria, not of Ardonia.
        var e = Assert.Single(Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Belmaria Belmaria PROPN 7 nsubj Ent=B-LOC|Actor=IRN|Kb=country:IRN
            4 was be AUX 7 cop _
            5 not not PART 7 advmod _
            6 being be AUX 7 cop _
            7 honest honest ADJ 2 ccomp _
            8 with with ADP 9 case _
            9 Ardonia Ardonia PROPN 7 obl {Ardonia}
            10 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("111", "IRN"), (e.Cameo, e.Target!.Actor));
    }

    /// <summary>"Tremont said Ardonia ... the decision." with the given rows 4-6 (issue 11 round 13; not "the plan": a pattern of "say" codes "said ... plans").</summary>
    private static Document SaidArdonia(string row4, string row5, string row6, int subjectHead) => Code($"""
        {Speaker}
        2 said say VERB 0 root _
        3 Ardonia Ardonia PROPN {subjectHead} nsubj {Ardonia}
        4 {row4}
        5 {row5}
        6 {row6}
        7 the the DET 8 det _
        8 decision decision NOUN 6 obj _
        9 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_target_that_needs_or_must_account_for_itself_is_demanded_information()
    {
        // "said Ardonia needed to explain the decision": a demand for information of Ardonia (CAMEO 101).
        var e = Assert.Single(SaidArdonia("needed need VERB 2 ccomp _", "to to PART 6 mark _", "explain explain VERB 4 xcomp _", 4).Events);
        Assert.Equal(("101", "TUR"), (e.Cameo, e.Target!.Actor));
        Assert.Contains("+demand-account", e.Rule, StringComparison.Ordinal);
        // "said Ardonia must now justify the decision".
        Assert.Equal("101", Assert.Single(SaidArdonia("must must AUX 6 aux _", "now now ADV 6 advmod _", "justify justify VERB 2 ccomp _", 6).Events).Cameo);
        // "said Ardonia must not justify the decision": negated, no demand of an account (the obligation rule's 020);
        // "should justify" stays an appeal (020).
        Assert.Equal("020", Assert.Single(SaidArdonia("must must AUX 6 aux _", "not not PART 6 advmod _", "justify justify VERB 2 ccomp _", 6).Events).Cameo);
        Assert.Equal("020", Assert.Single(SaidArdonia("should should AUX 6 aux _", "now now ADV 6 advmod _", "justify justify VERB 2 ccomp _", 6).Events).Cameo);
        // "said Ardonia needed to leave the decision": no account demanded, but what the target needs to do is a request of
        // it (020, as "should leave"; issue 11: "said Dr Gibbons needed to change policy").
        var need = Assert.Single(SaidArdonia("needed need VERB 2 ccomp _", "to to PART 6 mark _", "leave leave VERB 4 xcomp _", 4).Events);
        Assert.Equal(("020", "TUR"), (need.Cameo, need.Target!.Actor));
        // "said Ardonia needed the decision": no action needed of it, a plain statement.
        Assert.Equal("010", Assert.Single(SaidArdonia("needed need VERB 2 ccomp _", "to to PART 6 mark _", "leave leave NOUN 4 obj _", 4).Events).Cameo);
    }

    [Fact]
    public void A_lack_of_a_word_of_praise_is_no_praise()
    {
        // "Tremont said Ardonia showed a lack of integrity".
        var e = Assert.Single(Code($"""
            {Speaker}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 4 nsubj {Ardonia}
            4 showed show VERB 2 ccomp _
            5 a a DET 6 det _
            6 lack lack NOUN 4 obj _
            7 of of ADP 8 case _
            8 integrity integrity NOUN 6 nmod _
            9 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal("010", e.Cameo);
        Assert.Equal("051", Assert.Single(SaidArdoniaWas("integrity", "NOUN").Events).Cameo);
    }

    [Fact]
    public void The_word_lists_read_their_kinds_and_keep_the_first_act_of_a_word()
    {
        var acts = SpeechActs.Read(new StringReader("# c\nfirst\t111\tword\tbad worse\nsecond\t051\tword\tbad good\nsecond\t051\tnegated\tbad\n-\t-\tnegator\tnothing\nden\t016\tverb\tdeny\n"));
        Assert.Equal("111", acts.OfWord(StringStore.Intern("bad"), false)!.Code);
        Assert.Equal("051", acts.OfWord(StringStore.Intern("good"), false)!.Code);
        Assert.Equal("051", acts.OfWord(StringStore.Intern("bad"), true)!.Code);
        Assert.Null(acts.OfWord(StringStore.Intern("good"), true));
        Assert.True(acts.IsNegator(StringStore.Intern("nothing")));
        Assert.Equal("016", acts.OfVerb(StringStore.Intern("deny"))!.Code);
        Assert.True(acts.OfWord(StringStore.Intern("bad"), false)!.Priority < acts.OfWord(StringStore.Intern("good"), false)!.Priority);
        var nouns = SpeechActs.Read(new StringReader("sym\t018\tnoun\tcondolence\n-\t-\tcarrier\tsend\n"));
        Assert.Equal("018", nouns.OfNoun(StringStore.Intern("condolence"))!.Code);
        Assert.True(nouns.IsCarrier(StringStore.Intern("send")));
        Assert.False(nouns.IsCarrier(StringStore.Intern("condolence")));
        Assert.Throws<InvalidDataException>(() => SpeechActs.Read(new StringReader("x\t111\tsomewhere\tbad\n")));
        var phrases = SpeechActs.Read(new StringReader("crit\t111\tphrase\tbreak+promise\n"));
        var phrase = Assert.Single(phrases.PhrasesOf(StringStore.Intern("break"), negated: false));
        Assert.Equal("111", phrase.Act.Code);
        Assert.Contains(StringStore.Intern("promise"), Assert.Single(phrase.Others));
        Assert.True(phrases.Holds(StringStore.Intern("break")));
        Assert.Empty(phrases.PhrasesOf(StringStore.Intern("promise"), negated: false));
        Assert.Throws<InvalidDataException>(() => SpeechActs.Read(new StringReader("crit\t111\tphrase\tbreak\n")));
        Assert.Throws<InvalidDataException>(() => SpeechActs.Read(new StringReader("x\t111\tword\tbad\nx\t112\tword\tworse\n")));
        // A second file (evaluation-words.tsv) adds words; a word the first gave an act keeps it, an act keeps its code.
        var two = SpeechActs.Read(new StringReader("first\t111\tword\tbad\n"), new StringReader("second\t051\tword\tbad good\nfirst\t111\tword\tworse\n"));
        Assert.Equal(("111", "051", "111"), (two.OfWord(StringStore.Intern("bad"), false)!.Code, two.OfWord(StringStore.Intern("good"), false)!.Code,
            two.OfWord(StringStore.Intern("worse"), false)!.Code));
        Assert.Throws<InvalidDataException>(() => SpeechActs.Read(new StringReader("x\t111\tword\tbad\n"), new StringReader("x\t112\tword\tworse\n")));
    }

    [Fact]
    public void Every_act_of_the_installed_list_is_a_CAMEO_code()
    {
        var folder = CoderWords.FindFolder()!;
        foreach (var line in File.ReadLines(Path.Combine(folder, SpeechActs.FileName)).Concat(File.ReadLines(Path.Combine(folder, SpeechActs.EvaluationFileName))))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var code = line.Split('\t')[1];
            if (code != "-") Assert.NotNull(TestData.Cameo.Ontology.Find(code));
        }
        Assert.NotNull(SpeechActs.Shared.OfVerb(StringStore.Intern("deny")));
    }

    /// <summary>"The Ebrian Tremont (a party) said {owner} party would show how juvenile the ministers were": the parser's
    /// reading of real news (BBC politics), the act word a noun with the judged body as its object.</summary>
    private static Document ShowHowJuvenile(string owner) => Code($$"""
        1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
        2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRPTY
        3 said say VERB 0 root _
        4 {{owner}} {{owner}} {{(owner == "the" ? "DET 5 det" : "PRON 5 nmod:poss")}} _
        5 party party NOUN 7 nsubj _
        6 would would AUX 7 aux _
        7 show show VERB 3 ccomp _
        8 how how ADV 9 advmod _
        9 juvenile juvenile NOUN 7 ccomp _
        10 the the DET 11 det _
        11 ministers minister NOUN 9 obj _
        12 were be AUX 9 cop _
        13 . . PUNCT 3 punct _
        """);

    [Fact]
    public void A_described_body_in_the_phrase_of_words_of_criticism_is_their_target()
    {
        // The body the words judge is "the ministers" (the government of the article's country), not the clause's subject.
        var e = Assert.Single(ShowHowJuvenile("his").Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
        Assert.Contains("+criticism:juvenile", e.Rule, StringComparison.Ordinal);
    }

    /// <summary>"The Ebrian Tremont (a party) told the radio that the {owner} plans were inadequate" (BBC politics, issue 11).</summary>
    private static Document OwnersPlansWereInadequate(string owner, string ownerUpos = "NOUN") => Code($$"""
        1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
        2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRPTY
        3 told tell VERB 0 root _
        4 the the DET 5 det _
        5 radio radio NOUN 3 obj _
        6 that that SCONJ 12 mark _
        7 the the DET 8 det _
        8 {{owner}} {{owner}} {{ownerUpos}} 10 nmod:poss _
        9 's 's PART 8 case _
        10 plans plan NOUN 12 nsubj _
        11 were be AUX 12 cop _
        12 inadequate inadequate ADJ 3 ccomp _
        13 . . PUNCT 3 punct _
        """);

    [Fact]
    public void Words_of_criticism_on_what_a_described_body_owns_judge_the_body()
    {
        var e = Assert.Single(OwnersPlansWereInadequate("government").Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
        Assert.Contains("+criticism:inadequate", e.Rule, StringComparison.Ordinal);
        // An owner that describes no body ("the scheme's plans") gives no target: 111 needs one, the statement stays 010.
        var plain = Assert.Single(OwnersPlansWereInadequate("scheme").Events);
        Assert.Equal(("010", null), (plain.Cameo, plain.Target?.Actor));
    }

    /// <summary>"Tremont said it was {not} wrong to {verb} Ardonia would attack." (BBC politics, issue 11).</summary>
    private static Document SaidItWasWrongTo(string verb, bool not = false) => Code($$"""
        {{Speaker}}
        2 said say VERB 0 root _
        3 it it PRON 6 expl _
        4 was be AUX 6 cop _
        5 {{(not ? "not" : "just")}} {{(not ? "not" : "just")}} {{(not ? "PART" : "ADV")}} 6 advmod _
        6 wrong wrong ADJ 2 ccomp _
        7 to to PART 8 mark _
        8 {{verb}} {{verb}} VERB 6 csubj _
        9 Ardonia Ardonia PROPN 11 nsubj {{Ardonia}}
        10 would would AUX 11 aux _
        11 attack attack VERB 8 ccomp _
        12 . . PUNCT 2 punct _
        """);

    [Fact]
    public void Words_that_judge_a_claim_deny_it()
    {
        // "said it was just wrong to suggest Ardonia would attack": a denial (016), which stands without a target.
        var e = Assert.Single(SaidItWasWrongTo("suggest").Events);
        Assert.Equal("016", e.Cameo);
        Assert.Contains("+denial:wrong", e.Rule, StringComparison.Ordinal);
        // "not wrong to suggest" concedes the claim; "wrong to expect" judges no claim: no denial.
        Assert.DoesNotContain(SaidItWasWrongTo("suggest", not: true).Events, x => x.Cameo == "016");
        Assert.DoesNotContain(SaidItWasWrongTo("expect").Events, x => x.Cameo == "016");
        // "said Ardonia was wrong to suggest ...": an actor judged wrong is criticised (111), as for any word of criticism.
        var named = Assert.Single(Code($$"""
            {{Speaker}}
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {{Ardonia}}
            4 was be AUX 5 cop _
            5 wrong wrong ADJ 2 ccomp _
            6 to to PART 7 mark _
            7 suggest suggest VERB 5 xcomp _
            8 it it PRON 10 nsubj _
            9 would would AUX 10 aux _
            10 fall fall VERB 7 ccomp _
            11 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("111", "TUR"), (named.Cameo, named.Target?.Actor));
    }

    [Fact]
    public void A_body_a_pronoun_owns_is_no_described_target()
    {
        // "said there was complacency among our own voters": the speaker's own voters, not the article's people.
        var doc = Code("""
            1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
            2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRPTY
            3 said say VERB 0 root _
            4 there there PRON 5 expl _
            5 was be VERB 3 ccomp _
            6 complacency complacency NOUN 5 nsubj _
            7 among among ADP 9 case _
            8 our our PRON 9 nmod:poss _
            9 ministers minister NOUN 6 nmod _
            10 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("010", e.Cameo);
        Assert.Null(e.Target);
    }

    [Theory]
    [InlineData("VBD", "happened", "016")]  // "said it never happened": a denial (Wikinews, issue 11)
    [InlineData("VBZ", "happens", "010")]   // "said it never happens": a generic claim, no denial
    public void Saying_it_never_happened_is_a_denial(string tense, string form, string code)
    {
        var doc = Code(string.Join("\n",
            TestData.Row("1", "Tremont", "Tremont", "PROPN", "NNP", "2", "nsubj", "Ent=B-PER|Actor=SYRGOV"),
            TestData.Row("2", "said", "say", "VERB", "VBD", "0", "root", "_"),
            TestData.Row("3", "it", "it", "PRON", "PRP", "5", "nsubj", "_"),
            TestData.Row("4", "never", "never", "ADV", "RB", "5", "advmod", "_"),
            TestData.Row("5", form, "happen", "VERB", tense, "2", "ccomp", "_"),
            TestData.Row("6", ".", ".", "PUNCT", ".", "2", "punct", "_")) + "\n");
        var e = Assert.Single(doc.Events);
        Assert.Equal(code, e.Cameo);
    }

    [Fact]
    public void A_statement_saying_how_a_denial_was_made_is_the_denial()
    {
        // "Tremont denied the effect, arguing it was wrong": the parser hangs "arguing" on the denied object (Wikinews).
        var doc = Code(string.Join("\n",
            TestData.Row("1", "Tremont", "Tremont", "PROPN", "NNP", "2", "nsubj", "Ent=B-PER|Actor=SYRGOV"),
            TestData.Row("2", "denied", "deny", "VERB", "VBD", "0", "root", "_"),
            TestData.Row("3", "the", "the", "DET", "DT", "4", "det", "_"),
            TestData.Row("4", "effect", "effect", "NOUN", "NN", "2", "obj", "_"),
            TestData.Row("5", ",", ",", "PUNCT", ",", "6", "punct", "_"),
            TestData.Row("6", "arguing", "argue", "VERB", "VBG", "4", "acl", "_"),
            TestData.Row("7", "it", "it", "PRON", "PRP", "9", "nsubj", "_"),
            TestData.Row("8", "was", "be", "AUX", "VBD", "9", "cop", "_"),
            TestData.Row("9", "wrong", "wrong", "ADJ", "JJ", "6", "ccomp", "_"),
            TestData.Row("10", ".", ".", "PUNCT", ".", "2", "punct", "_")) + "\n");
        var e = Assert.Single(doc.Events);
        Assert.Equal("016", e.Cameo);
        Assert.Contains("+denial", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_of_criticism_in_a_noun_clause_judge_the_described_body_not_the_topic()
    {
        // "The Ebrian Tremont (a party) said the reason that the government is involved in a propaganda exercise on Ardonia":
        // the government (of the article's country) is criticised; Ardonia is only the topic (BBC politics, issue 11).
        var doc = Code("""
            1 Ebrian Ebrian ADJ 2 amod Ent=B-MISC|Actor=SYR
            2 Tremont Tremont PROPN 3 nsubj Ent=B-PER|Actor=SYRPTY
            3 said say VERB 0 root _
            4 the the DET 5 det _
            5 reason reason NOUN 3 ccomp _
            6 that that SCONJ 10 mark _
            7 the the DET 8 det _
            8 government government NOUN 10 nsubj _
            9 is be AUX 10 cop _
            10 involved involved ADJ 5 acl:relcl _
            11 in in ADP 13 case _
            12 propaganda propaganda NOUN 13 compound _
            13 exercise exercise NOUN 10 obl _
            14 on on ADP 15 case _
            15 Ardonia Ardonia PROPN 13 nmod Ent=B-LOC|Actor=TUR|Kb=country:TUR
            16 . . PUNCT 3 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("111", "SYRPTY", "SYRGOV"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
    }

    [Fact]
    public void Speaking_with_the_press_while_stating_is_the_channel_not_a_consultation()
    {
        // "Speaking with Ardonia TV, Tremont said Ardonia was ready" (BBC politics: "Speaking on BBC One's Breakfast with
        // Frost, he said ..."): the statement is the event, the broadcaster its channel.
        var doc = Code($"""
            1 Speaking speak VERB 7 advcl _
            2 with with ADP 4 case _
            3 Ardonia Ardonia PROPN 4 compound _
            4 TV TV PROPN 1 obl Ent=B-ORG|Actor=MED
            5 , , PUNCT 1 punct _
            6 Tremont Tremont PROPN 7 nsubj Ent=B-PER|Actor=SYRGOV
            7 said say VERB 0 root _
            8 Ardonia Ardonia PROPN 10 nsubj {Ardonia}
            9 was be AUX 10 cop _
            10 ready ready ADJ 7 ccomp _
            11 . . PUNCT 7 punct _
            """);
        Assert.DoesNotContain(doc.Events, x => x.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.Contains(doc.Events, x => x.Cameo == "010" && x.Source!.Actor == "SYRGOV");
    }

    /// <summary>"Tremont said Ardonia's sums {did not} add up." (BBC politics: "said the Lib Dem figures did not add up").</summary>
    private static Document SaidSumsAddUp(bool negated) => Code($"""
        {Speaker}
        2 said say VERB 0 root _
        3 Ardonia Ardonia PROPN 5 nmod:poss {Ardonia}
        4 's 's PART 3 case _
        5 sums sum NOUN {(negated ? 8 : 6)} nsubj _
        {(negated ? "6 do do AUX 8 aux _\n7 not not PART 8 advmod _\n8 add add VERB 2 ccomp _\n9 up up ADP 8 compound:prt _\n10 . . PUNCT 2 punct _"
                  : "6 add add VERB 2 ccomp _\n7 up up ADP 6 compound:prt _\n8 . . PUNCT 2 punct _")}
        """);

    [Fact]
    public void A_negated_phrase_of_conduct_is_its_act_in_any_tense_and_only_when_negated()
    {
        var e = Assert.Single(SaidSumsAddUp(negated: true).Events);
        Assert.Equal("111", e.Cameo);
        Assert.Equal(("SYRGOV", "TUR"), (e.Source!.Actor, e.Target!.Actor));
        Assert.DoesNotContain(SaidSumsAddUp(negated: false).Events, x => x.Cameo == "111");
    }

    /// <summary>"Tremont said the document offered a return to failed Ardonia ideas." with the name before "ideas" as
    /// <paramref name="nameRow"/>.</summary>
    private static Document ReturnToFailedIdeas(string nameRow) => Code($"""
        1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0
        2 said say VERB 0 root _
        3 the the DET 4 det _
        4 document document NOUN 5 nsubj _
        5 offered offer VERB 2 ccomp _
        6 a a DET 7 det _
        7 return return NOUN 5 obj _
        8 to to ADP 11 case _
        9 failed fail VERB 11 amod _
        {nameRow}
        11 ideas idea NOUN 7 nmod _
        12 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_word_modifying_a_noun_judges_the_actor_named_before_it_anywhere_in_the_clause()
    {
        // "Labour says the document offers only a return to a "failed Tory past"" (issue 11, BBC round 22): the judged noun
        // is neither the clause's subject nor an object of the speaker's verb; its name modifier is criticised.
        var e = Assert.Single(ReturnToFailedIdeas($"10 Ardonia Ardonia PROPN 11 compound {Ardonia}").Events);
        Assert.Equal(("111", "TUR"), (e.Cameo, e.Target!.Actor));
        // A pronoun ("their failed ideas") is a coreference guess, not trusted here: a plain statement.
        Assert.Equal("010", Assert.Single(ReturnToFailedIdeas("10 their they PRON 11 nmod:poss Ent=B-ORG|Actor=TUR|Cluster=4").Events).Cameo);
    }

    [Fact]
    public void Saying_an_actor_broke_the_law_is_an_accusation_of_it()
    {
        // "Trump said Bolton broke the law" (issue 11, Wikinews round 23): the phrase break+law is an accusation (112).
        var e = Assert.Single(Code($"""
            1 Tremont Tremont PROPN 2 nsubj Ent=B-PER|Actor=SYRGOV|Cluster=0
            2 said say VERB 0 root _
            3 Ardonia Ardonia PROPN 5 nsubj {Ardonia}
            4 had have AUX 5 aux _
            5 broken break VERB 2 ccomp _
            6 the the DET 7 det _
            7 law law NOUN 5 obj _
            8 . . PUNCT 2 punct _
            """).Events);
        Assert.Equal(("112", "TUR"), (e.Cameo, e.Target!.Actor));
        Assert.Contains("+accusation:break", e.Rule, StringComparison.Ordinal);
    }

    /// <summary>"Tremont said {subject} would not accept {object}." with the subject's row (id 3) and the object's rows
    /// (ids 7-9, head 9).</summary>
    private static Document SaidWouldNotAccept(string subjectRow, string objectRows) => Code($"""
        {Speaker}
        2 said say VERB 0 root _
        {subjectRow}
        4 would would AUX 6 aux _
        5 not not PART 6 advmod _
        6 accept accept VERB 2 ccomp _
        {objectRows}
        10 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_refusal_to_accept_what_another_actor_offers_is_a_rejection_of_it_in_any_tense()
    {
        // "Tremont said the government would not accept Ardonia's terms": a rejection (120) of Ardonia.
        var e = Assert.Single(SaidWouldNotAccept("3 government government NOUN 6 nsubj _", $"""
            7 Ardonia Ardonia PROPN 9 nmod:poss {Ardonia}
            8 's 's PART 7 case _
            9 terms term NOUN 6 obj _
            """).Events);
        Assert.Equal(("120", "SYRGOV", "TUR"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
        Assert.Contains("+rejection:accept", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_that_names_no_one_it_rejects_stays_a_plain_statement()
    {
        // "Tremont said Ardonia would not accept the new terms": Ardonia refuses; it is not whom the refusal rejects.
        var doc = SaidWouldNotAccept($"3 Ardonia Ardonia PROPN 6 nsubj {Ardonia}", """
            7 the the DET 9 det _
            8 new new ADJ 9 amod _
            9 terms term NOUN 6 obj _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Cameo.StartsWith("12", StringComparison.Ordinal));
        Assert.Contains(doc.Events, e => e.Cameo == "010");
    }
}
