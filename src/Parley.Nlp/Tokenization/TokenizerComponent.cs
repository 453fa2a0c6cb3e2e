using Parley.Core;
using Parley.Core.Text;

namespace Parley.Nlp.Tokenization;

/// <summary>Pipeline step: tokens and sentences of <see cref="Document.Text"/>. Replaces any earlier token and sentence layers.</summary>
public sealed class TokenizerComponent(Tokenizer tokenizer, SentenceSplitter splitter) : IPipelineComponent
{
    public static readonly ComponentDescriptor Descriptor = new("tokenizer", Layers.None, Layers.Tokens | Layers.Sentences)
    {
        Summary = "tokens and sentences (trained tokenizer and sentence splitter)",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        var text = doc.Text;
        // about one token per five characters in English news
        var buffer = new TokenBuffer(text.Length / 5 + 16);
        tokenizer.Tokenize(text, buffer);
        cancellationToken.ThrowIfCancellationRequested();
        doc.ClearSentences();
        splitter.Split(text, buffer, doc);
        doc.SetTokens(buffer.Items, buffer.Count);
        doc.Done |= Descriptor.Assigns;
    }
}
