using Parley.Core;
using Parley.Nlp.Lemmatization;

namespace Parley.Nlp.Tagging;

/// <summary>Pipeline step: UPOS, XPOS, FEATS and lemma of every token, sentence by sentence.</summary>
public sealed class TaggerComponent(Tagger tagger, MorphFeatures morph, Lemmatizer lemmatizer) : IPipelineComponent
{
    public static readonly ComponentDescriptor Descriptor = new("tagger", Layers.Tokens | Layers.Sentences, Layers.Tags | Layers.Lemmas)
    {
        Summary = "UPOS, XPOS, FEATS and lemmas",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        var text = doc.Text;
        var tokens = doc.TokensMutable;
        foreach (ref readonly var sentence in doc.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = tokens[sentence.FirstToken..sentence.EndToken];
            tagger.Tag(text, span);
            for (int i = 0; i < span.Length; i++)
            {
                ref var t = ref span[i];
                var form = text.AsSpan(t.Start, t.End - t.Start);
                var xpos = StringStore.Get(t.Xpos).AsSpan();
                t.Feats = morph.Features(form, t.Upos, xpos);
                t.Lemma = lemmatizer.Lemmatize(form, xpos, t.Upos);
            }
        }
        doc.Done |= Descriptor.Assigns;
    }

    /// <summary>Recomputes FEATS and lemma of one token from its current tags (after a later stage corrected them).</summary>
    public void Reanalyse(Document doc, int token)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ref var t = ref doc.TokensMutable[token];
        var form = doc.Text.AsSpan(t.Start, t.End - t.Start);
        var xpos = StringStore.Get(t.Xpos).AsSpan();
        t.Feats = morph.Features(form, t.Upos, xpos);
        t.Lemma = lemmatizer.Lemmatize(form, xpos, t.Upos);
    }
}
