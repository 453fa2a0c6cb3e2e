using System.Runtime.InteropServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Hashed attributes of one word, computed once per sentence so that feature extraction per transition
/// only combines integers. Only what the tagger and lemmatizer output is used: form, lemma, UPOS, XPOS. Morphological features
/// are deliberately left out: in the treebank some of them encode syntax (Case=Acc/Nom of "it" and "you",
/// Mood=Imp, VerbForm=Inf/Fin), which a parser trained on gold features learns to trust, while a tagger
/// guesses them; with them, dev LAS from predicted tags was 5 points below LAS from gold tags.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TokenAttributes
{
    /// <summary>Lowercased form.</summary>
    public ulong Word;
    /// <summary>Language-specific tag (XPOS), or the UPOS when there is none.</summary>
    public ulong Tag;
    public ulong Upos;
    public ulong Lemma;
    /// <summary>Last three characters, lowercased.</summary>
    public ulong Suffix;
    /// <summary>Word shape class: capitalisation, digits, punctuation.</summary>
    public ulong Shape;
    /// <summary>Word cluster ids (fine, middle and coarse level; <see cref="Learning.WordClusterTable"/>), constants when there are no clusters.</summary>
    public ulong Cluster;
    public ulong Cluster2;
    public ulong Cluster3;
    /// <summary>1 when the word is a comma, semicolon, colon or dash, used to count separators between two words.</summary>
    public int IsSeparator;

    private const ulong KindWord = 1, KindTag = 2, KindUpos = 3, KindLemma = 4, KindSuffix = 5, KindShape = 7, KindCluster = 8;
    /// <summary>The cluster value of every word when the parser has no clusters.</summary>
    public const ulong NoClusters = KindCluster;
    /// <summary>The cluster levels used: 0 (fine), 1 and 2 (the table's next coarser groupings).</summary>
    private const int MiddleLevel = 1, CoarseLevel = 2;

    public static readonly TokenAttributes None = Constant("<none>");
    public static readonly TokenAttributes Root = Constant("<root>");

    private static TokenAttributes Constant(string s) => new()
    {
        Word = FeatureHash.Parser.String(s, KindWord),
        Tag = FeatureHash.Parser.String(s, KindTag),
        Upos = FeatureHash.Parser.String(s, KindUpos),
        Lemma = FeatureHash.Parser.String(s, KindLemma),
        Suffix = FeatureHash.Parser.String(s, KindSuffix),
        Shape = FeatureHash.Parser.String(s, KindShape),
        Cluster = FeatureHash.Parser.String(s, KindCluster),
        Cluster2 = FeatureHash.Parser.String(s, KindCluster + 1),
        Cluster3 = FeatureHash.Parser.String(s, KindCluster + 2),
    };

    public static TokenAttributes From(ReadOnlySpan<char> form, ReadOnlySpan<char> lemma, ReadOnlySpan<char> upos,
        ReadOnlySpan<char> xpos, Learning.WordClusterTable? clusters = null)
    {
        // "_" (CoNLL-U) and "" (StringStore id 0) both mean "not set".
        if (upos.SequenceEqual("_")) upos = default;
        if (xpos.IsEmpty || xpos.SequenceEqual("_")) xpos = upos;
        int code = clusters?.Lookup(form) ?? 0;
        return new TokenAttributes
        {
            Word = FeatureHash.Parser.Lower(form, KindWord),
            Tag = FeatureHash.Parser.String(xpos, KindTag),
            Upos = FeatureHash.Parser.String(upos, KindUpos),
            Lemma = FeatureHash.Parser.Lower(lemma.IsEmpty || lemma.SequenceEqual("_") ? form : lemma, KindLemma),
            Suffix = FeatureHash.Parser.Suffix(form, 3, KindSuffix),
            Shape = (ulong)ShapeOf(form) + 0x5A5A0000UL,
            IsSeparator = IsSeparatorForm(form) ? 1 : 0,
            Cluster = ClusterHash(clusters, code, 0),
            Cluster2 = ClusterHash(clusters, code, MiddleLevel),
            Cluster3 = ClusterHash(clusters, code, CoarseLevel),
        };
    }

    private static ulong ClusterHash(Learning.WordClusterTable? clusters, int code, int level)
    {
        if (clusters is null) return NoClusters;
        // 0 (unknown word) is a value of its own at each level
        return FeatureHash.Parser.Mix(((ulong)(level + 1) << 40) ^ (ulong)clusters.Cluster(code, Math.Min(level, clusters.Levels - 1)) ^ 0xC1C1_0000_0000UL);
    }

    internal static int ShapeOf(ReadOnlySpan<char> form)
    {
        if (form.IsEmpty) return 0;
        int upper = 0, lower = 0, digit = 0, other = 0;
        foreach (char c in form)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else if (char.IsDigit(c)) digit++;
            else other++;
        }
        int shape = digit > 0 ? (upper + lower > 0 ? 1 : 2) : other > 0 && upper + lower == 0 ? 3 : upper == 0 ? 4 : lower == 0 ? 5 : char.IsUpper(form[0]) ? 6 : 7;
        return shape * 4 + Math.Min(form.Length, 3);
    }

    private static bool IsSeparatorForm(ReadOnlySpan<char> form) =>
        form.Length == 1 && form[0] is ',' or ';' or ':' or '-' or '–' or '—' || form.SequenceEqual("--");
}
