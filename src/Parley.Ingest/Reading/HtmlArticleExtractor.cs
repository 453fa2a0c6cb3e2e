namespace Parley.Ingest.Reading;

/// <summary>
/// The main text of an HTML page via SmartReader (a Readability port): title, date, site name and the
/// article's HTML without navigation, ads and comments. The article HTML becomes the body (IsHtml) so the
/// cleaner turns it into paragraphs with an offset map into it. The page is first put in bounded shape by
/// <see cref="HtmlFlattener"/> (depth, attributes, implied ends), so extraction takes time linear in the page's size
/// however deeply nested or attribute-laden it is.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <summary>The note of a page cut at <see cref="HtmlFlattener.MaxElements"/> elements (the reader reports it too).</summary>
    public const string TruncatedNote = "html-truncated";

    public static readonly string TruncatedProblem = $"page has more than {HtmlFlattener.MaxElements:N0} elements; only the text before that was read";

    /// <summary>Returns the article, or null with <paramref name="error"/> set.</summary>
    public static RawArticle? Extract(string html, string origin, string? url, IReadOnlyList<string>? notes, out string? error)
    {
        error = null;
        SmartReader.Article article;
        bool truncated;
        try
        {
            // SmartReader needs an absolute URI to resolve links; a file gets a file: URI.
            string uri = url ?? new Uri(Path.GetFullPath(origin)).AbsoluteUri;
            var reader = new SmartReader.Reader(uri, HtmlFlattener.Flatten(html, out truncated))
            {
                CharThreshold = 200,
                ContinueIfNotReadable = true,
            };
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = "HTML could not be parsed (" + e.GetType().Name + ")";
            return null;
        }
        string content = article.Content ?? "";
        if (InputDecoder.IsBlank(article.TextContent ?? ""))
        {
            error = "no article text found in the page";
            return null;
        }
        return new RawArticle
        {
            Origin = origin,
            Title = string.IsNullOrWhiteSpace(article.Title) ? null : article.Title.Trim(),
            Published = Parley.Core.SaneDates.InRange(DateParsing.FromDateTime(article.PublicationDate)),
            Url = url,
            Source = string.IsNullOrWhiteSpace(article.SiteName) ? null : article.SiteName.Trim(),
            Body = content,
            IsHtml = true,
            Notes = truncated ? [.. notes ?? [], TruncatedNote] : notes ?? [],
        };
    }
}
