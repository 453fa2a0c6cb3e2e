using Parley.Core;

namespace Parley.Nlp.Tests;

/// <summary>The committed model (models/nlp-en-ewt), loaded once for all tests.</summary>
internal static class TestModel
{
    private static readonly Lazy<NlpModel> Model = new(() =>
    {
        var folder = ModelLocator.FindModel(NlpModel.DefaultName)
            ?? throw new InvalidOperationException("models/nlp-en-ewt is missing from the repository");
        return NlpModel.Load(folder);
    });

    public static NlpModel Nlp => Model.Value;

    public static Document Process(string text)
    {
        var doc = new Document("test", text);
        Nlp.TokenizerComponent().Process(doc);
        Nlp.TaggerComponent().Process(doc);
        return doc;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
