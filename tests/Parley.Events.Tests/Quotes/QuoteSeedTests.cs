using Parley.Core;
using Parley.Events.Quotes;
using Xunit.Abstractions;

namespace Parley.Events.Tests.Quotes;

public sealed class QuoteSeedTests(ITestOutputHelper output)
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "Quotes", "Fixtures", "us-taliban-talks.txt");

    [Fact]
    public void Seed_article_gives_the_two_direct_quotations_with_their_speakers()
    {
        var doc = TokenizedText.Document(File.ReadAllText(SeedPath), "seed");
        doc.Published = new DateOnly(2019, 12, 4);
        new QuoteExtractor().Process(doc);
        foreach (var q in doc.Quotes) output.WriteLine($"{q.Direct} [{q.Speaker}] {q.Start}-{q.End} {q.Text}");

        var first = Assert.Single(doc.Quotes, q => q.Direct && q.Text.StartsWith("In Doha, Ambassador Khalilzad", StringComparison.Ordinal));
        Assert.Equal("the State Department", first.Speaker);
        Assert.EndsWith("which will lead to a truce", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Text, doc.Text[first.Start..first.End]);
        Assert.Equal("the State Department", doc.Text[first.SpeakerStart!.Value..first.SpeakerEnd!.Value]);

        var second = Assert.Single(doc.Quotes, q => q.Direct && q.Text.Contains("wants to make a deal", StringComparison.Ordinal));
        Assert.Equal("Trump", second.Speaker);
        Assert.Contains("[the Taliban]", second.Text, StringComparison.Ordinal);
        Assert.StartsWith("\"Taliban\" wants", second.Text, StringComparison.Ordinal);
        Assert.EndsWith("now they want a truce", second.Text, StringComparison.Ordinal);

        Assert.DoesNotContain(doc.Quotes, q => q.Direct && q.Text is "Taliban" or "The Taliban" or "illegal" or "American occupation");
    }
}
