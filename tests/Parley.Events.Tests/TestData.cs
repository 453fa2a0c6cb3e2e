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
    /// <summary>One CoNLL-U row with an XPOS tag (the short test format has none): id, form, lemma, UPOS, XPOS, head, relation, MISC.</summary>
    public static string Row(string id, string form, string lemma, string upos, string xpos, string head, string rel, string misc) =>
        $"{id}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}";

    public static Parley.Core.Document Code(string conllu, string published)
    {
        var doc = AnnotatedConllu.Parse("# published = " + published + "\n" + conllu);
        Coder.Process(doc);
        return doc;
    }
}
