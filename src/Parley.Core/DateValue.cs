using System.Globalization;

namespace Parley.Core;

/// <summary>How precisely a date is known: a day, an ISO week, a month or a year.</summary>
public enum DateGrain : byte { Day, Week, Month, Year }

/// <summary>
/// A date with its grain, as the contract writes it: <c>YYYY-MM-DD</c> (day), <c>YYYY-Www</c> (ISO week),
/// <c>YYYY-MM</c> (month) or <c>YYYY</c> (year), with the first and last day of the period it names. A month or
/// a year stays a month or a year: nothing here turns it into one of its days. The one place where these
/// forms are parsed and days are formatted.
/// </summary>
public readonly record struct DateValue(DateGrain Grain, DateOnly First, DateOnly Last)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The grain's name as the contract writes it: day, week, month, year.</summary>
    public string GrainName => GrainText(Grain);

    public static string GrainText(DateGrain grain) => grain switch
    {
        DateGrain.Day => "day",
        DateGrain.Week => "week",
        DateGrain.Month => "month",
        _ => "year",
    };

    /// <summary>The value as the contract writes it (the inverse of <see cref="TryParse"/>).</summary>
    public override string ToString() => Grain switch
    {
        DateGrain.Day => FormatDay(First),
        DateGrain.Week => string.Create(Inv, $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):D2}"),
        DateGrain.Month => First.ToString("yyyy-MM", Inv),
        _ => First.Year.ToString("D4", Inv),
    };

    /// <summary>True when the period holds <paramref name="day"/>.</summary>
    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public static DateValue OfDay(DateOnly day) => new(DateGrain.Day, day, day);

    /// <summary>The ISO week (Monday to Sunday) holding <paramref name="day"/>.</summary>
    public static DateValue WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(DateGrain.Week, monday, monday.AddDays(6));
    }

    /// <summary>The month holding <paramref name="day"/>.</summary>
    public static DateValue MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new(DateGrain.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The year holding <paramref name="day"/>.</summary>
    public static DateValue YearOf(DateOnly day) => new(DateGrain.Year, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));

    /// <summary>The period of that grain holding <paramref name="day"/>.</summary>
    public static DateValue Of(DateGrain grain, DateOnly day) => grain switch
    {
        DateGrain.Day => OfDay(day),
        DateGrain.Week => WeekOf(day),
        DateGrain.Month => MonthOf(day),
        _ => YearOf(day),
    };

    /// <summary>Reads any of the four forms; null for anything else.</summary>
    public static DateValue? Parse(string? value) => TryParse(value, out var v) ? v : null;

    public static bool TryParse(string? value, out DateValue result)
    {
        result = default;
        if (value is null) return false;
        switch (value.Length)
        {
            case 10:
                if (TryParseDay(value) is not DateOnly day) return false;
                result = OfDay(day);
                return true;
            case 8 when value[4] == '-' && value[5] == 'W'
                && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, Inv, out int wy)
                && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, Inv, out int w)
                && wy >= 1 && wy <= 9998 && w >= 1 && w <= ISOWeek.GetWeeksInYear(wy):
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
                result = new DateValue(DateGrain.Week, monday, monday.AddDays(6));
                return true;
            case 7 when value[4] == '-'
                && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, Inv, out int my)
                && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, Inv, out int m) && my >= 1 && m is >= 1 and <= 12:
                var first = new DateOnly(my, m, 1);
                result = new DateValue(DateGrain.Month, first, first.AddMonths(1).AddDays(-1));
                return true;
            case 4 when int.TryParse(value, NumberStyles.None, Inv, out int y) && y >= 1:
                result = new DateValue(DateGrain.Year, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The grain's name of a value ("2019-12" gives month), or null when it is not a date value.</summary>
    public static string? GrainOf(string? value) => Parse(value)?.GrainName;

    /// <summary>The format of a day, YYYY-MM-DD: written here only.</summary>
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>A day as YYYY-MM-DD.</summary>
    public static string FormatDay(DateOnly day) => day.ToString(DayFormat, Inv);

    public static string? FormatDay(DateOnly? day) => day is DateOnly d ? FormatDay(d) : null;

    /// <summary>A YYYY-MM-DD day, or null.</summary>
    public static DateOnly? TryParseDay(string? text) => text is null ? null : TryParseDay(text.AsSpan());

    /// <summary>A YYYY-MM-DD day, or null.</summary>
    public static DateOnly? TryParseDay(ReadOnlySpan<char> text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, DayFormat, Inv, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Today's date (UTC) as YYYY-MM-DD, e.g. the day a model was trained.</summary>
    public static string TodayText() => FormatDay(DateOnly.FromDateTime(DateTime.UtcNow));
}
