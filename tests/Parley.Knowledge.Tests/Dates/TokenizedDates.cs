using Parley.Core;
using Parley.Events.Tests.Quotes;
using Parley.Knowledge.Dates;

namespace Parley.Knowledge.Tests.Dates;

/// <summary>The dates a resolver finds in a text tokenized as the pipeline does (<see cref="TokenizedText"/>).</summary>
internal static class TokenizedDates
{
    public static List<DateMention> Of(DateResolver resolver, string text, DateOnly? published)
    {
        var doc = TokenizedText.Document(text);
        doc.Published = published;
        resolver.Process(doc);
        return doc.Dates;
    }
}
