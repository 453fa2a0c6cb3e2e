using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Tests.Quotes;

/// <summary>Documents as the pipeline hands them to the quotation finder and the date resolver: text with the tokenizer's token layer (also compiled into Parley.Knowledge.Tests).</summary>
internal static class TokenizedText
{
    public static Document Document(string text, string id = "t")
    {
        var doc = new Document(id, text);
        foreach (var (start, end, multiwordPart) in Tokenizer.Default.Spans(text))
            doc.AddToken(new TokenData { Start = start, End = end, Head = -1, Flags = multiwordPart ? TokenFlags.MultiwordPart : TokenFlags.None });
        doc.Done |= Layers.Tokens;
        return doc;
    }
}
