using System.Globalization;
using Parley.Core;

namespace Parley.Ingest.Reading;

/// <summary>Publication dates as inputs give them: ISO dates or timestamps, RFC 1123, or anything DateTimeOffset reads.</summary>
internal static class DateParsing
{
    public static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length < 4) return null;
        // The calendar day as written: an ISO timestamp's date part, whatever its zone.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-' && DateValue.TryParseDay(text[..10]) is { } iso)
            return iso;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
            return DateOnly.FromDateTime(dto.DateTime);
        return null;
    }

    /// <summary>Weekday names and abbreviations, longest first (feeds and pages write dates in English: RFC 822, datelines).</summary>
    private static readonly Lazy<string[]> Weekdays = new(() =>
    {
        var calendar = LanguageData.Default.Lists(CalendarWords.FileName);
        return [.. calendar.Words(CalendarWords.Weekdays).Concat(calendar.Words(CalendarWords.WeekdayAbbreviations)).OrderByDescending(d => d.Length)];
    });

    /// <summary>A dateline such as "Friday, January 4, 2019" or "4 January 2019": the weekday is dropped, the rest parsed.</summary>
    public static DateOnly? ParseDateline(string? dateline)
    {
        if (string.IsNullOrWhiteSpace(dateline)) return null;
        var text = dateline.AsSpan().Trim();
        foreach (string day in Weekdays.Value)
        {
            if (text.StartsWith(day, StringComparison.OrdinalIgnoreCase))
            {
                text = text[day.Length..].TrimStart('.').TrimStart(',').Trim();
                break;
            }
        }
        Span<char> cleaned = stackalloc char[text.Length];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            // "4th" -> "4"
            if (char.IsAsciiLetterLower(text[i]) && i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1])) { i++; continue; }
            cleaned[n++] = text[i];
        }
        return DateTime.TryParse(cleaned[..n], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value)
            ? DateOnly.FromDateTime(value) : null;
    }

    public static DateOnly? FromDateTime(DateTime? value) =>
        value is { } v && v != default ? DateOnly.FromDateTime(v) : null;
}
