using Parley.Core;
using Parley.Nlp;

namespace Parley.Nlp.Tests;

public class EllipsisSplitTests
{
    [Theory]
    [InlineData("We meet with them, and talk about \u2026 the need for a truce, Trump said.")]
    [InlineData("We meet with them, and talk about ... the need for a truce, Trump said.")]
    public void AnEllipsisBeforeALowerCaseWordDoesNotEndTheSentence(string text)
    {
        var nlp = NlpModel.LoadDefault();
        var doc = new Document("d", text);
        nlp.TokenizerComponent().Process(doc);
        Assert.Equal(1, doc.SentenceCount);
    }
}
