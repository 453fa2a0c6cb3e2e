using System.Xml;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Parley.Ingest.Reading;

/// <summary>
/// RSS 0.9x/1.0/2.0 and Atom feeds via CodeHollow.FeedReader: one article per item. An item with only a
/// short summary and an http(s) link is replaced by the linked page's main text when it can be fetched.
/// </summary>
internal static class FeedArticleSource
{
    /// <summary>Summaries shorter than this (in characters of HTML) are treated as teasers of a linked article.</summary>
    private const int SummaryOnlyLength = 1000;

    public static IEnumerable<ReadItem> Read(string xml, string input, ReaderOptions options, Func<WebFetcher> fetcher, CancellationToken ct) =>
        Read(() => FeedReader.ReadFromString(xml), input, options, fetcher, ct, xml.AsSpan(0, Math.Min(xml.Length, 65536)));

    /// <summary>A feed whose bytes are decoded by the parser, as its XML declaration says (e.g. ISO-8859-1).</summary>
    public static IEnumerable<ReadItem> Read(byte[] xml, string input, ReaderOptions options, Func<WebFetcher> fetcher, CancellationToken ct) =>
        Read(() => FeedReader.ReadFromByteArray(xml), input, options, fetcher, ct, System.Text.Encoding.Latin1.GetString(xml, 0, Math.Min(xml.Length, 65536)));

    /// <summary>True when the bytes start with an XML declaration naming an encoding.</summary>
    public static bool DeclaresEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 200)];
        int end = head.IndexOf("?>"u8);
        return head.StartsWith("<?xml"u8) && end > 0 && head[..end].IndexOf("encoding"u8) > 0;
    }

    /// <summary>
    /// True when the document type declares entities: feeds have no need of them, and internal ones are how an XML
    /// file expands a few bytes into gigabytes ("billion laughs"), external ones how it reads local files.
    /// </summary>
    private static bool DeclaresEntities(ReadOnlySpan<char> head) =>
        head.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) is int doctype and >= 0 && head[doctype..].IndexOf("<!ENTITY", StringComparison.OrdinalIgnoreCase) >= 0;

    private static IEnumerable<ReadItem> Read(Func<Feed> parse, string input, ReaderOptions options, Func<WebFetcher> fetcher, CancellationToken ct, ReadOnlySpan<char> head)
    {
        if (DeclaresEntities(head)) return [ReadItem.Bad(input, "XML declares entities in a DOCTYPE; not read (feeds need none, and they can expand without bound)")];
        return Read(parse, input, options, fetcher, ct);
    }

    private static IEnumerable<ReadItem> Read(Func<Feed> parse, string input, ReaderOptions options, Func<WebFetcher> fetcher, CancellationToken ct)
    {
        Feed feed;
        string? problem = null;
        try
        {
            feed = parse();
        }
        catch (XmlException e)
        {
            feed = null!;
            problem = "broken XML (" + e.Message.TrimEnd('.') + ")";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            feed = null!;
            problem = "not an RSS or Atom feed (" + e.GetType().Name + ")";
        }
        if (problem is not null)
        {
            yield return ReadItem.Bad(input, problem);
            yield break;
        }
        if (feed.Type == FeedType.Unknown)
        {
            yield return ReadItem.Bad(input, "not an RSS or Atom feed");
            yield break;
        }
        if (feed.Items is null || feed.Items.Count == 0)
        {
            yield return ReadItem.Bad(input, "feed has no items");
            yield break;
        }
        string? source = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim();
        int index = 0;
        foreach (var item in feed.Items)
        {
            ct.ThrowIfCancellationRequested();
            index++;
            yield return ReadOne(item, $"{input}#{index}", source, options, fetcher, ct);
        }
    }

    private static ReadItem ReadOne(FeedItem item, string origin, string? source, ReaderOptions options, Func<WebFetcher> fetcher, CancellationToken ct)
    {
        string? title = string.IsNullOrWhiteSpace(item.Title) ? null : item.Title.Trim();
        string? link = string.IsNullOrWhiteSpace(item.Link) ? null : item.Link.Trim();
        DateOnly? published = DateParsing.FromDateTime(item.PublishingDate);
        if (published is null && item.SpecificItem is AtomFeedItem atom) published = DateParsing.FromDateTime(atom.UpdatedDate);
        if (published is null && !string.IsNullOrWhiteSpace(item.PublishingDateString)) published = DateParsing.Parse(item.PublishingDateString);
        published = Parley.Core.SaneDates.InRange(published);
        string? id = string.IsNullOrWhiteSpace(item.Id) ? link : item.Id.Trim();
        if (id is not null && ArticleIds.Problem(id) is not null) id = null; // an unusable guid: the content hash identifies the item

        bool hasContent = !string.IsNullOrWhiteSpace(item.Content);
        string summary = item.Description ?? "";
        string body = hasContent ? item.Content : summary;
        var notes = new List<string>();

        bool summaryOnly = !hasContent && summary.Length < SummaryOnlyLength;
        if (summaryOnly && options.FollowFeedLinks && link is not null &&
            Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            var page = fetcher().Fetch(uri, named: false, ct, out string? fetchError);
            if (page is not null)
            {
                var decoded = InputDecoder.Decode(page.Bytes, options.DecodeLegacyEncodings);
                if (decoded.Text is not null)
                {
                    var article = HtmlArticleExtractor.Extract(decoded.Text, origin, page.Address.AbsoluteUri, null, out _);
                    if (article is not null)
                    {
                        return ReadItem.Ok(new RawArticle
                        {
                            Origin = origin,
                            Id = id,
                            Title = title ?? article.Title,
                            Published = published ?? article.Published,
                            Url = link,
                            Source = source ?? article.Source,
                            Body = article.Body,
                            IsHtml = true,
                            Notes = ["from-linked-page"],
                        });
                    }
                    fetchError = "no article text in the linked page";
                }
                else fetchError = decoded.Problem;
            }
            notes.Add("link-not-fetched: " + fetchError);
        }
        if (InputDecoder.IsBlank(body))
        {
            if (title is null) return ReadItem.Bad(origin, "feed item has no title and no text");
            body = title; // a headline-only item is still news; its text is the headline
            notes.Add("title-only");
        }
        return ReadItem.Ok(new RawArticle
        {
            Origin = origin,
            Id = id,
            Title = title,
            Published = published,
            Url = link,
            Source = source,
            Body = body,
            IsHtml = true,
            Notes = notes,
        });
    }
}
