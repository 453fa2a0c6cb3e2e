using Parley.Core;
using Parley.Knowledge.Linking;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

/// <summary>Actor codes from the committed knowledge base and its supplement: armed groups, parties, agents, dated
/// legislators; and a long dictionary name that NER cut into pieces.</summary>
[Collection("kb")]
public class ActorDataTests(KbFixture fx)
{
    private static readonly DateOnly Date = new(2019, 10, 1);

    private Document Link(string text, params (string Phrase, string Type)[] ner)
    {
        var doc = new Document("a", text) { Published = Date };
        Tokenizer.Tokenize(doc);
        foreach (var (phrase, type) in ner)
        {
            int at = text.IndexOf(phrase, StringComparison.Ordinal);
            doc.Entities.Add(new EntityMention { Start = at, End = at + phrase.Length, Text = phrase, Type = type, Via = "ner" });
        }
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        return doc;
    }

    [Fact]
    public void The_public_spending_watchdog_is_a_government_body()
    {
        // The supplement's NATIONAL_AUDIT_OFFICE_ (GBRGOV) and the agent 'public spending watchdog' (GOV), not a bare GBR.
        var doc = Link("The National Audit Office said fraud was falling.", ("National Audit Office", "ORG"));
        Assert.Equal("GBRGOV", doc.Entities.Single(e => e.Text == "National Audit Office").Actor);
        doc = Link("The UK's public spending watchdog has said fraud was falling.", ("UK", "LOC"));
        Assert.Contains(doc.Entities, e => e.Text.EndsWith("watchdog", StringComparison.Ordinal) && e.Actor == "GBRGOV");
    }

    [Theory]
    [InlineData("The European Community said it would cut farm prices.", "European Community")]
    [InlineData("The EEC said it would cut farm prices.", "EEC")]
    [InlineData("The EC Commission said it would cut farm prices.", "EC")]
    public void The_European_Community_is_the_Union_s_forerunner(string text, string name)
    {
        // The supplement's EUROPEAN_COMMUNITY_ (1958-1993 news: the Common Market): the Union's code, not an unknown body.
        var doc = Link(text, (name, "ORG"));
        Assert.Equal("IGOEUREEC", doc.Entities.Single(e => e.Text == name).Actor);
    }

