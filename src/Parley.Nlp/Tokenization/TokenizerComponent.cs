using Parley.Core;

namespace Parley.Nlp.Tokenization;

/// <summary>Pipeline step: tokens and sentences of <see cref="Document.Text"/>. Replaces any earlier token and sentence layers.</summary>
public sealed class TokenizerComponent(Tokenizer tokenizer, SentenceSplitter splitter) : IPipelineComponent
{
    public string Name => "tokenizer";
    public Layers Reads => Layers.None;
    public Layers Writes => Layers.Tokens | Layers.Sentences;

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
        doc.Done |= Writes;
    }
}
