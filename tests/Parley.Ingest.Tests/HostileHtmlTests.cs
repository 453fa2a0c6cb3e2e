using System.Text;
using Parley.Ingest.Reading;

namespace Parley.Ingest.Tests;

/// <summary>
/// Pages built to make an HTML parser or a Readability port go quadratic or worse (issue 16, failures 1 and 2). Each
/// must come out with its text; the wall-clock bound is a liveness check (before the flattener these ran for minutes
/// or never ended), not a speed figure: speed is measured by `parley bench hostile`.
/// </summary>
public class HostileHtmlTests
{
    // Generous, for loaded machines: before the flattener these pages took minutes (80,000 links: about 160 s on an idle
    // machine, growing with the square of the count) or never finished; now seconds.
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(90);
    private const string Paragraph = "<p>The foreign ministers met in Geneva on Monday to discuss the ceasefire along the border. " +
        "They agreed to meet again next week in Doha, officials said.</p>";

    private static RawArticle ReadWithin(string html)
    {
        using var temp = new TempFolder();
        string path = temp.File("page.html", html);
        var task = Task.Run(() => new ArticleReader(new ReaderOptions()).Read([path]).ToList());
        Assert.True(task.Wait(Liveness), $"reading a {html.Length:N0}-character page did not finish within {Liveness.TotalSeconds} s");
        var item = Assert.Single(task.Result);
        Assert.NotNull(item.Article);
        return item.Article!;
    }

    private static string Text(RawArticle article) => new ArticleCleaner().ToDocument(article, null).Text;

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    [Theory]
    [InlineData("div", 2000, true)]
    [InlineData("div", 100_000, true)]
    [InlineData("b", 100_000, false)]
    [InlineData("table", 100_000, false)]
    [InlineData("p", 100_000, false)]
    [InlineData("span", 100_000, true)]
    public void Deeply_nested_or_unclosed_tags_are_read_in_bounded_time(string tag, int count, bool closed)
    {
        string html = "<html><body>" + Paragraph + Repeat($"<{tag}>", count) + "Closing words about the talks in Geneva." +
            (closed ? Repeat($"</{tag}>", count) : "") + "</body></html>";
        string text = Text(ReadWithin(html));
        Assert.Contains("The foreign ministers met in Geneva on Monday", text);
    }

    [Theory]
    [InlineData(80_000)]
    public void Pages_with_tens_of_thousands_of_links_are_read_in_bounded_time(int links)
    {
        var sb = new StringBuilder("<html><body><article>").Append(Paragraph);
        for (int i = 0; i < links; i++) sb.Append("<a href=\"/x").Append(i).Append("\" class=\"c").Append(i).Append("\" data-x=\"").Append(i).Append("\">link ").Append(i).Append("</a> ");
        sb.Append("</article></body></html>");
        string text = Text(ReadWithin(sb.ToString()));
        Assert.Contains("The foreign ministers met in Geneva on Monday", text);
    }

    [Fact]
    public void An_element_with_a_hundred_thousand_attributes_is_read_in_bounded_time()
    {
        var sb = new StringBuilder("<html><body><article><p");
        for (int i = 0; i < 100_000; i++) sb.Append(" data-a").Append(i).Append("=\"").Append(i).Append('"');
        sb.Append(">The foreign ministers met in Geneva on Monday to discuss the ceasefire along the border, officials said.</p></article></body></html>");
        Assert.Contains("The foreign ministers met in Geneva", Text(ReadWithin(sb.ToString())));
    }

    [Fact]
    public void Flattened_html_is_bounded_in_depth_children_and_attributes()
    {
        var sb = new StringBuilder("<html><body>");
        sb.Append(Repeat("<div id=a class=b style=c onclick=d data-1=1 data-2=2 title=t lang=en role=main itemprop=x rel=y>", 5000));
        sb.Append(Repeat("<a href=/x>x</a>", 3000)).Append(Repeat("<p>unclosed", 3000)).Append("</body></html>");
        string flat = HtmlFlattener.Flatten(sb.ToString());
        int depth = 0, maxDepth = 0, maxAttributes = 0;
        var children = new Stack<int>();
        children.Push(0);
        int maxChildren = 0;
        for (int i = flat.IndexOf('<'); i >= 0; i = flat.IndexOf('<', i + 1))
        {
            int end = flat.IndexOf('>', i);
            string tag = flat[(i + 1)..end];
            if (tag.StartsWith('!')) continue;
            if (tag.StartsWith('/'))
            {
                depth--;
                children.Pop();
                continue;
            }
            maxAttributes = Math.Max(maxAttributes, tag.Count(c => c == '='));
            children.Push(children.Pop() + 1);
            maxChildren = Math.Max(maxChildren, children.Peek());
            depth++;
            maxDepth = Math.Max(maxDepth, depth);
            children.Push(0);
        }
        Assert.Equal(0, depth); // every element closed, in order
        Assert.InRange(maxDepth, 1, HtmlFlattener.MaxDepth);
        Assert.InRange(maxAttributes, 1, HtmlFlattener.MaxAttributes);
        Assert.InRange(maxChildren, 1, HtmlFlattener.MaxChildren + 1);
        Assert.DoesNotContain("onclick", flat);
        Assert.DoesNotContain("style=", flat);
    }

    [Fact]
    public void Flattening_keeps_what_the_extractor_reads()
    {
        string html = "<html><head><title>Talks resume</title><meta property=\"article:published_time\" content=\"2019-12-04\">" +
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\"}</script><script>alert(1)</script>" +
            "<style>p{color:red}</style></head><body><!-- comment --><article class=\"story\"><p>First<p>Second</article></body></html>";
        string flat = HtmlFlattener.Flatten(html);
        Assert.Contains("<title>Talks resume</title>", flat);
        Assert.Contains("<meta property=\"article:published_time\" content=\"2019-12-04\">", flat);
        Assert.Contains("application/ld+json", flat);
        Assert.DoesNotContain("alert", flat);
        Assert.DoesNotContain("color:red", flat);
        Assert.DoesNotContain("comment", flat);
        Assert.Contains("<article class=\"story\"><p>First</p><p>Second</p></article>", flat);
    }

    [Fact]
    public void A_page_beyond_the_element_limit_is_cut_and_reported()
    {
        string html = "<html><body><article>" + Paragraph + Repeat("<i>x</i>", HtmlFlattener.MaxElements + 10) + "</article></body></html>";
        using var temp = new TempFolder();
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([temp.File("many.html", html)]));
        Assert.NotNull(item.Article);
        Assert.Contains("elements", item.Problem!.Message);
        Assert.Contains(HtmlArticleExtractor.TruncatedNote, item.Article!.Notes);
    }
}
