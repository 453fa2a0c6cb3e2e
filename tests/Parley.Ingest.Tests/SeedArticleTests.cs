using Parley.Core;
namespace Parley.Ingest.Tests;

public class SeedArticleTests
{
    private static Parley.Core.Document Seed()
    {
        string path = Fixtures.Path("us-taliban-talks.txt");
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([path]));
        Assert.Null(item.Problem);
        return new ArticleCleaner().ToDocument(item.Article!, new DateOnly(2019, 12, 4));
    }

    [Fact]
    public void Seed_article_has_its_title_and_a_clean_body()
    {
        var doc = Seed();
        Assert.Equal("US may resume talks with Taliban next week", doc.Title);
        Assert.DoesNotContain("US may resume talks with Taliban next week", doc.Text);
        Assert.DoesNotContain("..", doc.Text.Replace("...", "", StringComparison.Ordinal));
        Assert.StartsWith("As peace talks with the Taliban stall", doc.Text);
        Assert.Contains("the movement \"Taliban\"", doc.Text);
        Assert.Contains("Khalilzad's arrival in Doha", doc.Text);
        Assert.Contains("which will lead to a truce,\" the State Department said", doc.Text);
        Assert.EndsWith("of Afghanistan.", doc.Text);
        Assert.Equal("en", doc.Language);
        Assert.Equal(new DateOnly(2019, 12, 4), doc.Published);
        Assert.Equal(ContentHash.Of(doc.Text), doc.Id);
    }

    [Fact]
    public void Seed_article_offsets_point_into_the_file()
    {
        var doc = Seed();
        string original = File.ReadAllText(Fixtures.Path("us-taliban-talks.txt"));
        MapAssert.Consistent(original, doc.Text, doc.OriginalOffsets!);
        int k = doc.Text.IndexOf("Zalmay Khalilzad", StringComparison.Ordinal);
        var (start, end) = doc.OriginalOffsets!.ToOriginal(k, k + "Zalmay Khalilzad".Length);
        Assert.Equal("Zalmay Khalilzad", original[start..end]);
    }
}
