namespace Parley.Ingest.Reading;

/// <summary>
/// A plain-text article. Its first line is the title when a blank line follows it, or when it is a short
/// line (at most <see cref="MaxTitleLength"/> characters) without final punctuation and more text follows.
/// The body stays the whole text, so offsets map to the file; the cleaner drops the title line from it.
/// </summary>
internal static class PlainTextParser
{
    public const int MaxTitleLength = 150;

    public static RawArticle Parse(string text, string origin, IReadOnlyList<string>? notes = null) => new()
    {
        Origin = origin,
        Title = FindTitle(text),
        Body = text,
        Notes = notes ?? [],
    };

    public static string? FindTitle(ReadOnlySpan<char> text)
    {
        int pos = 0;
        // Skip leading blank lines and a BOM.
        while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] == '\uFEFF')) pos++;
        var rest = text[pos..];
        int nl = rest.IndexOfAny('\n', '\r');
        if (nl < 0) return null; // one line only: it is the body
        var first = rest[..nl].Trim();
        if (first.Length == 0 || first.Length > 300) return null;
        var after = rest[nl..];
        // After the first line break: is the next line blank?
        int i = after[0] == '\r' && after.Length > 1 && after[1] == '\n' ? 2 : 1;
        var next = after[i..];
        int nextEnd = next.IndexOfAny('\n', '\r');
        var nextLine = nextEnd < 0 ? next : next[..nextEnd];
        bool moreText = !InputDecoder.IsBlank(next);
        if (!moreText) return null;
        if (InputDecoder.IsBlank(nextLine)) return first.ToString();
        if (first.Length <= MaxTitleLength && !EndsWithFinalPunctuation(first)) return first.ToString();
        return null;
    }

    private static bool EndsWithFinalPunctuation(ReadOnlySpan<char> line)
    {
        char last = line[^1];
        // A closing quote or bracket after the stop still ends a sentence.
        if (last is '"' or '\'' or ')' or '\u201D' or '\u2019' or '»' && line.Length > 1) last = line[^2];
        return last is '.' or '!' or '?' or ':' or ';' or ',' or '\u2026';
    }
}
