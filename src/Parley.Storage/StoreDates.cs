using System.Globalization;

namespace Parley.Storage;

/// <summary>How every store writes and reads days (ISO yyyy-MM-dd text) and files an event under a day.</summary>
public static class Dates
{
    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The day an event is filed under (see <see cref="StoredEvent.Day"/>): its own day-grain date; else the
    /// publication date when the event's week, month or year contains it or the event has no date; else the
    /// first day of the event's period.
    /// </summary>
    public static DateOnly? EventDay(string? eventDate, DateOnly? published)
    {
        if (Parse(eventDate) is DateOnly day) return day;
        if (Period(eventDate) is (DateOnly first, DateOnly last))
        {
            if (published is DateOnly p && p >= first && p <= last) return p;
            return first;
        }
        return published;
    }

    /// <summary>First and last day of a YYYY-Www, YYYY-MM or YYYY value.</summary>
    private static (DateOnly First, DateOnly Last)? Period(string? value)
    {
        if (value is null) return null;
        var inv = CultureInfo.InvariantCulture;
        if (value.Length == 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int wy)
            && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, inv, out int w)
            && wy >= 1 && w >= 1 && w <= ISOWeek.GetWeeksInYear(wy))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
            return (monday, monday.AddDays(6));
        }
        if (value.Length == 7 && value[4] == '-'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int my)
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out int m) && my >= 1 && m is >= 1 and <= 12)
        {
            var first = new DateOnly(my, m, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, inv, out int y) && y >= 1)
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        return null;
    }
}
