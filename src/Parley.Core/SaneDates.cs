using System.Globalization;

namespace Parley.Core;

/// <summary>
/// The calendar range Parley accepts for publication and event dates (1800-01-01 to 2200-12-31). A date outside
/// it is an input problem, never an exception: every boundary (readers, options, the API) checks with
/// <see cref="Contains"/>, and date arithmetic done from a date inside the range cannot leave the calendar.
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Min = new(1800, 1, 1);
    public static readonly DateOnly Max = new(2200, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    /// <summary>The date when it is in range, else null.</summary>
    public static DateOnly? InRange(DateOnly? date) => date is { } d && Contains(d) ? d : null;

    /// <summary>"date 0001-01-01 is outside 1800-01-01..2200-12-31": the message for a date outside the range.</summary>
    public static string OutOfRange(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"date {date:yyyy-MM-dd} is outside {Min:yyyy-MM-dd}..{Max:yyyy-MM-dd}");
}
