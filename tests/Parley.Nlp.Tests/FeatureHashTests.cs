using Parley.Nlp.Learning;

namespace Parley.Nlp.Tests;

/// <summary>
/// The committed models' features are these hash values: pinned from the three hashes before they became one class
/// (the tagger's family, NER's and the parser's), so that a change to the hashing, which would need every model
/// retrained, fails here first.
/// </summary>
public class FeatureHashTests
{
    [Fact]
    public void Every_family_keeps_the_values_the_models_were_trained_with()
    {
        Assert.Equal(7080800130771485875UL, FeatureHash.Of(7, "Kabul"));
        Assert.Equal(2814543346515382995UL, FeatureHash.OfLower(3, "Taliban"));
        Assert.Equal(661020879121210323UL, FeatureHash.Chars("talks"));
        Assert.Equal(7124361351022655742UL, FeatureHash.Feature(4, 12345, 678));
        Assert.Equal(16978900273707087880UL, FeatureHash.Extend(99, FeatureHash.Chars("talks")));
        Assert.Equal(4277921579828517689UL, FeatureHash.Parser.String("NNP", 2));
        Assert.Equal(7311530317260378625UL, FeatureHash.Parser.Suffix("Negotiations", 3, 5));
        Assert.Equal(8157650340226791219UL, FeatureHash.Parser.Combine(11, FeatureHash.Parser.String("said", 1), FeatureHash.Parser.String("VBD", 2)));
        Assert.Equal(11881825100092500239UL, FeatureHash.Parser.Combine(3, 42));
    }
}
