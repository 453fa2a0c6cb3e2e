using Parley.Events.Cameo;

namespace Parley.Events.Tests;

/// <summary>The committed data/cameo, loaded once for all tests.</summary>
internal static class TestData
{
    private static readonly Lazy<CameoData> Lazy = new(() => CameoData.Load(CameoData.FindFolder()
        ?? throw new InvalidOperationException("data/cameo not found from " + Directory.GetCurrentDirectory())));

    public static CameoData Cameo => Lazy.Value;

    private static readonly Lazy<EventCoder> LazyCoder = new(() => new EventCoder(Cameo));

    public static EventCoder Coder => LazyCoder.Value;

    /// <summary>Codes a hand-built annotated CoNLL-U sentence (see <see cref="AnnotatedConllu"/>) published on <paramref name="published"/>.</summary>
    public static Parley.Core.Document Code(string conllu, string published)
    {
        var doc = AnnotatedConllu.Parse("# published = " + published + "\n" + conllu);
        Coder.Process(doc);
        return doc;
    }
}
