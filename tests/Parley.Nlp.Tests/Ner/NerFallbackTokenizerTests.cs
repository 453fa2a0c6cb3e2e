using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

public sealed class NerFallbackTokenizerTests
{
    [Fact]
    public void Splits_punctuation_keeps_abbreviations_and_ends_sentences()
    {
        const string text = "Mr. Khalilzad met the U.S. team in Kabul. \"It went well,\" he said.";
        var (tokens, ends) = NerFallbackTokenizer.Tokenize(text);
        var words = tokens.Select(t => text[t.Start..t.End]).ToArray();
        Assert.Equal(["Mr.", "Khalilzad", "met", "the", "U.S.", "team", "in", "Kabul", ".", "\"", "It", "went", "well", ",", "\"", "he", "said", "."], words);
        Assert.Equal([9, 18], ends);
    }
}
