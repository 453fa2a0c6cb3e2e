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

    // The three formulas the models joined keys with before they became one function (FeatureHash.Key with each
    // family's step), written out as they were: the one function must give the same keys, bit for bit.
    private const ulong Golden = 0x9E3779B97F4A7C15UL, P1 = 0xD6E8FEB86659FD93UL;

    private static ulong OldTagger(int template, params ulong[] keys)
    {
        ulong h = FeatureHash.Start(template);
        foreach (ulong k in keys) h = FeatureHash.Mix(h ^ k) * FeatureHash.Prime;
        return h;
    }

    private static ulong OldNer(int template, ulong a) => FeatureHash.Mix(a + (ulong)(template + 1) * Golden);
    private static ulong OldNer(int template, ulong a, ulong b) => FeatureHash.Mix(OldNer(template, a) + b * FeatureHash.Prime + Golden);
    private static ulong OldNer(int template, ulong a, ulong b, ulong c) => FeatureHash.Mix(OldNer(template, a, b) + c * FeatureHash.Prime + Golden);

    private static ulong OldParser(ulong template, ulong a) => ((template * Golden) ^ a) * P1;
    private static ulong OldParser(ulong template, ulong a, ulong b) => ((((template * Golden) ^ a) * P1) ^ b) * Golden;
    private static ulong OldParser(ulong template, ulong a, ulong b, ulong c) => (OldParser(template, a, b) ^ (c + (c >> 29))) * P1;
    private static ulong OldParser(ulong template, ulong a, ulong b, ulong c, ulong d) => (OldParser(template, a, b, c) ^ (d + (d >> 31))) * Golden;

    [Fact]
    public void One_key_function_gives_each_family_the_keys_of_its_old_formula()
    {
        var random = new Random(14);
        ulong Next() => random.Next(4) switch
        {
            0 => (ulong)random.Next(64),                    // small values: labels, classes, distances
            1 => ulong.MaxValue - (ulong)random.Next(64),   // -1 and its neighbours as ulong
            _ => (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1),
        };
        for (int i = 0; i < 20_000; i++)
        {
            int template = random.Next(200);
            ulong a = Next(), b = Next(), c = Next(), d = Next();
            ulong tagger = FeatureHash.TaggerFamily.KeySeed((uint)template);
            Assert.Equal(OldTagger(template, a), FeatureHash.Key<FeatureHash.TaggerFamily>(tagger, a));
            Assert.Equal(OldTagger(template, a, b), FeatureHash.Key<FeatureHash.TaggerFamily>(tagger, a, b));
            Assert.Equal(OldTagger(template, a, b, c), FeatureHash.Key<FeatureHash.TaggerFamily>(tagger, a, b, c));
            Assert.Equal(OldTagger(template, a), FeatureHash.Add(FeatureHash.Start(template), a));
            Assert.Equal(OldNer(template, a), FeatureHash.Feature(template, a));
            Assert.Equal(OldNer(template, a, b), FeatureHash.Feature(template, a, b));
            Assert.Equal(OldNer(template, a, b, c), FeatureHash.Feature(template, a, b, c));
            ulong parserTemplate = (ulong)template;
            Assert.Equal(OldParser(parserTemplate, a), FeatureHash.Parser.Combine(parserTemplate, a));
            Assert.Equal(OldParser(parserTemplate, a, b), FeatureHash.Parser.Combine(parserTemplate, a, b));
            Assert.Equal(OldParser(parserTemplate, a, b, c), FeatureHash.Parser.Combine(parserTemplate, a, b, c));
            Assert.Equal(OldParser(parserTemplate, a, b, c, d), FeatureHash.Parser.Combine(parserTemplate, a, b, c, d));
        }
    }
}
