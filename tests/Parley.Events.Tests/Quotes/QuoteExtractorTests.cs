using Parley.Core;
using Parley.Events.Quotes;

namespace Parley.Events.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private static Document Run(string text, Action<Document>? setup = null)
    {
        var doc = TokenizedText.Document(text);
        setup?.Invoke(doc);
        new QuoteExtractor().Process(doc);
        foreach (var q in doc.Quotes)
        {
            if (q.Text.Length == q.End - q.Start) Assert.Equal(q.Text, text[q.Start..q.End]);
            if (q.SpeakerStart is { } s) Assert.Equal(q.Speaker, text[s..q.SpeakerEnd!.Value]);
        }
        return doc;
    }

    private static QuoteMention SingleDirect(string text, Action<Document>? setup = null) =>
        Assert.Single(Run(text, setup).Quotes, q => q.Direct);

    private static void AddEntity(Document doc, string mention, string type, string? name = null, string? actor = null, int cluster = -1, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = doc.Text.IndexOf(mention, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, mention);
        doc.Entities.Add(new EntityMention { Start = at, End = at + mention.Length, Text = mention, Type = type, Name = name, Actor = actor, Cluster = cluster });
    }

    [Theory]
    [InlineData("\"We will not negotiate with terrorists,\" the minister said.", "We will not negotiate with terrorists")]
    [InlineData("\u201CWe will not negotiate with terrorists,\u201D the minister said.", "We will not negotiate with terrorists")]
    [InlineData("\u00ABWe will not negotiate with terrorists,\u00BB the minister said.", "We will not negotiate with terrorists")]
    [InlineData("\u00BBWe will not negotiate with terrorists,\u00AB the minister said.", "We will not negotiate with terrorists")]
    [InlineData("\u201EWe will not negotiate with terrorists,\u201C the minister said.", "We will not negotiate with terrorists")]
    [InlineData("\u2018We won\u2019t negotiate with the Taliban\u2019s leaders,\u2019 the minister said.", "We won\u2019t negotiate with the Taliban\u2019s leaders")]
    [InlineData("'We won't negotiate with terrorists,' the minister said.", "We won't negotiate with terrorists")]
    [InlineData("\u201CWe will not negotiate with terrorists, \u201Dthe minister said.", "We will not negotiate with terrorists")]
    public void Every_quote_style_gives_the_words_without_marks(string text, string quoted)
    {
        var q = SingleDirect(text);
        Assert.Equal(quoted, q.Text);
        Assert.Equal("the minister", q.Speaker);
    }

    [Fact]
    public void Nested_quotes_stay_inside_the_outer_quotation()
    {
        var q = SingleDirect("\u201CThey call it \u2018a peace deal\u2019 but it is \"surrender\",\u201D Ghani said.");
        Assert.Equal("They call it \u2018a peace deal\u2019 but it is \"surrender\"", q.Text);
        Assert.Equal("Ghani", q.Speaker);
    }

    [Fact]
    public void Apostrophes_are_not_quote_marks()
    {
        var doc = Run("The country\u2018s leaders didn\u2019t meet at Trump\u2019s residence, officials said.");
        Assert.DoesNotContain(doc.Quotes, q => q.Direct);
    }

    [Fact]
    public void A_quote_can_span_sentences()
    {
        var q = SingleDirect("\u201CThe talks are over. We will fight. Nobody can stop us,\u201D the commander said.");
        Assert.Equal("The talks are over. We will fight. Nobody can stop us", q.Text);
        Assert.Equal("the commander", q.Speaker);
    }

    [Fact]
    public void A_newspaper_quote_continues_into_a_paragraph_that_reopens_it()
    {
        var text = "Trump told reporters:\n\n\u201CWe have been talking to the Taliban for a long time.\n\n\u201CThey want a deal now, and we want a ceasefire,\u201D he said.";
        var doc = Run(text);
        var q = Assert.Single(doc.Quotes, x => x.Direct);
        Assert.Equal("We have been talking to the Taliban for a long time.\n\nThey want a deal now, and we want a ceasefire", q.Text);
        Assert.Equal(text.IndexOf("We have", StringComparison.Ordinal), q.Start);
        Assert.Equal(text.IndexOf("ceasefire", StringComparison.Ordinal) + "ceasefire".Length, q.End);
        Assert.Equal("he", q.Speaker);
    }

    [Fact]
    public void A_newspaper_quote_whose_last_paragraph_stays_open_ends_with_that_paragraph()
    {
        var text = "The envoy said:\n\"We have met the leaders of both sides today.\n\"We expect more meetings next week.\nOfficials declined to comment.";
        var q = SingleDirect(text);
        Assert.Equal("We have met the leaders of both sides today.\nWe expect more meetings next week.", q.Text);
        Assert.Equal("The envoy", q.Speaker);
    }

    [Fact]
    public void An_unclosed_quote_that_is_not_reopened_is_dropped()
    {
        var doc = Run("He called it \u201Ca disaster for the whole region and beyond\n\nOfficials declined to comment on the talks.");
        Assert.DoesNotContain(doc.Quotes, q => q.Direct);
    }

    [Theory]
    [InlineData("The group is called \"Taliban\" by the locals.")]
    [InlineData("He called the government \u201Cillegal\u201D in his speech.")]
    [InlineData("They denounced the \u201CAmerican occupation\u201D of Afghanistan.")]
    [InlineData("Talks with \u00ABThe Taliban\u00BB resumed.")]
    public void Scare_quotes_and_quoted_names_are_not_quotations(string text) =>
        Assert.DoesNotContain(Run(text).Quotes, q => q.Direct);

    [Fact]
    public void A_short_quote_with_a_verb_is_a_quotation()
    {
        var q = SingleDirect("\u201CWe won,\u201D the general said.");
        Assert.Equal("We won", q.Text);
    }

    [Fact]
    public void Tags_decide_whether_a_short_quote_has_a_verb()
    {
        var text = "\u201CRetreat now\u201D, the colonel ordered.";
        var doc = Run(text, d =>
        {
            var tokens = d.TokensMutable;
            Assert.Equal("Retreat", text[tokens[1].Start..tokens[1].End]);
            tokens[1].Upos = UPos.VERB;
            tokens[2].Upos = UPos.ADV;
            d.Done |= Layers.Tags;
        });
        Assert.Equal("Retreat now", Assert.Single(doc.Quotes, q => q.Direct).Text);
    }

    [Theory]
    [InlineData("\u201CThe ceasefire holds,\u201D said Ashraf Ghani.", "Ashraf Ghani")]
    [InlineData("\u201CThe ceasefire holds,\u201D said a spokesman for the ministry.", "a spokesman for the ministry")]
    [InlineData("\u201CThe ceasefire holds,\u201D Ghani said on Wednesday.", "Ghani")]
    [InlineData("\u201CThe ceasefire holds,\u201D Ghani says.", "Ghani")]
    [InlineData("\u201CThe ceasefire holds,\u201D Ghani added.", "Ghani")]
    [InlineData("\u201CThe ceasefire holds,\u201D Ghani also told reporters in Kabul.", "Ghani")]
    [InlineData("\u201CThe ceasefire holds,\u201D the ministry said in a statement.", "the ministry")]
    [InlineData("The family said: \u201CThe ceasefire holds.\u201D", "The family")]
    [InlineData("Jennifer Daskal of American University and contributor to Slate wrote, \u201CThe ceasefire holds.\u201D", "Jennifer Daskal of American University and contributor to Slate")]
    [InlineData("The talks collapsed and Ghani said: \u201CThe ceasefire holds.\u201D", "Ghani")]
    [InlineData("He went on to add \u201Cthe ceasefire holds and will hold\u201D in the north.", "He")]
    [InlineData("The ministry praised the army. \u201CThe ceasefire holds and we will keep it.\u201D", null)]
    [InlineData("\u201CThe ceasefire holds,\u201D according to the ministry.", "the ministry")]
    [InlineData("Ghani said: \u201CThe ceasefire holds.\u201D", "Ghani")]
    [InlineData("Ghani told reporters on Monday, \u201CThe ceasefire holds.\u201D", "Ghani")]
    [InlineData("In a statement, the ministry said: \u201CThe ceasefire holds.\u201D", "the ministry")]
    [InlineData("According to the ministry, \u201Cthe ceasefire holds.\u201D", "the ministry")]
    [InlineData("The ministry issued a statement on Monday. \u201CThe ceasefire holds and we will keep it.\u201D", null)]
    [InlineData("The ministry said in a statement on Monday that talks went well. \u201CThe ceasefire holds and we will keep it.\u201D", "The ministry")]
    public void Speaker_patterns(string text, string? speaker) => Assert.Equal(speaker, SingleDirect(text).Speaker);

    [Fact]
    public void A_quoted_word_ending_a_sentence_does_not_take_the_next_sentence_attribution()
    {
        var doc = Run("The pandemic is \"unprecedented.\" He said, \"Other than influenza, nothing has spread so fast.\"");
        var q = Assert.Single(doc.Quotes, x => x.Direct);
        Assert.StartsWith("Other than influenza", q.Text, StringComparison.Ordinal);
        Assert.Equal("He", q.Speaker);
    }

    [Fact]
    public void A_following_quotation_without_attribution_keeps_the_speaker()
    {
        var doc = Run("\u201CThe ceasefire holds,\u201D Ghani said. \u201CWe will keep it as long as they keep it.\u201D");
        Assert.Equal(2, doc.Quotes.Count(q => q.Direct));
        Assert.All(doc.Quotes.Where(q => q.Direct), q => Assert.Equal("Ghani", q.Speaker));
    }

    [Fact]
    public void The_speaker_takes_name_and_actor_from_the_entity_covering_it()
    {
        var q = SingleDirect("\u201CThe ceasefire holds,\u201D the State Department said.",
            d => AddEntity(d, "State Department", "ORG", "United States Department of State", "USAGOV"));
        Assert.Equal("the State Department", q.Speaker);
        Assert.Equal("United States Department of State", q.SpeakerName);
        Assert.Equal("USAGOV", q.SpeakerActor);
    }

    [Fact]
    public void A_pronoun_speaker_resolves_through_its_coreference_cluster()
    {
        var text = "Donald Trump met Ashraf Ghani at Bagram. \u201CThey want a truce now,\u201D he said.";
        var q = SingleDirect(text, d =>
        {
            AddEntity(d, "Donald Trump", "PER", "Donald Trump", "USAELI", cluster: 1);
            AddEntity(d, "Ashraf Ghani", "PER", "Ashraf Ghani", "AFGGOV", cluster: 2);
            int he = d.Text.IndexOf("he said", StringComparison.Ordinal);
            d.Entities.Add(new EntityMention { Start = he, End = he + 2, Text = "he", Type = "PER", Cluster = 1, Via = "coref:pronoun" });
            d.Done |= Layers.Coreference;
        });
        Assert.Equal("he", q.Speaker);
        Assert.Equal("Donald Trump", q.SpeakerName);
        Assert.Equal("USAELI", q.SpeakerActor);
    }

    [Fact]
    public void Without_coreference_a_pronoun_goes_to_the_nearest_preceding_person()
    {
        var text = "Donald Trump met Ashraf Ghani at Bagram. \u201CWe want a truce now,\u201D she said.";
        var q = SingleDirect(text, d =>
        {
            AddEntity(d, "Donald Trump", "PER", "Donald Trump", "USAELI");
            AddEntity(d, "Ashraf Ghani", "PER", "Ashraf Ghani", "AFGGOV");
            AddEntity(d, "Bagram", "LOC");
        });
        Assert.Equal("she", q.Speaker);
        Assert.Equal("Ashraf Ghani", q.SpeakerName);
        Assert.Equal("AFGGOV", q.SpeakerActor);
    }

    [Theory]
    [InlineData("The State Department said in a statement that Khalilzad will discuss the peace talks.", "The State Department", "Khalilzad will discuss the peace talks")]
    [InlineData("Trump said the talks with the Taliban were dead.", "Trump", "the talks with the Taliban were dead")]
    [InlineData("Ghani told reporters on Monday that the ceasefire would hold.", "Ghani", "the ceasefire would hold")]
    [InlineData("Militants add that the issue of a truce will be discussed later.", "Militants", "the issue of a truce will be discussed later")]
    [InlineData("According to sources in Kabul, the meeting will take place next week.", "sources in Kabul", "the meeting will take place next week")]
    public void Indirect_speech_gives_the_reported_clause(string text, string speaker, string clause)
    {
        var q = Assert.Single(Run(text).Quotes);
        Assert.False(q.Direct);
        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(clause, q.Text);
    }

    [Theory]
    [InlineData("This is stated in the message of the US State Department.")]
    [InlineData("The minister said in a statement.")]
    [InlineData("Officials declined to comment on the talks.")]
    public void Sentences_without_reported_speech_give_nothing(string text) => Assert.Empty(Run(text).Quotes);

    [Fact]
    public void A_sentence_with_a_direct_quotation_gives_no_indirect_one()
    {
        var doc = Run("Ghani said that \u201Cthe ceasefire holds and it will hold\u201D in the north.");
        var q = Assert.Single(doc.Quotes);
        Assert.True(q.Direct);
        Assert.Equal("Ghani", q.Speaker);
    }

    [Theory]
    [InlineData("\u201CWe will not negotiate with terrorists,\u201D said Chief Justice John G. Roberts.", "Chief Justice John G. Roberts")]
    [InlineData("\u201CWe will not negotiate with terrorists,\u201D Adel Abdul-Mahdi said.", "Adel Abdul-Mahdi")]
    [InlineData("\u201CWe will not negotiate with terrorists,\u201D the WHO's director said.", "the WHO's director")]
    [InlineData("\u201CWe will not negotiate with terrorists,\u201D Dr. Tom Frieden said.", "Dr. Tom Frieden")]
    public void Speakers_are_read_over_whole_surface_words(string text, string speaker) =>
        Assert.Equal(speaker, SingleDirect(text).Speaker);

    [Fact]
    public void An_attribution_after_the_quote_ends_at_a_semicolon()
    {
        // The clause after the closing mark ends at ';': "Ghani said" of the next clause does not attribute this quote.
        var q = SingleDirect("\u201CWe will not negotiate with terrorists,\u201D officials insisted; Ghani said nothing.");
        Assert.Equal("officials", q.Speaker);
    }

    [Fact]
    public void A_document_without_tokens_gives_no_quotations()
    {
        var doc = new Document("t", "\u201CWe will not negotiate with terrorists,\u201D the minister said.");
        new QuoteExtractor().Process(doc);
        Assert.Empty(doc.Quotes);
    }
}
