using System.Globalization;

namespace Parley.Ingest.Reading;

/// <summary>Publication dates as inputs give them: ISO dates or timestamps, RFC 1123, or anything DateTimeOffset reads.</summary>
internal static class DateParsing
{
    public static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length < 4) return null;
        // The calendar day as written: an ISO timestamp's date part, whatever its zone.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-' &&
            DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
            return DateOnly.FromDateTime(dto.DateTime);
        return null;
    }

    public static DateOnly? FromDateTime(DateTime? value) =>
        value is { } v && v != default ? DateOnly.FromDateTime(v) : null;
}
