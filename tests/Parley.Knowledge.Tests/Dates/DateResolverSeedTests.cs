using Parley.Core;
using Parley.Events.Tests.Quotes;
using Parley.Knowledge.Dates;
using Xunit.Abstractions;

namespace Parley.Knowledge.Tests.Dates;

public sealed class DateResolverSeedTests(ITestOutputHelper output)
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "Dates", "Fixtures", "us-taliban-talks.txt");

    [Fact]
    public void Seed_article_gives_the_four_expected_dates()
    {
        var doc = TokenizedText.Document(File.ReadAllText(SeedPath), "seed");
        doc.Published = new DateOnly(2019, 12, 4);
        new DateResolver().Process(doc);
        foreach (var d in doc.Dates) output.WriteLine($"{d.Start}-{d.End} '{d.Text}' {d.Value} {d.Grain}");

        Assert.Contains(doc.Dates, d => d.Text == "Wednesday" && d.Value == "2019-12-04" && d.Grain == "day");
        Assert.Contains(doc.Dates, d => d.Text == "last Thursday" && d.Value == "2019-11-28" && d.Grain == "day");
        Assert.Contains(doc.Dates, d => d.Text == "next week" && d.Value == "2019-W50" && d.Grain == "week");
        Assert.Contains(doc.Dates, d => d.Text == "September 7" && d.Value == "2019-09-07" && d.Grain == "day");
        Assert.DoesNotContain(doc.Dates, d => d.Text.Equals("may", StringComparison.OrdinalIgnoreCase));
        foreach (var d in doc.Dates) Assert.Equal(d.Text, doc.Text[d.Start..d.End]);
    }
}
