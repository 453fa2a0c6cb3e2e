using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// An uncoded speaker's words take no source or target from what they are about (EventCoder.Statements.cs,
/// EventCoder.Verbs.cs, ClauseAnalyzer.Unasserted; issue 11, Reuters round 28): a verb in a relative clause states no
/// clause of its own, a parenthetical "..., said X" is not the content of the clause it reports, a "subject" opened by a
/// preposition of place is where the clause holds, an alternative "rather than" is not asserted, a bare plural's future is
/// a forecast, and what a subject is to undergo in the future has not happened. Hand-built parses, fictional names.
/// </summary>
public sealed class EventCoderUncodedSpeakerTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "1987-03-03");

    [Fact]
    public void A_verb_of_a_relative_clause_with_its_own_subject_states_no_clause()
    {
        // "Analysts said the problem Ardonia faces is excess supply." ("faces" with the clause hung on it by the parser)
        var doc = Code("""
            1 Analysts analyst NOUN 2 nsubj _
            2 said say VERB 0 root _
            3 the the DET 4 det _
            4 problem problem NOUN 2 ccomp _
            5 Ardonia Ardonia PROPN 6 nsubj Ent=B-LOC|Actor=TUR|Kb=country:TUR
            6 faces face VERB 4 acl:relcl _
            7 is be AUX 9 cop _
            8 excess excess ADJ 9 amod _
            9 supply supply NOUN 6 ccomp _
            10 . . PUNCT 2 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void A_verb_of_a_relative_clause_opened_by_a_relative_pronoun_still_states_its_clause()
    {
        // "Tremont, who insisted that Ardonia had erred, left." -- the relative pronoun is the subject: Tremont insisted.
        var doc = Code("""
            1 Tremont Tremont PROPN 9 nsubj Ent=B-PER|Actor=SYRGOV
            2 , , PUNCT 4 punct _
            3 who who PRON 4 nsubj _
            4 insisted insist VERB 1 acl:relcl _
            5 that that SCONJ 8 mark _
            6 Ardonia Ardonia PROPN 8 nsubj Ent=B-LOC|Actor=TUR|Kb=country:TUR
            7 had have AUX 8 aux _
            8 erred err VERB 4 ccomp _
            9 left leave VERB 0 root _
            10 . . PUNCT 9 punct _
            """);
        // (Ardonia, named in what was said, is no target of the plain statement.)
        Assert.Contains(doc.Events, e => e.Source?.Actor == "SYRGOV" && e.Cameo == "010" && e.Target is null);
    }

    [Fact]
    public void A_parenthetical_report_is_not_what_the_clause_it_reports_says()
    {
        // "Traders saw the value falling, said Tremont, an analyst." -- "saw" does not report "said Tremont".
        var doc = Code("""
            1 Traders trader NOUN 2 nsubj _
            2 saw see VERB 0 root _
            3 the the DET 4 det _
            4 value value NOUN 2 obj _
            5 falling fall VERB 4 acl _
            6 , , PUNCT 7 punct _
            7 said say VERB 2 parataxis _
            8 Tremont Tremont PROPN 7 nsubj Ent=B-PER|Actor=USABUS
            9 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Target?.Actor == "USABUS");
    }

    [Fact]
    public void A_subject_opened_by_a_preposition_of_place_is_no_target()
    {
        // "Only in the western Ardonia was it warm enough, Tremont said." (the parser's subject "in ... Ardonia")
        var doc = Code("""
            1 Only only ADV 5 advmod _
            2 in in ADP 5 case _
            3 the the DET 5 det _
            4 western western ADJ 5 amod _
            5 Ardonia Ardonia PROPN 8 nsubj Ent=B-LOC|Actor=TUR|Kb=country:TUR
            6 was be AUX 8 cop _
            7 it it PRON 8 expl _
            8 warm warm ADJ 12 ccomp _
            9 enough enough ADV 8 advmod _
            10 , , PUNCT 8 punct _
            11 Tremont Tremont PROPN 12 nsubj Ent=B-PER|Actor=USABUS
            12 said say VERB 0 root _
            13 . . PUNCT 12 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void An_alternative_set_aside_with_rather_than_is_not_asserted()
    {
        // "It was up to Bonn to cut taxes, rather than for the Bundesbank to ease policy."
        var doc = Code("""
            1 It it PRON 4 nsubj _
            2 was be AUX 4 cop _
            3 really really ADV 4 advmod _
            4 up up ADV 0 root _
            5 to to ADP 6 case _
            6 Bonn Bonn PROPN 4 obl Ent=B-LOC|Actor=DEU
            7 to to PART 8 mark _
            8 cut cut VERB 4 advcl _
            9 taxes tax NOUN 8 obj _
            10 , , PUNCT 17 punct _
            11 rather rather ADV 17 cc _
            12 than than ADP 11 fixed _
            13 for for ADP 15 case _
            14 the the DET 15 det _
            15 Bundesbank Bundesbank PROPN 17 nsubj Ent=B-ORG|Actor=DEUGOVBUS
            16 to to PART 17 mark _
            17 ease ease VERB 4 obl _
            18 policy policy NOUN 17 obj _
            19 . . PUNCT 4 punct _
            """);
        Assert.DoesNotContain(doc.Events, e => e.Source?.Actor == "DEUGOVBUS");
    }

    [Fact]
    public void The_future_of_a_bare_plural_is_a_forecast_not_an_intention()
    {
        // "Merchants will go to Ardonia." against "The Ardonian merchants will go to Belmaria." (kept as an intention)
        static string Go(string subject) => $"""
            {subject}
            3	will	will	AUX	MD	_	4	aux	_	_
            4	go	go	VERB	VB	_	0	root	_	_
            5	to	to	ADP	IN	_	6	case	_	_
            6	Belmaria	Belmaria	PROPN	NNP	_	4	obl	_	Ent=B-LOC|Actor=SYR|Kb=country:SYR
            7	.	.	PUNCT	.	_	4	punct	_	_
            """;
        var bare = Code(Go("""
            1	Traders	trader	NOUN	NNS	_	4	nsubj	_	_
            2	now	now	ADV	RB	_	4	advmod	_	_
            """));
        Assert.Empty(bare.Events);
        var named = Code(Go("""
            1	Tremont	Tremont	PROPN	NNP	_	4	nsubj	_	Ent=B-PER|Actor=TURGOV
            2	now	now	ADV	RB	_	4	advmod	_	_
            """));
        Assert.Contains(named.Events, e => e.Source?.Actor == "TURGOV" && e.Cameo.StartsWith("03", StringComparison.Ordinal));
    }

    [Fact]
    public void What_a_subject_is_to_undergo_in_the_future_is_no_event_yet()
    {
        // "The Ardonian rebels will face trial" against "The Ardonian rebels faced trial" (FACE + TRIAL: 173 of the subject).
        static Document Face(string aux, string verb, string xpos) => Code($"""
            1	The	the	DET	DT	_	3	det	_	_
            2	Ardonian	Ardonian	ADJ	JJ	_	3	amod	_	_
            3	rebels	rebel	NOUN	NNS	_	5	nsubj	_	Ent=B-ORG|Actor=TURREB
            4	{aux}	{aux}	AUX	MD	_	5	aux	_	_
            5	{verb}	face	VERB	{xpos}	_	0	root	_	_
            6	trial	trial	NOUN	NN	_	5	obj	_	_
            7	.	.	PUNCT	.	_	5	punct	_	_
            """);
        Assert.Empty(Face("will", "face", "VB").Events);
        Assert.NotEmpty(Face("did", "face", "VB").Events);
    }

    [Fact]
    public void They_continuing_uncoded_speakers_of_the_sentence_before_is_no_coded_source()
    {
        // "Rates will hold, <speaker> said. The Bundesbank is cautious, they said." ("they" resolved to the Bundesbank)
        static Document TwoStatements(string speaker) => Code($"""
            1	Rates	rate	NOUN	NNS	_	3	nsubj	_	_
            2	will	will	AUX	MD	_	3	aux	_	_
            3	hold	hold	VERB	VB	_	6	ccomp	_	_
            4	,	,	PUNCT	,	_	3	punct	_	_
            {speaker}
            6	said	say	VERB	VBD	_	0	root	_	_
            7	.	.	PUNCT	.	_	6	punct	_	_

            1	The	the	DET	DT	_	2	det	_	_
            2	Bundesbank	Bundesbank	PROPN	NNP	_	4	nsubj	_	Ent=B-ORG|Actor=DEUGOVBUS
            3	is	be	AUX	VBZ	_	4	cop	_	_
            4	cautious	cautious	ADJ	JJ	_	7	ccomp	_	_
            5	,	,	PUNCT	,	_	4	punct	_	_
            6	they	they	PRON	PRP	_	7	nsubj	_	Ent=B-ORG|Actor=DEUGOVBUS
            7	said	say	VERB	VBD	_	0	root	_	_
            8	.	.	PUNCT	.	_	7	punct	_	_
            """);
        Assert.DoesNotContain(TwoStatements("5\teconomists\teconomist\tNOUN\tNNS\t_\t6\tnsubj\t_\t_").Events,
            e => e.Source?.Actor == "DEUGOVBUS");
        Assert.Contains(TwoStatements("5\tTremont\tTremont\tPROPN\tNNP\t_\t6\tnsubj\t_\tEnt=B-PER|Actor=DEUGOV").Events,
            e => e.Source?.Actor == "DEUGOVBUS");
    }
}
