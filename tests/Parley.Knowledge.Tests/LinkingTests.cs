using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Linking;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

[Collection("minikb")]
public class LinkingTests(MiniKbFixture fx)
{
    private static EntityMention? At(Document doc, string phrase, int word = 0)
    {
        int i = doc.Text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(i >= 0, phrase);
        return CoreferenceResolver.EntityAt(doc, doc.TokenAt(i) + word);
    }

    [Fact]
    public void APersonsRoleIsResolvedForTheArticleDate()
    {
        var d2019 = fx.Process("President Donald Trump spoke.", new DateOnly(2019, 12, 4));
        var trump = d2019.Entities.Single(e => e.Text == "Donald Trump");
        Assert.Equal(("PER", "USAGOV", "actor:DONALD_TRUMP"), (trump.Type, trump.Actor, trump.Kb));
        var d2022 = fx.Process("Donald Trump spoke.", new DateOnly(2022, 1, 1));
        Assert.Equal("USAELI", d2022.Entities.Single(e => e.Text == "Donald Trump").Actor);
    }

    [Theory]
    [InlineData("Afghan officials said it.", "Afghan officials", 1, "AFGGOV")]
    [InlineData("They met the U.S. military there.", "U.S. military", 1, "USAMIL")]
    [InlineData("Afghan security forces were attacked.", "Afghan security forces", 2, "AFGMIL")]
    [InlineData("They criticised the government of Afghanistan yesterday.", "government of Afghanistan", 0, "AFGGOV")]
    [InlineData("Afghanistan's government refused.", "Afghanistan's government", 2, "AFGGOV")]
    [InlineData("He refused to talk to official Kabul.", "official Kabul", 1, "AFGGOV")]
    public void AgentsCombineWithTheCountryOfTheirPhrase(string text, string phrase, int word, string actor)
    {
        var doc = fx.Process(text, new DateOnly(2019, 12, 4));
        Assert.Equal(actor, At(doc, phrase, word)?.Actor);
    }

    [Fact]
    public void ACapitalThatActsIsItsGovernment()
    {
        var doc = fx.Process("Washington said the talks would resume. Troops arrived in Washington.", new DateOnly(2019, 12, 4));
        var first = doc.Entities.First(e => e.Text == "Washington");
        Assert.Equal("USAGOV", first.Actor);
        Assert.Equal("USA", doc.Entities.Last(e => e.Text == "Washington").Actor);
    }

    [Theory]
    [InlineData("Talks with the movement \"Taliban\" resumed.")]
    [InlineData("Talks with \"The Taliban\" resumed.")]
    [InlineData("Talks with the Taliban resumed.")]
    [InlineData("Talks with \u201CTaliban\u201D resumed.")]
    public void QuotedNamesLinkLikePlainOnes(string text)
    {
        var doc = fx.Process(text, new DateOnly(2019, 12, 4));
        var e = At(doc, "Taliban");
        Assert.Equal(("ORG", "AFGREB", "actor:TALIBAN"), (e?.Type, e?.Actor, e?.Kb));
    }

