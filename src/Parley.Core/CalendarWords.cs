namespace Parley.Core;

/// <summary>
/// The names of a language's calendar words (data/lang/CODE/calendar.tsv): weekday and month names and their
/// abbreviations, the one place every component that knows them reads them from (the date resolver, the feed and page
/// date parser, the sentence rules of abbreviations, story grouping's stop words).
/// </summary>
public static class CalendarWords
{
    public const string FileName = "calendar.tsv";
    /// <summary>Weekday names in <see cref="DayOfWeek"/> order (Sunday first).</summary>
    public const string Weekdays = "weekdays";
    /// <summary>Weekday abbreviations, each with its <see cref="DayOfWeek"/> number.</summary>
    public const string WeekdayAbbreviations = "weekday_abbreviations";
    /// <summary>Month names in calendar order.</summary>
    public const string Months = "months";
    /// <summary>Month abbreviations, each with its month number.</summary>
    public const string MonthAbbreviations = "month_abbreviations";
}
