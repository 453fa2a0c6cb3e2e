using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// The addressee of a statement (issue 11, Reuters round 28): a clause of telling the parser hangs on the addressee as a
/// relative clause, a legislature addressed by description, an addressee in a phrase ("wrote to X"), and a statement the
/// speaker only relays from its own side. Hand-built parses, fictional names.
/// </summary>
public sealed class EventCoderAddresseeTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "1987-03-02");

    /// <summary>"Belmar told {addressee} that taxes would rise." with the clause parsed as a relative clause of the addressee
    /// (head 4), its "that" a subordinator.</summary>
    private static Document ToldThat(string addresseeRows) => Code($"""
        1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
        2 told tell VERB 0 root _
        {addresseeRows}
        5 that that SCONJ 8 mark _
        6 taxes tax NOUN 8 nsubj _
        7 would would AUX 8 aux _
        8 rise rise VERB 4 acl:relcl _
        9 . . PUNCT 2 punct _
        """);

    [Fact]
    public void A_that_clause_hung_on_the_addressee_is_what_was_told_and_a_parliament_addressed_is_the_speakers_own()
    {
        var doc = ToldThat("""
            3 the the DET 4 det _
            4 Parliament Parliament PROPN 2 iobj _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("010", e.Cameo);
        Assert.Equal(("GBRGOV", "GBRLEG"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Contains("tell+statement", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_addressee_parsed_as_a_first_clausal_complement_is_the_addressee()
    {
        // "Belmar told parliament on Friday taxes would rise" (Reuters), with "parliament" a ccomp of "told" beside the
        // reported clause: the addressee, the speaker's own legislature.
        var doc = Code("""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 told tell VERB 0 root _
            3 parliament parliament NOUN 2 ccomp _
            4 on on ADP 5 case _
            5 Friday Friday PROPN 3 nmod _
            6 taxes tax NOUN 8 nsubj _
            7 would would AUX 8 aux _
            8 rise rise VERB 2 ccomp _
            9 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("010", "GBRGOV", "GBRLEG"), (e.Cameo, e.Source!.Actor, e.Target!.Actor));
    }

    [Fact]
    public void A_committee_of_a_chamber_addressed_is_the_legislature()
    {
        // "He told a Lower House budget committee the government is likely to ..." (Reuters).
        var doc = ToldThat("""
            3 House house NOUN 4 compound _
            4 committee committee NOUN 2 iobj _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("GBRLEG", e.Target!.Actor);
        Assert.Equal("House committee", e.Target.Text);
    }

    [Fact]
    public void A_congress_of_another_body_is_no_legislature()
    {
        // "Castro told a congress of the union of young communists that ..." (Reuters).
        var doc = Code("""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 told tell VERB 0 root _
            3 a a DET 4 det _
            4 congress congress NOUN 2 iobj _
            5 of of ADP 6 case _
            6 union union NOUN 4 nmod _
            7 that that SCONJ 10 mark _
            8 taxes tax NOUN 10 nsubj _
            9 would would AUX 10 aux _
            10 rise rise VERB 4 acl:relcl _
            11 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events, x => x.Rule.Contains("tell+statement", StringComparison.Ordinal));
        Assert.Null(e.Target);
    }

    [Fact]
    public void Words_of_criticism_spoken_in_parliament_do_not_judge_the_house()
    {
        // "... we should come down really hard on those who abuse that freedom," he told MPs (BBC politics); here "told Parliament".
        // "Belmar told Parliament that {subject} {verb} {predicate}."
        static Document Told(string subject, string aux, string predicate, string upos) => Code($"""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 told tell VERB 0 root _
            3 Parliament Parliament PROPN 2 iobj _
            4 that that SCONJ 7 mark _
            5 {subject} {subject} NOUN 7 nsubj _
            6 {aux} {aux} AUX 7 {(aux == "were" ? "cop" : "aux")} _
            7 {predicate} {predicate} {upos} 2 ccomp _
            8 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(Told("abusers", "were", "wrong", "ADJ").Events, x => x.Target?.Actor == "GBRLEG");
        // The same words as a plain statement: the house is the addressee.
        var plain = Told("taxes", "would", "rise", "VERB");
        Assert.Equal("GBRLEG", Assert.Single(plain.Events).Target?.Actor);
    }

    [Fact]
    public void An_addressee_that_is_no_actor_leaves_the_clause_to_say_whom_it_is_about()
    {
        var doc = ToldThat("""
            3 the the DET 4 det _
            4 meeting meeting NOUN 2 iobj _
            """);
        var e = Assert.Single(doc.Events, x => x.Rule.Contains("tell+statement", StringComparison.Ordinal));
        Assert.Null(e.Target);
    }

    [Fact]
    public void A_true_relative_clause_of_the_addressee_is_no_reported_clause()
    {
        // "Belmar told the committee that oversees taxes ...": "that" is the relative pronoun, the clause's own subject.
        var doc = Code("""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 told tell VERB 0 root _
            3 the the DET 4 det _
            4 committee committee NOUN 2 obj _
            5 that that PRON 6 nsubj _
            6 oversees oversee VERB 4 acl:relcl _
            7 taxes tax NOUN 6 obj _
            8 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, x => x.Rule.Contains("tell+statement", StringComparison.Ordinal));
    }

    [Fact]
    public void An_actor_written_to_is_the_addressee()
    {
        // "Baker wrote to House Speaker Jim Wright that ..." (Reuters).
        var doc = Code("""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=USAGOV
            2 wrote write VERB 0 root _
            3 to to ADP 4 case _
            4 Tremont Tremont PROPN 2 obl Ent=B-PER|Actor=USALEG
            5 that that SCONJ 9 mark _
            6 the the DET 7 det _
            7 tax tax NOUN 9 nsubj _
            8 was be AUX 9 cop _
            9 unwise unwise ADJ 2 ccomp _
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("USAGOV", "USALEG"), (e.Source!.Actor, e.Target!.Actor));
        Assert.Equal("Tremont", e.Target.Text);
    }

    [Fact]
    public void A_statement_relayed_from_the_speakers_own_side_is_about_no_one()
    {
        // "But one Japanese oil company ... said business would continue as usual, a company spokesman said." (Reuters)
        var doc = Code("""
            1 Ardco Ardco PROPN 2 nsubj Ent=B-ORG|Actor=JPNBUS
            2 said say VERB 9 ccomp _
            3 business business NOUN 5 nsubj _
            4 would would AUX 5 aux _
            5 continue continue VERB 2 ccomp _
            6 , , PUNCT 9 punct _
            7 a a DET 8 det _
            8 spokesman spokesman NOUN 9 nsubj Ent=B-PER|Actor=JPNBUS
            9 said say VERB 0 root _
            10 . . PUNCT 9 punct _
            """);
        // The company is no target of its own spokesman's word (before, 010 JPNBUS > JPNBUS 'Ardco').
        Assert.DoesNotContain(doc.Events, x => x.Target is not null);
    }

    [Fact]
    public void A_committee_told_that_the_parser_makes_the_clause_s_subject_is_the_addressee()
    {
        // "Belmar told the House Budget Committee Ardonia was ready": the parser hangs the committee as the reported clause's
        // subject and that clause's own subject on it.
        var doc = Code("""
            1 Belmar Belmar PROPN 2 nsubj Ent=B-PER|Actor=GBRGOV
            2 told tell VERB 0 root _
            3 the the DET 6 det _
            4 House House PROPN 6 compound Ent=B-ORG
            5 Budget Budget PROPN 6 compound Ent=I-ORG
            6 Committee Committee PROPN 9 nsubj Ent=I-ORG
            7 Ardonia Ardonia PROPN 6 nsubj Ent=B-LOC|Actor=TUR
            8 was be AUX 9 cop _
            9 ready ready ADJ 2 ccomp _
            10 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("010", "GBRGOV", "GBRLEG"), (e.Cameo, e.Source!.Actor, e.Target?.Actor));
    }
}
