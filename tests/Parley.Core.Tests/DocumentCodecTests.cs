using Parley.Storage.Tests;

namespace Parley.Core.Tests;

public class DocumentCodecTests
{
    private static void AssertSame(Document expected, Document actual)
    {
        Assert.Equal(DocumentJson.ToJson(expected), DocumentJson.ToJson(actual));
        Assert.Equal((expected.Id, expected.Text, expected.Title, expected.Published, expected.Language, expected.LanguageScore),
            (actual.Id, actual.Text, actual.Title, actual.Published, actual.Language, actual.LanguageScore));
        Assert.Equal((expected.Source, expected.Url, expected.Origin, expected.Done), (actual.Source, actual.Url, actual.Origin, actual.Done));
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.True(expected.Tokens.SequenceEqual(actual.Tokens));
        Assert.True(expected.Sentences.SequenceEqual(actual.Sentences));
        Assert.Equal(expected.OriginalOffsets?.ToArray(), actual.OriginalOffsets?.ToArray());
    }

    [Fact]
    public void A_fully_annotated_document_round_trips_with_every_layer()
    {
        var doc = TestDocuments.Annotated("full", seed: 7);
        Assert.NotEmpty(doc.Entities); Assert.NotEmpty(doc.Places); Assert.NotEmpty(doc.Dates); Assert.NotEmpty(doc.Quotes); Assert.NotEmpty(doc.Events);
        doc.Events[0].PloverMode = "aerial"; doc.Events[0].PloverContext = "military"; doc.Events[1].Ontology = "PLOVER";
        doc.Places[0].Role = PlaceRole.Dateline;
        doc.Events[0].Section = EventSections.Title;
        doc.Events[0].Place = new EventPlace { Name = "Kabul", Country = "AFG", GeonameId = 1138958, FeatureCode = "PPLC", Admin1 = "13" };
        doc.Spans.Add(new SpanMark { Start = 0, End = 5, Text = doc.Text[..5], Label = "caps" });
        var back = DocumentCodec.Decode(new DocumentCodec().Encode(doc));
        AssertSame(doc, back);
        Assert.Equal(PlaceRole.Dateline, back.Places[0].Role);
        Assert.Equal((EventSections.Title, "PPLC", "13"), (back.Events[0].Section, back.Events[0].Place!.FeatureCode, back.Events[0].Place!.Admin1));
        Assert.Equal(EventSections.Body, back.Events[1].Section);
        Assert.Equal(("caps", 0, 5), (back.Spans[0].Label, back.Spans[0].Start, back.Spans[0].End));
    }

    public static TheoryData<string> Layers => ["tokens", "entities", "places", "dates", "quotes", "events", "offsets", "none"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Each_layer_alone_round_trips(string layer)
    {
        var full = TestDocuments.Annotated("one", seed: 11);
        var doc = new Document("one", full.Text) { Title = null, Published = null, Language = "fr", LanguageScore = 0.5 };
        switch (layer)
        {
            case "tokens":
                foreach (var s in full.Sentences) doc.AddSentence(s);
                doc.SetTokens(full.Tokens.ToArray(), full.TokenCount);
                break;
            case "entities": doc.Entities.AddRange(full.Entities); break;
            case "places": doc.Places.AddRange(full.Places); break;
            case "dates": doc.Dates.AddRange(full.Dates); break;
            case "quotes": doc.Quotes.AddRange(full.Quotes); break;
            case "events": doc.Events.AddRange(full.Events); break;
            case "offsets": doc.OriginalOffsets = full.OriginalOffsets; break;
        }
        AssertSame(doc, DocumentCodec.Decode(new DocumentCodec().Encode(doc)));
    }

    [Fact]
    public void Messages_do_not_depend_on_process_wide_string_ids()
    {
        var doc = TestDocuments.Annotated("ids", seed: 21);
        var message = new DocumentCodec().Encode(doc);
        // Another process interns strings in another order: here, many new strings shift every later id.
        for (int i = 0; i < 1000; i++) StringStore.Intern("shift-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var back = DocumentCodec.Decode(message);
        for (int i = 0; i < doc.TokenCount; i++)
        {
            Assert.Equal(doc.Token(i).Lemma, back.Token(i).Lemma);
            Assert.Equal(doc.Token(i).Deprel, back.Token(i).Deprel);
        }
        // The same document encodes to the same bytes (deterministic, so message ids and dedupe can rely on it).
        Assert.Equal(message, new DocumentCodec().Encode(back));
    }

    [Fact]
    public void One_codec_encodes_many_documents_in_turn()
    {
        var codec = new DocumentCodec();
        var docs = Enumerable.Range(0, 5).Select(i => TestDocuments.Annotated("d" + i, seed: 30 + i)).ToList();
        var messages = docs.Select(codec.Encode).ToList();
        for (int i = 0; i < docs.Count; i++) AssertSame(docs[i], DocumentCodec.Decode(messages[i]));
    }

    [Fact]
    public void Foreign_truncated_and_newer_messages_are_refused_as_invalid_data()
    {
        var message = new DocumentCodec().Encode(TestDocuments.Annotated("x", seed: 5));
        Assert.Throws<InvalidDataException>(() => DocumentCodec.Decode("{\"id\":1}"u8));
        Assert.ThrowsAny<InvalidDataException>(() => DocumentCodec.Decode(message.AsSpan(0, message.Length / 2)));
        var newer = (byte[])message.Clone();
        newer[2] = DocumentCodec.Version + 1;
        var e = Assert.Throws<InvalidDataException>(() => DocumentCodec.Decode(newer));
        Assert.Contains("version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_every_token_is_still_smaller_than_the_document_json_without_tokens()
    {
        var doc = TestDocuments.Annotated("size", seed: 9);
        var message = new DocumentCodec().Encode(doc);
        Assert.True(message.Length < System.Text.Encoding.UTF8.GetByteCount(DocumentJson.ToJson(doc)), $"{message.Length} bytes");
    }
}
