using Parley.Core;
using Parley.Events.Lexicon;

namespace Parley.Events.Tests.Lexicon;

/// <summary>Known facts of the committed data/lang/en lexicon (WordNet 3.1), and how it reaches the CAMEO verb dictionary.</summary>
public sealed class CommittedLexiconTests
{
    private static readonly Lazy<VerbLexicon> Lazy = new(() => VerbLexicon.Load(VerbLexicon.FindFolder()
        ?? throw new InvalidOperationException("data/lang/en not found from " + Directory.GetCurrentDirectory())));

    private static VerbLexicon Lex => Lazy.Value;

    private static VerbCandidate Find(string verb, string candidate, int maxSenses) =>
        Assert.Single(Lex.Related(verb, maxSenses), c => c.Lemma == candidate);

    [Fact]
    public void Holds_the_whole_verb_lexicon()
    {
        Assert.True(Lex.VerbCount > 11_000, $"{Lex.VerbCount} verb lemmas");
        Assert.True(Lex.SynsetCount > 13_000, $"{Lex.SynsetCount} verb synsets");
        Assert.True(Lex.IrregularFormCount > 2_000, $"{Lex.IrregularFormCount} irregular forms");
        Assert.True(Lex.NounCount > 10_000, $"{Lex.NounCount} nouns with a derived verb");
        Assert.Same(VerbLexicon.Shared, VerbLexicon.Shared);
    }

    [Fact]
    public void Rare_violent_verbs_reach_the_common_verb_of_their_most_frequent_sense()
    {
        Assert.Equal(new VerbCandidate("hit", VerbRelation.Hypernym, 1, 1, "contact", "01402698"), Find("pummel", "hit", 1));
        // "slam": sense 2 (strike violently) is a way to hit. WordNet has no "criticize harshly" sense of "slam".
        Assert.Equal(VerbRelation.Hypernym, Find("slam", "hit", 2).Relation);
        Assert.DoesNotContain("criticize", Lex.Candidates("slam", 10));
        Assert.Equal(VerbRelation.Hypernym, Find("rebuff", "reject", 1).Relation);
    }

    [Fact]
    public void Verbs_of_speech_reach_their_synonyms_and_hypernyms()
    {
        Assert.Equal(VerbRelation.Synonym, Find("confer", "consult", 1).Relation);
        Assert.Equal(VerbRelation.Hypernym, Find("confer", "discuss", 1).Relation);
        Assert.Equal(VerbRelation.Synonym, Find("decry", "condemn", 1).Relation);
        Assert.Equal(VerbRelation.Hypernym, Find("decry", "denounce", 1).Relation);
        Assert.Equal(VerbRelation.Hypernym, Find("berate", "criticize", 1).Relation);
        // Multi-word verbs both ways: "call off" is "cancel"; "turn down" is a member of the rejecting synset.
        Assert.Equal(VerbRelation.Synonym, Find("call off", "cancel", 1).Relation);
        Assert.Contains("turn_down", Lex.Candidates("spurn", 1));
    }

    [Fact]
    public void Senses_come_in_frequency_order()
    {
        var senses = Lex.Senses("attack");
        Assert.True(senses.Count >= 6);
        Assert.Equal(Enumerable.Range(1, senses.Count), senses.Select(s => s.Rank));
        Assert.True(senses[0].TagCount >= senses[^1].TagCount);
        Assert.Contains("attack", senses[0].Members);
    }

    [Fact]
    public void Irregular_forms_lead_to_their_verb()
    {
        Assert.Equal(["fight"], Lex.BaseForms("fought"));
        Assert.Contains("shoot", Lex.BaseForms("shot"));
        Assert.Equal(Lex.Candidates("fight"), Lex.Candidates("fought"));
    }

    [Theory]
    [InlineData("negotiation", "negotiate")]
    [InlineData("visit", "visit")]
    [InlineData("attack", "attack")]
    [InlineData("protest", "protest")]
    [InlineData("election", "elect")]
    [InlineData("criticism", "criticize")]
    [InlineData("invasion", "invade")]
    [InlineData("accusation", "accuse")]
    public void Event_nouns_name_their_verb(string noun, string verb) => Assert.Equal(verb, Lex.VerbOfNoun(noun));

    [Theory]
    [InlineData("president")]   // a person, not an act of presiding
    [InlineData("government")]  // a group; "the act of governing" is only its second sense
    [InlineData("soldier")]
    [InlineData("treaty")]      // a document, no verb
    public void Nouns_for_people_groups_and_things_name_no_verb(string noun) => Assert.Null(Lex.VerbOfNoun(noun));

    /// <summary>Single-word verbs of the CAMEO verb dictionary (data/cameo), as the coder would ask.</summary>
    private static bool InDictionary(string lemma) =>
        !lemma.Contains('_', StringComparison.Ordinal) && TestData.Cameo.Verbs.Lookup(StringStore.Intern(lemma)) is not null;

    /// <summary>Verbs that PETRARCH2's dictionary lacks (at the time of writing) reach one of its verbs in their first sense;
    /// the candidate never is the verb itself, so the facts hold whether or not the dictionary gains the verb later.</summary>
    [Theory]
    [InlineData("execute", "kill", VerbRelation.Hypernym)]
    [InlineData("picket", "demonstrate", VerbRelation.Hypernym)]
    [InlineData("coerce", "pressure", VerbRelation.Synonym)]
    [InlineData("abdicate", "renounce", VerbRelation.Synonym)]
    [InlineData("pummel", "hit", VerbRelation.Hypernym)]
    public void Verbs_reach_a_dictionary_verb_in_their_first_sense(string verb, string dictionaryVerb, VerbRelation relation)
    {
        var first = Lex.FirstKnown(verb, InDictionary, maxSenses: 1);
        Assert.NotNull(first);
        Assert.Equal((dictionaryVerb, relation, 1), (first.Value.Lemma, first.Value.Relation, first.Value.Sense));
    }
}
