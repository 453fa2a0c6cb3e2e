using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

public sealed class NerFeaturesTests
{
    private static NerFeatures Load(params string[][] sentences)
    {
        var features = new NerFeatures(null, null);
        NerModel.LoadDocument(features, sentences, new NerModel.Scratch());
        return features;
    }

    private static HashSet<ulong> FeaturesOf(NerFeatures features, int token)
    {
        var buffer = new ulong[NerFeatures.MaxFeatures];
        int n = features.Extract(token, buffer);
        return [.. buffer.AsSpan(0, n).ToArray()];
    }

    [Fact]
    public void Shapes_and_case_classes()
    {
        TokenHashes kabul = default, paris = default, upper = default, date = default, comma = default;
        NerTokenHashes.Compute("Kabul", ref kabul);
        NerTokenHashes.Compute("Paris", ref paris);
        NerTokenHashes.Compute("KABUL", ref upper);
        NerTokenHashes.Compute("1996-08-22", ref date);
        NerTokenHashes.Compute(",", ref comma);
        Assert.Equal(kabul.Shape, paris.Shape);
        Assert.NotEqual(kabul.Shape, upper.Shape);
        Assert.Equal(kabul.Lower, upper.Lower);
        Assert.Equal(CaseClass.InitialCap, kabul.Case);
        Assert.Equal(CaseClass.AllCaps, upper.Case);
        Assert.Equal(CaseClass.Digits, date.Case);
        Assert.Equal(CaseClass.Punct, comma.Case);
    }

    [Fact]
    public void Same_context_gives_same_features_and_words_differ()
    {
        var features = Load(["He", "met", "Ghani", "today", "."], ["He", "met", "Ghani", "today", "."], ["He", "met", "Karzai", "today", "."]);
        var first = FeaturesOf(features, 2);
        var third = FeaturesOf(features, 12);
        Assert.InRange(first.Count, 20, NerFeatures.MaxFeatures);
        // The same word in the same context, and no history recorded: identical features.
        Assert.Equal(first, FeaturesOf(features, 7));
        Assert.NotEqual(first, third);
        // Shape-based features are shared between the two names.
        Assert.True(first.Intersect(third).Count() >= 10);
    }

    [Fact]
    public void Document_capitalisation_is_a_feature_for_headline_words()
    {
        // "KABUL" in a headline; in the first document "Kabul" also appears mid-sentence, in the second it does not.
        var withMention = Load(["KABUL", "TALKS", "END"], ["Talks", "in", "Kabul", "ended", "."]);
        var without = Load(["KABUL", "TALKS", "END"], ["Talks", "in", "the", "city", "ended", "."]);
        Assert.NotEqual(FeaturesOf(withMention, 0), FeaturesOf(without, 0));
    }

    [Fact]
    public void Labels_given_earlier_in_the_document_become_features()
    {
        var features = Load(["Ghani", "spoke", "."], ["Ghani", "spoke", "."]);
        var before = FeaturesOf(features, 3);
        features.Remember(0, [NerLabels.Begin(0), NerLabels.O, NerLabels.O]);
        var after = FeaturesOf(features, 3);
        Assert.True(after.Count > before.Count);
        Assert.Superset(before, after);
    }

    [Fact]
    public void Gazetteer_matches_multi_word_phrases_case_insensitively()
    {
        var gazetteer = Gazetteer.FromEntries([(0, "new york"), (3, "ashraf ghani"), (0, "kabul")]);
        var hashes = new ulong[5];
        Span<char> buffer = stackalloc char[64];
        string[] tokens = ["NEW", "York", "and", "Kabul", "Ashraf"];
        for (int i = 0; i < tokens.Length; i++) hashes[i] = NerTokenHashes.Lower(tokens[i], buffer);
        var begin = new ushort[5]; var inside = new ushort[5]; var single = new ushort[5];
        gazetteer.Match(hashes, begin, inside, single);
        Assert.Equal(1, begin[0]);
        Assert.Equal(1, inside[1]);
        Assert.Equal(1, single[3]);
        Assert.Equal(0, begin[4] | single[4]);
    }

    [Fact]
    public void Gazetteer_builder_cleans_tabari_phrases()
    {
        Assert.Equal("kofi annan", GazetteerBuilder.Clean("KOFI_ANNAN_"));
        Assert.Equal("animal liberation front", GazetteerBuilder.Clean("ANIMAL_LIBERATION_FRONT_(ALF)_"));
        Assert.Equal("washington , d.c.", GazetteerBuilder.Clean("Washington, D.C."));
    }
}
