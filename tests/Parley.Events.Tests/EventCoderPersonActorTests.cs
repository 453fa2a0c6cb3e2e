using Parley.Core;

namespace Parley.Events.Tests;

/// <summary>
/// Persons as actors: two persons of one code are two actors (not one side dropped as "the same actor"), and a
/// candidacy title codes an unknown person as a party's, never as the office's holder, and leaves a known person's role.
/// Hand-built parses (CoNLL-U: ID FORM LEMMA UPOS HEAD DEPREL MISC), fictional names.
/// </summary>
public sealed class EventCoderPersonActorTests
{
    private static Document Code(string conllu) => TestData.Code(conllu, "2020-03-02");

    private const string Aldor = "Ent=B-PER|Actor=GONGOV|Name=Aldor_Example|Cluster=1";
    private const string Berin = "Ent=B-PER|Actor=GONGOV|Name=Berin_Example|Cluster=2";

    [Fact]
    public void Two_persons_of_one_government_are_two_actors()
    {
        // "Aldor criticised Berin", both GONGOV: before, one code was one side and the event was dropped.
        var doc = Code($"""
            1 Aldor Aldor PROPN 2 nsubj {Aldor}
            2 criticised criticise VERB 0 root _
            3 Berin Berin PROPN 2 obj {Berin}
            4 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("GONGOV", "Aldor Example", "GONGOV", "Berin Example"), (e.Source!.Actor, e.Source.Name, e.Target!.Actor, e.Target.Name));
    }

    [Fact]
    public void Coordinated_persons_of_one_code_are_each_a_target()
    {
        // "Gondor criticised Aldor and Berin": both are criticised, not one of them.
        var doc = Code($"""
            1 Gondor Gondor PROPN 2 nsubj Ent=B-LOC|Actor=GON|Loc=B|Country=GON
            2 criticised criticise VERB 0 root _
            3 Aldor Aldor PROPN 2 obj {Aldor}
            4 and and CCONJ 5 cc _
            5 Berin Berin PROPN 3 conj {Berin}
            6 . . PUNCT 2 punct _
            """);
        Assert.Equal(["Aldor Example", "Berin Example"], doc.Events.Select(x => x.Target!.Name).Order());
    }

    [Fact]
    public void One_person_named_twice_is_still_one_actor()
    {
        var doc = Code($"""
            1 Aldor Aldor PROPN 2 nsubj {Aldor}
            2 criticised criticise VERB 0 root _
            3 Aldor Aldor PROPN 2 obj {Aldor}
            4 . . PUNCT 2 punct _
            """);
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void A_candidate_for_an_office_is_not_its_holder()
    {
        // "Gondor Mayor candidate Umbar met Berin": the candidate is the party's (as Phoenix's "presidential candidate"), not GOV.
        var doc = Code($"""
            1 Gondor Gondor PROPN 3 compound Ent=B-LOC|Actor=GON|Loc=B|Country=GON
            2 Mayor mayor PROPN 3 compound _
            3 candidate candidate NOUN 4 compound _
            4 Umbar Umbar PROPN 5 nsubj Ent=B-PER
            5 met meet VERB 0 root _
            6 Berin Berin PROPN 5 obj {Berin}
            7 . . PUNCT 5 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal("GONPTY", e.Source!.Actor);
    }

    [Theory]
    [InlineData("GONLEG")] // a legislator running for office is still a legislator
    [InlineData("GONELI")]
    public void A_candidacy_leaves_a_known_persons_role(string known)
    {
        var doc = Code($"""
            1 presidential presidential ADJ 2 amod _
            2 nominee nominee NOUN 3 compound _
            3 Umbar Umbar PROPN 4 nsubj Ent=B-PER|Actor={known}|Name=Umbar_Example|Cluster=3
            4 met meet VERB 0 root _
            5 Berin Berin PROPN 4 obj {Berin}
            6 . . PUNCT 4 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(known, e.Source!.Actor);
    }

    [Fact]
    public void A_pronoun_of_one_person_and_another_person_of_one_code_are_two_actors()
    {
        // "He [Aldor] praised Berin", both GONGOV, the pronoun in Aldor's cluster (BBC politics/251 "he heaped praise on Mr
        // Brown"): before, the pronoun's code was one side with Berin's and the praise had no target.
        var doc = Code($"""
            1 He he PRON 2 nsubj Ent=B-PER|Actor=GONGOV|Name=Aldor_Example|Cluster=1|Via=coref:pronoun
            2 praised praise VERB 0 root _
            3 Berin Berin PROPN 2 obj {Berin}
            4 . . PUNCT 2 punct _
            """);
        var e = Assert.Single(doc.Events);
        Assert.Equal(("051", "GONGOV", "GONGOV", "Berin Example"), (e.Cameo, e.Source!.Actor, e.Target!.Actor, e.Target.Name));
    }

    [Fact]
    public void A_pronoun_of_the_named_persons_own_cluster_is_that_person()
    {
        // "He [Berin] praised Berin": one person, no event between two.
        var doc = Code($"""
            1 He he PRON 2 nsubj Ent=B-PER|Actor=GONGOV|Name=Berin_Example|Cluster=2|Via=coref:pronoun
            2 praised praise VERB 0 root _
            3 Berin Berin PROPN 2 obj {Berin}
            4 . . PUNCT 2 punct _
            """);
        Assert.DoesNotContain(doc.Events, x => x.Target is not null);
    }
}
