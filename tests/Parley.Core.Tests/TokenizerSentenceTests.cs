using Parley.Core.Text;

namespace Parley.Core.Tests;

/// <summary>The tokenizer without the NLP model: its tokens with the fallback rule for sentences.</summary>
public sealed class TokenizerSentenceTests
{
    [Fact]
    public void Splits_punctuation_keeps_abbreviations_and_ends_sentences()
    {
        var doc = new Document("t", "Mr. Khalilzad met the U.S. team in Kabul. \"It went well,\" he said.");
        Tokenizer.Tokenize(doc);
        var words = Enumerable.Range(0, doc.TokenCount).Select(i => doc.Text[doc.Tokens[i].Start..doc.Tokens[i].End]).ToArray();
        Assert.Equal(["Mr.", "Khalilzad", "met", "the", "U.S.", "team", "in", "Kabul", ".", "\"", "It", "went", "well", ",", "\"", "he", "said", "."], words);
        Assert.Equal([9, 18], doc.Sentences.ToArray().Select(s => s.EndToken));
    }

    [Fact]
    public void Sentence_abbreviations_come_from_the_language_data_with_the_calendar_months()
    {
        var doc = new Document("t", "Gen. Miller arrived on Dec. 4. He fell ill. Talks resumed.");
        Tokenizer.Tokenize(doc);
        // "Gen." and "Dec." (calendar.tsv) keep the sentence open; "ill." is no abbreviation of the short list and ends one.
        Assert.Equal(3, doc.SentenceCount);
        Assert.Equal("He fell ill.", doc.Text[doc.Sentences[1].Start..doc.Sentences[1].End]);
    }

    [Fact]
    public void Closing_quotes_stay_in_the_sentence_and_blank_lines_end_one()
    {
        var doc = new Document("t", "He said \"We won't go.\" Then he left\n\nNew talks begin");
        Tokenizer.Tokenize(doc);
        Assert.Equal(3, doc.SentenceCount);
        Assert.Equal("He said \"We won't go.\"", doc.Text[doc.Sentences[0].Start..doc.Sentences[0].End]);
        Assert.Equal("Then he left", doc.Text[doc.Sentences[1].Start..doc.Sentences[1].End]);
        // the same tokens as the pipeline's tokenizer: "won't" is two syntactic words
        Assert.Contains(doc.Tokens.ToArray(), t => doc.Text[t.Start..t.End] == "n't" && (t.Flags & TokenFlags.MultiwordPart) != 0);
        Assert.All(doc.Tokens.ToArray()[..doc.Sentences[0].EndToken], t => Assert.Equal(0, t.Sentence));
        Assert.True((doc.Tokens[doc.Sentences[1].FirstToken].Flags & TokenFlags.SentenceStart) != 0);
    }
}
