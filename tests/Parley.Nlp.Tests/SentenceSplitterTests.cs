using Parley.Core;

namespace Parley.Nlp.Tests;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text)
    {
        var doc = TestModel.Process(text);
        var list = new List<string>();
        for (int i = 0; i < doc.SentenceCount; i++) list.Add(doc.Sentence(i).Text);
        return list;
    }

    [Fact]
    public void Splits_after_final_punctuation_but_not_after_abbreviations()
    {
        var s = Sentences("Dr. Smith arrived in the U.S. on Monday. He met Mr. Jones at 5 p.m. and left. Was it good? Yes!");
        Assert.Equal(["Dr. Smith arrived in the U.S. on Monday.", "He met Mr. Jones at 5 p.m. and left.", "Was it good?", "Yes!"], s);
    }

    [Fact]
    public void Quotes_closing_a_sentence_stay_with_it()
    {
        var s = Sentences("\"We will win.\" The minister said so.");
        Assert.Equal(["\"We will win.\"", "The minister said so."], s);
    }

    [Fact]
    public void Headline_without_punctuation_before_a_blank_line_is_a_sentence()
    {
        var s = Sentences("Oil prices rise in Asia\n\nOil prices rose on Monday. Traders were calm.\nA new paragraph starts here");
        Assert.Equal(["Oil prices rise in Asia", "Oil prices rose on Monday.", "Traders were calm.", "A new paragraph starts here"], s);
    }

    [Fact]
    public void Overlong_sentences_are_cut_and_tokens_point_to_their_sentence()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 5000));
        var doc = TestModel.Process(text);
        Assert.Equal(5000, doc.TokenCount);
        Assert.True(doc.SentenceCount >= 5000 / Tokenization.SentenceSplitter.MaxSentenceTokens);
        for (int s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentences[s];
            Assert.True(sentence.TokenCount <= Tokenization.SentenceSplitter.MaxSentenceTokens);
            foreach (ref readonly var t in doc.Tokens[sentence.FirstToken..sentence.EndToken]) Assert.Equal(s, t.Sentence);
            Assert.True((doc.Tokens[sentence.FirstToken].Flags & TokenFlags.SentenceStart) != 0);
        }
    }
}
