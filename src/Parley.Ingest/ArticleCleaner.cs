using Parley.Core;
using Parley.Ingest.Cleaning;

namespace Parley.Ingest;

/// <summary>
/// Turns a <see cref="RawArticle"/> into a <see cref="Document"/> with clean text and an offset map back
/// to the article body. Three linear passes over pooled buffers: HTML to text (when the body is HTML),
/// character normalisation (<see cref="CharNormalizer"/>), paragraphs (<see cref="ParagraphBuilder"/>).
/// Immutable and thread-safe.
/// </summary>
public sealed class ArticleCleaner
{
    private readonly CleanerOptions _options;

    public ArticleCleaner(CleanerOptions? o = null) => _options = o ?? new CleanerOptions();

    public CleanerOptions Options => _options;

    public Document ToDocument(RawArticle article, DateOnly? defaultDate)
    {
        ArgumentNullException.ThrowIfNull(article);
        string? title = article.Title is null ? null : CleanLine(article.Title);
        if (string.IsNullOrEmpty(title)) title = null;
        var (text, map, dateline) = Clean(article.Body, article.IsHtml, title);

        var doc = new Document(article.Id ?? ContentHash.Of(text), text)
        {
            Title = title,
            // A dropped dateline is the article's own date: better than the caller's default.
            // Dates outside the sane range never reach a document (readers report them; a dateline is only a guess).
            Published = SaneDates.InRange(article.Published) ?? SaneDates.InRange(Reading.DateParsing.ParseDateline(dateline)) ?? SaneDates.InRange(defaultDate),
            Source = article.Source,
            Url = article.Url,
            Origin = article.Origin,
            OriginalOffsets = map,
        };
        foreach (string note in article.Notes) doc.Flags.Add(note);
        if (text.Length == 0) doc.Flags.Add("empty-text");
        if (_options.IdentifyLanguage)
        {
            var (code, score) = LanguageIdentifier.Identify(text.Length > 0 ? text : title ?? "");
            doc.Language = code;
            doc.LanguageScore = score;
            if (code != "en") doc.Flags.Add("language:" + code);
        }
        return doc;
    }

    /// <summary>The cleaned body and, for each of its characters plus the end, the position in <paramref name="body"/>.</summary>
    public (string Text, int[] Map) CleanBody(string body, bool isHtml, string? title)
    {
        var (text, map, _) = Clean(body, isHtml, title);
        return (text, map.ToArray());
    }

    private (string Text, OffsetMap Map, string? Dateline) Clean(string body, bool isHtml, string? title)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var normalized = new MappedBuffer(body.Length + 16);
        if (isHtml)
        {
            using var plain = new MappedBuffer(body.Length + 16);
            HtmlToText.Convert(body, plain);
            CharNormalizer.Normalize(plain.Chars, plain.MapToArray(), normalized, _options.RepairMojibake, decodeEntities: true);
        }
        else
        {
            CharNormalizer.Normalize(body, default, normalized, _options.RepairMojibake, _options.DecodeEntities);
        }
        using var result = new MappedBuffer(normalized.Length + 16);
        var rules = new ParagraphRules(
            title is null ? default : title.AsMemory(),
            _options.JoinWrappedLines, _options.DropRepeatedParagraphs, _options.DropLeadingDateline, _options.DropSignOff);
        string? dateline = ParagraphBuilder.Build(normalized, result, rules);
        var (text, map) = result.ToResult();
        return (text, map, dateline);
    }

    /// <summary>One line (a title): the character rules, all whitespace collapsed to single spaces, trimmed.</summary>
    public string CleanLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var normalized = new MappedBuffer(line.Length + 16);
        CharNormalizer.Normalize(line, default, normalized, _options.RepairMojibake, decodeEntities: true);
        var chars = normalized.Chars;
        var sb = new System.Text.StringBuilder(chars.Length);
        bool space = false;
        foreach (char c in chars)
        {
            if (c is ' ' or '\n')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