    [Theory]
    [InlineData("Fred Trump spoke in the United States. Mr Trump said more.", null)]          // the article's own Trump, whom the KB lacks
    [InlineData("Donald Trump spoke in the United States. Mr Trump said more.", "USAGOV")]    // the full name decides the surname
    public void A_surname_alone_is_the_articles_own_full_name_of_it(string text, string? actor)
    {
        var doc = new Document("s", text) { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        int second = text.IndexOf("Mr Trump", StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = 0, End = text.IndexOf(" spoke", StringComparison.Ordinal), Text = text[..text.IndexOf(" spoke", StringComparison.Ordinal)], Type = "PER", Via = "ner" });
        doc.Entities.Add(new EntityMention { Start = second, End = second + 8, Text = "Mr Trump", Type = "PER", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        Assert.Equal(actor, doc.Entities.Single(e => e.Text == "Mr Trump").Actor);
    }

    [Theory]
    [InlineData("The Elbonian Union (EU) said it. The EU said more.", "EU", null)]          // the article's own EU: the KB's is a namesake
    [InlineData("The European Union (EU) said it. The EU said more.", "EU", "IGOEUREEC")]   // defined as the KB's body itself
    [InlineData("The Elbonian union (EU) said it. The EU said more.", "EU", "IGOEUREEC")]   // no initials of the name: no definition
    [InlineData("The Ugandan Nutrition Board (UN) said it. The UN said more.", "UN", "IGOUNO")] // the KB knows "UN" by no longer name
    public void An_abbreviation_defined_in_brackets_names_what_its_name_names(string text, string abbreviation, string? actor)
    {
        var doc = new Document("s", text) { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        int name = text.IndexOf(' ') + 1, open = text.IndexOf(" (", StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = name, End = open, Text = text[name..open], Type = "ORG", Via = "ner" });
        for (int at = text.IndexOf(abbreviation, open, StringComparison.Ordinal); at >= 0; at = text.IndexOf(abbreviation, at + 2, StringComparison.Ordinal))
            doc.Entities.Add(new EntityMention { Start = at, End = at + 2, Text = abbreviation, Type = "ORG", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        Assert.Equal(actor, doc.Entities.Last(e => e.Text == abbreviation).Actor);
    }

    [Theory]
    [InlineData("President Hollister", "PER", "1987-03-02", "USAGOV")] // a person's surname that is also a county's alias: the person
    [InlineData("President Hollister", "PER", "1995-03-02", null)]    // no role held on the date: no guess
    [InlineData("Mr Hollister", "PER", "1987-03-02", null)]           // a courtesy title names no office: as often someone else
    [InlineData("Hollister", "PER", "1987-03-02", null)]
    [InlineData("President Hollister said it. Hollister", "PER", "1987-03-02", "USAGOV")] // the surname alone after the titled one
    [InlineData("Hollister", "LOC", "1987-03-02", null)]              // the county itself is no person
    public void A_surname_that_also_names_a_place_is_a_person_with_an_office_title(string name, string type, string date, string? actor)
    {
        string text = name + " spoke in the United States.";
        var doc = new Document("s", text) { Published = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };
        Tokenizer.Tokenize(doc);
        // NER takes each surname alone, the title before it; the last one is asked.
        for (int at = text.IndexOf("Hollister", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Hollister", at + 1, StringComparison.Ordinal))
            doc.Entities.Add(new EntityMention { Start = at, End = at + 9, Text = "Hollister", Type = type, Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = doc.Entities.Last(e => e.Text == "Hollister");
        Assert.Equal(actor, e.Actor is { Length: > 3 } person ? person : null);
    }

    [Fact]
    public void A_relative_who_shares_a_surname_is_not_the_person_the_surname_names()
    {
        // "Mary Trump" is Donald Trump's niece: a one-word surname inside another given name links no one
        const string text = "Mary Trump released a book.";
        var doc = new Document("s", text) { Published = new DateOnly(2020, 7, 14) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 0, End = 10, Text = "Mary Trump", Type = "PER", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        Assert.Null(doc.Entities.Single().Actor);
    }

    [Theory]
    [InlineData("Trump Holderson", null)]            // a given name before one surname: someone else ("Albert Holderson" is no Prince Albert)
    [InlineData("President Trump", "USAGOV")]        // the one-word name after a title is the person
    public void A_one_word_person_as_the_given_name_of_a_longer_name_is_a_namesake(string name, string? actor)
    {
        string text = name + " released a book.";
        var doc = new Document("s", text) { Published = new DateOnly(2020, 7, 14) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 0, End = name.Length, Text = name, Type = "PER", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        Assert.Equal(actor, doc.Entities.Single().Actor);
    }

    [Theory]
    [InlineData("Afghan security forces were attacked.", "Afghan security forces", "AFGMIL")]   // NER joined the country and the agent
    [InlineData("U.S. military officials met.", "U.S. military", "USAMIL")]
    [InlineData("Afghan Times reported it.", "Afghan Times", null)]                              // the rest is no agent
    public void A_name_joined_with_an_agent_phrase_is_the_country_with_the_agents_role(string text, string name, string? actor)
    {
        var doc = new Document("j", text) { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 0, End = name.Length, Text = name, Type = "ORG", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = doc.Entities.First(m => m.Text == name);
        Assert.Equal(actor, e.Actor);
        // Not the country itself: coreference must not take it for a later "the country".
        if (actor is not null) Assert.Null(e.Kb);
    }

    [Theory]
    [InlineData("Leaders of the United States met.", "United States", "USA")]   // NER cut the name short: "States"
    [InlineData("Leaders of Big States met.", "States", null)]                  // the wider name is no name either
    public void A_name_cut_short_takes_in_the_capitalised_word_before_it(string text, string linked, string? actor)
    {
        var doc = new Document("w", text) { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        int at = text.IndexOf("States", StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = at, End = at + 6, Text = "States", Type = "LOC", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = doc.Entities.Single(m => m.End == at + 6);
        Assert.Equal((linked, actor), (e.Text, e.Actor));
    }

    [Theory]
    [InlineData("Fighters of Hezb-e-Islami met.", "Hezb", "Hezb-e-Islami", "AFGREB")]   // NER cut the name short at a hyphen
    [InlineData("Fighters of Anti-Taliban groups met.", "Anti", "Anti", null)]          // the hyphenated whole is no name either
    public void A_name_cut_short_at_a_hyphen_takes_in_the_words_it_is_hyphenated_with(string text, string marked, string linked, string? actor)
    {
        var doc = new Document("w", text) { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        int at = text.IndexOf(marked, StringComparison.Ordinal);
        doc.Entities.Add(new EntityMention { Start = at, End = at + marked.Length, Text = marked, Type = "ORG", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = doc.Entities.Single(m => m.Start == at);
        Assert.Equal((linked, actor), (e.Text, e.Actor));
    }

    [Fact]
    public void A_double_barrelled_name_cut_at_its_hyphen_is_one_person_linked_as_its_full_name_with_titles()
    {
        // NER marks "Euro MP Robin Larke" and "Holloway", then "Mr Larke" and "Holloway": one person each time, the knowledge
        // base's Larke-Holloway (the full name with its titles "Euro MP" is linked by the person inside it).
        const string text = "Euro MP Robin Larke-Holloway spoke. Mr Larke-Holloway said it.";
        var doc = new Document("k", text) { Published = new DateOnly(2005, 3, 1) };
        Tokenizer.Tokenize(doc);
        void Mark(string s, int from, string type)
        {
            int at = text.IndexOf(s, from, StringComparison.Ordinal);
            doc.Entities.Add(new EntityMention { Start = at, End = at + s.Length, Text = s, Type = type, Via = "ner" });
        }
        Mark("Euro MP Robin Larke", 0, "MISC");
        Mark("Holloway", 0, "PER");
        Mark("Mr Larke", 30, "PER");
        Mark("Holloway", 33, "PER");
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var people = doc.Entities.Where(e => e.Via == "ner").Select(e => (e.Text, e.Type, e.Actor)).ToList();
        Assert.Equal([("Euro MP Robin Larke-Holloway", "PER", "GBROPP"), ("Mr Larke-Holloway", "PER", "GBROPP")], people);
    }

    [Fact]
    public void NerMentionsAreLinkedWithQuotesAndArticlesStripped()
    {
        var doc = new Document("n", "Talks with \"The Taliban\" resumed.") { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 11, End = 24, Text = "\"The Taliban\"", Type = "ORG", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = Assert.Single(doc.Entities);
        Assert.Equal("AFGREB", e.Actor);
        Assert.Equal("Taliban", e.Name);
    }

    [Fact]
    public void AGroupThatNerCallsMiscBecomesAnOrganisationWhenLinked()
    {
        var doc = new Document("m", "Talks with the Taliban resumed.") { Published = new DateOnly(2019, 12, 4) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 15, End = 22, Text = "Taliban", Type = "MISC", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        var e = Assert.Single(doc.Entities);
        Assert.Equal(("ORG", "AFGREB"), (e.Type, e.Actor));
    }

    [Fact]
    public void AmbiguousNamesFollowTheDocumentsCountries()
    {
        var us = fx.Process("In Washington, John Smith spoke for the United States.", new DateOnly(2015, 1, 1));
        Assert.Equal("USAGOV", us.Entities.First(e => e.Text == "John Smith").Actor);
        var uk = fx.Process("In London, John Smith spoke for the United Kingdom.", new DateOnly(2015, 1, 1));
        Assert.Equal("GBRREB", uk.Entities.First(e => e.Text == "John Smith").Actor);
    }

    [Fact]
    public void UnknownNamesKeepTheirTypeAndShareADocumentLocalCluster()
    {
        var doc = new Document("u", "Maria Ortega met the press. Ortega left.") { Published = new DateOnly(2019, 1, 1) };
        Tokenizer.Tokenize(doc);
        doc.Entities.Add(new EntityMention { Start = 0, End = 12, Text = "Maria Ortega", Type = "PER", Via = "ner" });
        doc.Entities.Add(new EntityMention { Start = 28, End = 34, Text = "Ortega", Type = "PER", Via = "ner" });
        doc.Done |= Layers.Entities;
        new EntityLinker(fx.Kb).Process(doc);
        new CoreferenceResolver().Process(doc);
        var named = doc.Entities.Where(MentionKinds.IsNamed).ToList();
        Assert.All(named, e => { Assert.Null(e.Kb); Assert.Equal("PER", e.Type); Assert.Equal("Maria Ortega", e.Name); });
        Assert.Equal(named[0].Cluster, named[1].Cluster);
        Assert.True(named[0].Cluster >= 0);
    }

    [Fact]
    public void ThePronounUsIsNotTheUnitedStates()
    {
        var doc = fx.Process("They told us that the US military would stay.", new DateOnly(2019, 1, 1));
        Assert.Null(At(doc, "us that"));
        Assert.Equal("USAMIL", At(doc, "US military")?.Actor);
    }
}

[Collection("minikb")]
public class PipelineTests(MiniKbFixture fx)
{
    /// <summary>A stand-in for the NLP stages: rule tokens and sentences, no tags, no NER (the linker then finds the names).</summary>
    private sealed class PlainTokenizer : IPipelineComponent
    {
        public static readonly ComponentDescriptor Descriptor = new("plain", Layers.None, Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Entities);
        public string Name => Descriptor.Name;
        public void Process(Document doc, CancellationToken cancellationToken = default) => Tokenizer.Tokenize(doc);
    }

    [Fact]
    public void TheKnowledgeStagesRunInAPipelineAndTwiceGiveTheSameResult()
    {
        var context = new ComponentContext(LanguageData.Default).Set(KnowledgeStages.KnowledgeBaseKey, fx.Kb);
        var pipeline = new PipelineBuilder().Add(PlainTokenizer.Descriptor, new PlainTokenizer()).AddKnowledge().Build(Layers.All, context);
        var doc = new Document("p", "Afghan officials met the Taliban in Kabul. They said it went well.") { Published = new DateOnly(2019, 12, 4) };
        pipeline.Process(doc);
        var first = doc.Entities.Select(e => (e.Start, e.End, e.Actor, e.Via)).ToList();
        pipeline.Process(doc);
        Assert.Equal(first, doc.Entities.Select(e => (e.Start, e.End, e.Actor, e.Via)).ToList());
        Assert.Contains(doc.Entities, e => e.Text == "Afghan officials" && e.Actor == "AFGGOV");
        // Kabul, and the demonym "Afghan" as its country.
        Assert.Equal([("Afghan", PlaceRole.Demonym), ("Kabul", PlaceRole.Place)], doc.Places.Select(p => (p.Text, p.Role!)).ToList());
    }
}

/// <summary>Party names many countries' parties share, linked with the committed knowledge base.</summary>
[Collection("kb")]
public class PartyLinkingTests(KbFixture fx)
{
    [Fact]
    public void A_shared_party_name_in_an_article_about_another_countrys_parties_is_not_the_british_party()
    {
        // Australia named twice, one of its parties named: "the Conservative" is no British party, and the knowledge base
        // has no Australian party of that name.
        var au = fx.Process("The Australian Liberal Party won in Australia. The Conservative side governs Australia.", new DateOnly(2020, 10, 1), withCoref: false);
        Assert.Equal("AUSPTY", au.Entities.First(e => e.Text == "Australian Liberal Party").Actor);
        var conservative = au.Entities.First(e => e.Text == "Conservative");
        Assert.Null(conservative.Actor);
        // Without a party of the article's country named the link stays, and British news keeps its parties.
        var other = fx.Process("The Conservative side governs Australia. Australia votes.", new DateOnly(2020, 10, 1), withCoref: false);
        Assert.Equal("GBRPTY", other.Entities.First(e => e.Text == "Conservative").Actor);
        var uk = fx.Process("The Conservative Party attacked Labour in Britain. Britain votes. The Australian Liberal Party won in Australia.", new DateOnly(2020, 10, 1), withCoref: false);
        Assert.Equal("GBRPTY", uk.Entities.First(e => e.Text == "Labour").Actor);
    }
}
