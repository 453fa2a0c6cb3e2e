using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Parley.Core;

namespace Parley.Engine.Tests;

/// <summary>
/// Every annotation layer of a document written out as text, one entry per <see cref="Layers"/> flag, so that two
/// snapshots tell which layers changed between them. Each field of a document belongs to exactly one layer: a token's
/// offsets, norm and multiword mark to Tokens; its sentence index, the sentence spans and the sentence-start mark to
/// Sentences; UPOS, XPOS and features to Tags; the lemma to Lemmas; head and relation to Parse; an entity's
/// <see cref="EntityMention.Cluster"/> to Coreference and its other fields to Entities; each other list to its layer.
/// Annotation objects are written with every public property, so a field added later is covered without a change here.
/// </summary>
internal static class LayerSnapshot
{
    private static readonly JsonSerializerOptions EntityFields = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Type != typeof(EntityMention)) return;
                    for (int i = info.Properties.Count - 1; i >= 0; i--)
                        if (info.Properties[i].Name == nameof(EntityMention.Cluster)) info.Properties.RemoveAt(i);
                },
            },
        },
    };

    private static readonly JsonSerializerOptions AllFields = new();

    /// <summary>The layers a snapshot tells apart: every flag of <see cref="Layers"/> a component may write.</summary>
    public static readonly Layers[] Each =
    [
        Layers.Sentences, Layers.Tokens, Layers.Tags, Layers.Lemmas, Layers.Parse, Layers.Entities, Layers.Places,
        Layers.Dates, Layers.Coreference, Layers.Quotes, Layers.Events, Layers.Spans,
    ];

    public static Dictionary<Layers, string> Of(Document doc)
    {
        var tokens = doc.Tokens;
        var s = new Dictionary<Layers, string>();
        var b = new StringBuilder();

        foreach (ref readonly var t in tokens)
            b.Append(t.Start).Append(',').Append(t.End).Append(',').Append(StringStore.Get(t.Norm))
                .Append(',').Append((t.Flags & TokenFlags.MultiwordPart) != 0).Append(';');
        s[Layers.Tokens] = Take(b);

        foreach (ref readonly var t in tokens) b.Append(t.Sentence).Append((t.Flags & TokenFlags.SentenceStart) != 0 ? '^' : ' ');
        b.Append('|');
        foreach (ref readonly var x in doc.Sentences) b.Append(x.Start).Append(',').Append(x.End).Append(',').Append(x.FirstToken).Append(',').Append(x.EndToken).Append(';');
        s[Layers.Sentences] = Take(b);

        // Tags, lemmas and relations of the tokens that have them: new tokens with none do not change these layers.
        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Upos != UPos.None || t.Xpos != 0 || t.Feats != 0)
                b.Append(i).Append('=').Append(t.Upos).Append(',').Append(StringStore.Get(t.Xpos)).Append(',').Append(StringStore.Get(t.Feats)).Append(';');
        }
        s[Layers.Tags] = Take(b);

        for (int i = 0; i < tokens.Length; i++)
            if (tokens[i].Lemma != 0) b.Append(i).Append('=').Append(StringStore.Get(tokens[i].Lemma)).Append(';');
        s[Layers.Lemmas] = Take(b);

        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Deprel != 0 || t.Head > 0) b.Append(i).Append('=').Append(t.Head).Append(',').Append(StringStore.Get(t.Deprel)).Append(';');
        }
        s[Layers.Parse] = Take(b);

        s[Layers.Entities] = JsonSerializer.Serialize(doc.Entities, EntityFields);
        // The clusters of the mentions in one (new mentions in none do not change this layer).
        foreach (var e in doc.Entities)
            if (e.Cluster != -1) b.Append(e.Start).Append(',').Append(e.End).Append(':').Append(e.Cluster).Append(';');
        s[Layers.Coreference] = Take(b);
        s[Layers.Places] = JsonSerializer.Serialize(doc.Places, AllFields);
        s[Layers.Dates] = JsonSerializer.Serialize(doc.Dates, AllFields);
        s[Layers.Quotes] = JsonSerializer.Serialize(doc.Quotes, AllFields);
        s[Layers.Events] = JsonSerializer.Serialize(doc.Events, AllFields);
        s[Layers.Spans] = JsonSerializer.Serialize(doc.Spans, AllFields);
        return s;
    }

    /// <summary>The layers whose text differs between two snapshots.</summary>
    public static Layers Changed(Dictionary<Layers, string> before, Dictionary<Layers, string> after)
    {
        Layers changed = Layers.None;
        foreach (var layer in Each)
            if (!string.Equals(before[layer], after[layer], StringComparison.Ordinal)) changed |= layer;
        return changed;
    }

    private static string Take(StringBuilder b)
    {
        string text = b.ToString();
        b.Clear();
        return text;
    }
}
