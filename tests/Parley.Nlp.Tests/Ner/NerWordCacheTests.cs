using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

/// <summary>The NER word cache (<see cref="NerModel.UseWordCache"/>) changes no score and no label.</summary>
public sealed class NerWordCacheTests
{
    private static readonly Lazy<NerModel> Model = new(() =>
        NerModel.LoadDefault() ?? throw new InvalidOperationException("models/ner-en not found: the trained model must be committed"));

    private static readonly string[][] Document =
    [
        ["ZALMAY", "KHALILZAD", "MEETS", "TALIBAN", "IN", "DOHA"],
        ["Zalmay", "Khalilzad", "met", "Ashraf", "Ghani", "in", "Kabul", "on", "Monday", "."],
        ["Khalilzad", "said", "the", "talks", "in", "Doha", "would", "resume", "on", "Monday", ",", "and", "Ghani", "agreed", "."],
        ["The", "United", "Nations", "welcomed", "the", "talks", ";", "Ghani", "thanked", "the", "United", "Nations", "."],
    ];

    [Theory]
    [InlineData(NerDomain.News)]
    [InlineData(NerDomain.Web)]
    public void Word_then_context_scores_equal_all_features_scored_at_once_to_the_bit(NerDomain domain)
    {
        var model = Model.Value;
        var features = new NerFeatures(model.Gazetteer, model.Clusters);
        NerModel.LoadDocument(features, Document, new NerModel.Scratch(), domain);
        var buffer = new ulong[NerFeatures.MaxFeatures * 2];
        for (int i = 0; i < features.TokenCount; i++)
        {
            var once = new float[NerWeights.L];
            model.Table.Score(buffer.AsSpan(0, features.Extract(i, buffer, model.DomainFeatures)), once);
            var parts = new float[NerWeights.L];
            model.Table.Score(buffer.AsSpan(0, features.Word(i, buffer, model.DomainFeatures)), parts);
            model.Table.Score(buffer.AsSpan(0, features.Context(i, buffer, model.DomainFeatures)), parts, add: true);
            Assert.Equal(once.Select(BitConverter.SingleToInt32Bits), parts.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void Labels_are_the_same_with_and_without_the_cache()
    {
        bool before = NerModel.UseWordCache;
        try
        {
            NerModel.UseWordCache = false;
            var plain = Model.Value.PredictLabels(Document);
            NerModel.UseWordCache = true;
            // twice: the second document reads its words from the cache the first filled
            Assert.Equal(plain, Model.Value.PredictLabels(Document));
            Assert.Equal(plain, Model.Value.PredictLabels(Document));
        }
        finally { NerModel.UseWordCache = before; }
    }
}