    [Fact]
    public void The_last_word_of_a_known_body_s_name_after_the_is_its_short_form()
    {
        // "The International Monetary Fund ... The Fund said": the short form joins the named body (coreference), a short form
        // before any such name stays unknown.
        const string text = "The International Monetary Fund criticized Brazil. The Fund said Brazil must cut spending.";
        var doc = new Document("a", text) { Published = Date };
        Tokenizer.Tokenize(doc);
        int full = text.IndexOf("International", StringComparison.Ordinal), shortForm = text.LastIndexOf("Fund", StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = full, End = full + 27, Text = "International Monetary Fund", Type = "ORG", Via = "ner" });
        doc.Entities.Add(new EntityMention { Start = shortForm, End = shortForm + 4, Text = "Fund", Type = "ORG", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        new Coref.CoreferenceResolver().Process(doc);
        Assert.Equal("IGOBUSIMF", doc.Entities.Single(e => e.Text == "Fund").Actor);
        var alone = Link("The Fund said Brazil must cut spending.", ("Fund", "ORG"));
        new Coref.CoreferenceResolver().Process(alone);
        Assert.Null(alone.Entities.Single(e => e.Text == "Fund").Actor);
    }

    [Fact]
    public void A_ministry_named_by_its_portfolio_is_not_the_party_of_that_name()
    {
        // "a Labour Ministry official" in a Japanese article (issue 11, Reuters: GBRPTYGOV): the agents dictionary reads
        // "Labour Ministry" whole (GOVLAB), so it is no Labour party + ministry; the coder codes it as a titled body.
        var doc = Link("The Labour Ministry said unemployment rose.", ("Labour Ministry", "ORG"));
        Assert.Null(doc.Entities.Single(e => e.Text == "Labour Ministry").Actor);
        // A country before an agent phrase still makes the country's body.
        doc = Link("The Afghan Interior Ministry said it.", ("Afghan Interior Ministry", "ORG"));
        Assert.Equal("AFGGOV", doc.Entities.Single(e => e.Text == "Afghan Interior Ministry").Actor);
    }

    [Fact]
    public void Indian_tribes_are_not_India()
    {
        // A demonym and the word after it that name a people apart from the country (linker-words.tsv not_country_phrases):
        // unlinked, whether NER marked the demonym or only the dictionary finds it.
        var doc = Link("He says the phrase referred to children born to Indian tribes, not to Indian citizens.", ("Indian", "MISC"));
        Assert.Null(doc.Entities.First(e => e.Text == "Indian").Actor);
        Assert.Equal("IND", doc.Entities.Last(e => e.Text == "Indian").Actor);
        doc = Link("Children born to Indian tribes.");
        Assert.DoesNotContain(doc.Entities, e => e.Actor == "IND");
    }

    [Fact]
    public void A_long_actor_name_NER_cut_into_pieces_is_one_name()
    {
        // NER's 'Islamic' MISC, 'Iraq' LOC, 'Levant' PER read together were "Iraqi Muslims" (IRQMUS).
        var doc = Link("The militant organisation, the Islamic State of Iraq and the Levant, claimed the attacks.",
            ("Islamic", "MISC"), ("Iraq", "LOC"), ("Levant", "PER"));
        var e = Assert.Single(doc.Entities, x => x.Text.Contains("Iraq", StringComparison.Ordinal));
        Assert.Equal(("Islamic State of Iraq and the Levant", "IMGMUSISI"), (e.Text, e.Actor));
        Assert.DoesNotContain(doc.Entities, x => x.Text == "Levant");
    }

    [Fact]
    public void A_shorter_name_at_the_first_word_gives_way_to_a_longer_one_after_it()
    {
        // "The Islamic State" is a name of its own; at a sentence's start it hid the longer name beginning one word later.
        var doc = Link("The Islamic State of Iraq and the Levant, which is linked to the group, claimed responsibility.",
            ("Islamic", "MISC"), ("Iraq", "LOC"), ("Levant", "PER"));
        var e = Assert.Single(doc.Entities, x => x.Text.Contains("Iraq", StringComparison.Ordinal));
        Assert.Equal(("Islamic State of Iraq and the Levant", "IMGMUSISI"), (e.Text, e.Actor));
    }

    [Fact]
    public void One_NER_name_inside_a_longer_dictionary_name_stays()
    {
        // Only one piece: NER's reading is kept, as before (a single name is no fragment).
        var doc = Link("The Islamic State of Iraq and the Levant claimed the attacks.", ("Islamic State of Iraq", "ORG"));
        Assert.Contains(doc.Entities, x => x.Text == "Islamic State of Iraq" && x.Via == "ner");
    }

    [Theory]
    [InlineData("The attack was claimed by the Houthi movement in Yemen.", "Houthi movement", "YEMREB")]
    [InlineData("The Houthis fired missiles.", "Houthis", "YEMREB")]
    [InlineData("The English Democrats met.", "English Democrats", "GBRPTY")] // not the American Democrats
    [InlineData("Eliot Engel spoke.", "Eliot Engel", "USALEG")]              // a US Representative is a legislator
    [InlineData("Elijah Cummings spoke.", "Elijah Cummings", "USALEG")]
    [InlineData("Tony Blair has launched an attack on Conservative spending plans.", "Conservative", "GBRPTY")] // the adjective
    [InlineData("The Bank of Japan said it would intervene.", "Bank of Japan", "JPNGOVBUS")] // central banks Phoenix lacks
    [InlineData("The Bundesbank left its rates unchanged.", "Bundesbank", "DEUGOVBUS")]
    public void Supplement_actors_have_their_codes(string text, string phrase, string actor)
    {
        var doc = fx.Process(text, Date);
        Assert.Contains(doc.Entities, e => e.Text.Contains(phrase, StringComparison.Ordinal) && e.Actor == actor);
    }

    [Theory]
    [InlineData(1987, "Soviet Union", "USR")]   // CAMEO's code, not Phoenix's SUN (CAMEO's Sunni)
    [InlineData(1987, "Russian", "USR")]        // before 1991-12-26 Russia's codes are the Union's
    [InlineData(1987, "Ryzhkov", "USRGOV")]     // a Soviet premier Phoenix dates as Russia's
    [InlineData(2019, "Russian", "RUS")]
    public void Soviet_era_articles_speak_of_the_Soviet_Union(int year, string phrase, string actor)
    {
        var doc = fx.Process($"The Soviet Union, a Russian official and Nikolay Ryzhkov spoke.", new DateOnly(year, 3, 1));
        Assert.Contains(doc.Entities, e => e.Text.Contains(phrase, StringComparison.Ordinal) && e.Actor == actor);
    }

    [Fact]
    public void The_lower_case_adjective_conservative_is_no_party()
    {
        // "Conservative" names the UK party only capitalised (issue 11): "a conservative estimate" is no actor.
        var doc = fx.Process("Officials gave a conservative estimate of the cost.", Date);
        Assert.DoesNotContain(doc.Entities, e => e.Text.Contains("conservative", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("green party", "PTY")]   // a party, not an environmental group (Phoenix: ENV)
    [InlineData("rioters", "CVL")]       // not the political opposition (Phoenix: OPP)
    [InlineData("candidate", "PTY")]     // as Phoenix's "presidential candidate": not the office's holder
    [InlineData("nominee", "PTY")]
    [InlineData("task force", "GOV")]    // "White House Coronavirus Task Force": a working group, not armed forces
    [InlineData("joint task force", "MIL")]
    [InlineData("refugee agencies", "NGO")]  // those who work for refugees, not refugees (Phoenix: REF by the modifier)
    [InlineData("refugee charity", "NGO")]
    [InlineData("financial analysts", "BUS")] // an analyst of a market or a bank works for a business
    [InlineData("bank analyst", "BUS")]
    [InlineData("analysts", "EDU")]           // a bare analyst stays the commentator
    [InlineData("senior vice president", "BUS")]       // a post only companies give, not Phoenix's PRESIDENT (GOV)
    [InlineData("executive vice-presidents", "BUS")]
    [InlineData("chief executive officer", "BUS")]     // not Phoenix's CHIEF_EXECUTIVE (Hong Kong's, GOV)
    [InlineData("president", "GOV")]
    public void Agent_phrases_have_their_roles(string phrase, string role) => Assert.Equal(role, fx.Kb.AgentCode(phrase));
}
