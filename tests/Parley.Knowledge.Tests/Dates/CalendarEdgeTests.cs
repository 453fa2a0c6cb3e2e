using Parley.Core;
using Parley.Knowledge.Dates;

namespace Parley.Knowledge.Tests.Dates;

/// <summary>Issue 16, failure 4: dates at the ends of the calendar must never throw.</summary>
public sealed class CalendarEdgeTests
{
    private static readonly string[] Expressions =
    [
        "Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.",
        "The talks resume next Tuesday.", "They met last Friday.", "It happened three years ago.", "Talks in 999 years from now.",
        "The vote is next month.", "It was last week.", "On December 31 the envoy left.", "On January 1 he arrived.",
        "The summit is in March.", "This weekend the leaders meet.", "Three months after September 7, 2999 the deal ends.",
        "Yesterday and tomorrow.", "The weekend.", "This coming Sunday.", "Last December.", "Next January.",
    ];

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-07")]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-25")]
    [InlineData("1800-01-01")]
    [InlineData("2200-12-31")]
    public void Resolving_against_a_date_at_the_calendar_edge_never_throws(string published)
    {
        var date = DateOnly.ParseExact(published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var resolver = new DateResolver();
        foreach (string text in Expressions)
        {
            var dates = TokenizedDates.Of(resolver, text, date);
            foreach (var d in dates)
            {
                if (d.Value is not { } value || !SaneDates.Contains(date)) continue;
                Assert.True(string.CompareOrdinal(value, "0001") >= 0, $"'{d.Text}' -> {value}");
            }
            if (!SaneDates.Contains(date)) Assert.All(dates, d => Assert.True(d.Value is null || !d.Text.Contains("next", StringComparison.Ordinal), $"'{d.Text}' resolved against {published}"));
        }
    }

    [Fact]
    public void Calendar_arithmetic_stops_at_the_edges()
    {
        var first = DateOnly.MinValue;
        var last = DateOnly.MaxValue;
        foreach (DayOfWeek day in Enum.GetValues<DayOfWeek>())
        {
            _ = DateArithmetic.Before(first, day);
            _ = DateArithmetic.After(last, day);
            _ = DateArithmetic.OnOrAfter(last, day);
            _ = DateArithmetic.OnOrBefore(first, day);
            _ = DateArithmetic.WeekdayInWeekOf(last, day);
            _ = DateArithmetic.Weekday(first, day, DateDirection.Nearest);
            _ = DateArithmetic.Weekday(last, day, DateDirection.Nearest);
        }
        for (int month = 1; month <= 12; month++)
        {
            _ = DateArithmetic.Month(first, month, DateDirection.OnOrBefore);
            _ = DateArithmetic.Month(last, month, DateDirection.OnOrAfter);
            _ = DateArithmetic.MonthDay(first, month, 1, DateDirection.OnOrBefore);
            _ = DateArithmetic.MonthDay(last, month, 28, DateDirection.OnOrAfter);
        }
        Assert.Equal(new DateOnly(1, 1, 1), DateArithmetic.AddMonthsToMonth(first, -5));
        Assert.Equal(new DateOnly(9999, 12, 1), DateArithmetic.AddMonthsToMonth(last, 5));
        Assert.Equal(last, DateArithmetic.Shift(last, 30));
        Assert.Equal(first, DateArithmetic.Shift(first, -30));
    }

    [Fact]
    public void A_document_dated_outside_the_sane_range_resolves_relative_dates_to_nothing()
    {
        var dates = TokenizedDates.Of(new DateResolver(), "The talks resume next Tuesday.", new DateOnly(9999, 12, 31));
        var next = Assert.Single(dates);
        Assert.Null(next.Value);
    }
}
