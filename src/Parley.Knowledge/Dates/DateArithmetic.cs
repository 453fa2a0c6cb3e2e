using System.Globalization;

namespace Parley.Knowledge.Dates;

/// <summary>Which occurrence of a partly specified date (a weekday, a month-day, a month) to take.</summary>
public enum DateDirection
{
    /// <summary>The closest one, before or after; ties go to the past.</summary>
    Nearest,
    /// <summary>The latest one on or before the reference.</summary>
    OnOrBefore,
    /// <summary>The earliest one on or after the reference.</summary>
    OnOrAfter,
}

/// <summary>
/// Calendar arithmetic for resolving date expressions: ISO weeks, weekdays relative to a reference,
/// month-days and months without a year. Pure and allocation-free except for formatting. Total: at the ends of the
/// calendar (0001-01-01, 9999-12-31) a result that would leave it stops at its edge instead of throwing.
/// </summary>
public static class DateArithmetic
{
    /// <summary>ISO 8601 week-numbering year and week (2019-12-30 is 2020-W01).</summary>
    public static (int Year, int Week) IsoWeek(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    public static string FormatDay(DateOnly date) => Parley.Core.DateValue.FormatDay(date);

    /// <summary>The Monday that starts the ISO week of <paramref name="date"/>.</summary>
    public static DateOnly MondayOf(DateOnly date) => Shift(date, -(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The given weekday within the ISO week (Monday to Sunday) of <paramref name="date"/>.</summary>
    public static DateOnly WeekdayInWeekOf(DateOnly date, DayOfWeek day) => Shift(MondayOf(date), ((int)day + 6) % 7);

    /// <summary>The latest <paramref name="day"/> on or before <paramref name="date"/> (the date itself when it is that day).</summary>
    public static DateOnly OnOrBefore(DateOnly date, DayOfWeek day) => Shift(date, -((7 + (int)date.DayOfWeek - (int)day) % 7));

    /// <summary>The latest <paramref name="day"/> strictly before <paramref name="date"/> ("last Thursday" said on a Thursday is a week earlier).</summary>
    public static DateOnly Before(DateOnly date, DayOfWeek day) => OnOrBefore(Shift(date, -1), day);

    public static DateOnly OnOrAfter(DateOnly date, DayOfWeek day) => Shift(date, (7 + (int)day - (int)date.DayOfWeek) % 7);

    /// <summary>The earliest <paramref name="day"/> strictly after <paramref name="date"/>.</summary>
    public static DateOnly After(DateOnly date, DayOfWeek day) => OnOrAfter(Shift(date, 1), day);

    public static DateOnly Weekday(DateOnly date, DayOfWeek day, DateDirection direction)
    {
        switch (direction)
        {
            case DateDirection.OnOrBefore: return OnOrBefore(date, day);
            case DateDirection.OnOrAfter: return OnOrAfter(date, day);
            default:
                var back = OnOrBefore(date, day);
                var ahead = OnOrAfter(date, day);
                return date.DayNumber - back.DayNumber <= ahead.DayNumber - date.DayNumber ? back : ahead;
        }
    }

    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>The first day of the month <paramref name="months"/> away from the month of <paramref name="date"/>.</summary>
    public static DateOnly AddMonthsToMonth(DateOnly date, int months)
    {
        int index = Math.Clamp(date.Year * 12 + date.Month - 1 + months, 12, 9999 * 12 + 11);
        return new DateOnly(index / 12, index % 12 + 1, 1);
    }

    /// <summary><paramref name="date"/> moved by <paramref name="days"/>, stopping at the first or last day of the calendar.</summary>
    public static DateOnly Shift(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>
    /// The occurrence of <paramref name="month"/>/<paramref name="day"/> closest to <paramref name="reference"/> in the given
    /// direction; February 29 goes to the nearest leap year. Null when the day never exists in that month.
    /// </summary>
    public static DateOnly? MonthDay(DateOnly reference, int month, int day, DateDirection direction)
    {
        if (month is < 1 or > 12 || day < 1 || day > (month == 2 ? 29 : DateTime.DaysInMonth(2001, month))) return null;
        DateOnly? before = null, after = null;
        for (int y = reference.Year; y >= reference.Year - 8 && before is null; y--)
        {
            if (IsValid(y, month, day) && new DateOnly(y, month, day) <= reference) before = new DateOnly(y, month, day);
        }
        for (int y = reference.Year; y <= reference.Year + 8 && after is null; y++)
        {
            if (IsValid(y, month, day) && new DateOnly(y, month, day) >= reference) after = new DateOnly(y, month, day);
        }
        return direction switch
        {
            DateDirection.OnOrBefore => before,
            DateDirection.OnOrAfter => after,
            _ => before is null ? after
                : after is null ? before
                : reference.DayNumber - before.Value.DayNumber <= after.Value.DayNumber - reference.DayNumber ? before : after,
        };
    }

    /// <summary>
    /// The first day of the occurrence of <paramref name="month"/> closest to <paramref name="reference"/>: the current month
    /// counts as both past and future; Nearest picks the year that puts the month within six months of the reference.
    /// </summary>
    public static DateOnly Month(DateOnly reference, int month, DateDirection direction)
    {
        int y = reference.Year;
        int delta = month - reference.Month;
        int year = direction switch
        {
            DateDirection.OnOrBefore => delta <= 0 ? y : y - 1,
            DateDirection.OnOrAfter => delta >= 0 ? y : y + 1,
            _ => delta > 6 ? y - 1 : delta < -6 ? y + 1 : y,
        };
        return new DateOnly(Math.Clamp(year, 1, 9999), month, 1);
    }
}
