namespace Parley.Nlp.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (the 10 columns). Head is 1-based; 0 is the root.</summary>
public sealed class ConlluWord
{
    public int Id { get; set; }
    public required string Form { get; set; }
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";
    public int Head { get; set; } = -1;
    public string Deprel { get; set; } = "_";
    public string Deps { get; set; } = "_";
    public string Misc { get; set; } = "_";

    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>A multiword token line (e.g. "1-2 gonna"): covers words First..Last.</summary>
public sealed record ConlluMultiword(int First, int Last, string Form, string Misc);

/// <summary>A CoNLL-U sentence: comment lines, words, and multiword token ranges. Empty nodes (8.1) are dropped.</summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = [];
    public List<ConlluWord> Words { get; } = [];
    public List<ConlluMultiword> Multiwords { get; } = [];

    public string? Text => Meta("text");
    public string? SentId => Meta("sent_id");
    public bool StartsDocument => Comments.Exists(c => c.StartsWith("# newdoc", StringComparison.Ordinal));
    public bool StartsParagraph => Comments.Exists(c => c.StartsWith("# newpar", StringComparison.Ordinal));

    public string? Meta(string key)
    {
        string prefix = "# " + key + " =";
        foreach (var c in Comments)
            if (c.StartsWith(prefix, StringComparison.Ordinal)) return c[prefix.Length..].Trim();
        return null;
    }
}
