using Parley.Core.Text;

namespace Parley.Core.Tests;

public sealed class RuleTokenizerTests
{
    [Fact]
    public void Splits_punctuation_keeps_abbreviations_and_ends_sentences()
    {
        var doc = new Document("t", "Mr. Khalilzad met the U.S. team in Kabul. \"It went well,\" he said.");
        RuleTokenizer.Tokenize(doc);
        var words = Enumerable.Range(0, doc.TokenCount).Select(i => doc.Text[doc.Tokens[i].Start..doc.Tokens[i].End]).ToArray();
        Assert.Equal(["Mr.", "Khalilzad", "met", "the", "U.S.", "team", "in", "Kabul", ".", "\"", "It", "went", "well", ",", "\"", "he", "said", "."], words);
        Assert.Equal([9, 18], doc.Sentences.ToArray().Select(s => s.EndToken));
    }

    [Fact]
    public void Sentence_abbreviations_come_from_the_language_data_with_the_calendar_months()
    {
        var doc = new Document("t", "Gen. Miller arrived on Dec. 4. He fell ill. Talks resumed.");
        RuleTokenizer.Tokenize(doc);
        // "Gen." and "Dec." (calendar.tsv) keep the sentence open; "ill." is no abbreviation of the short list and ends one.
        Assert.Equal(3, doc.SentenceCount);
        Assert.Equal("He fell ill.", doc.Text[doc.Sentences[1].Start..doc.Sentences[1].End]);
    }
}
