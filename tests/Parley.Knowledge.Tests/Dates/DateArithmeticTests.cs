using Parley.Core;
using Parley.Knowledge.Dates;

namespace Parley.Knowledge.Tests.Dates;

public sealed class DateArithmeticTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-12-30", "2020-W01")]
    [InlineData("2019-12-29", "2019-W52")]
    [InlineData("2021-01-03", "2020-W53")]
    [InlineData("2021-01-04", "2021-W01")]
    [InlineData("2016-01-01", "2015-W53")]
    [InlineData("2019-12-04", "2019-W49")]
    public void Iso_weeks_across_year_ends(string date, string week) => Assert.Equal(week, DateValue.WeekOf(D(date)).ToString());

    [Theory]
    [InlineData("2019-12-04", DayOfWeek.Thursday, "2019-11-28")]
    [InlineData("2019-11-28", DayOfWeek.Thursday, "2019-11-21")]
    [InlineData("2020-01-01", DayOfWeek.Monday, "2019-12-30")]
    public void Before_is_strict(string date, DayOfWeek day, string expected) =>
        Assert.Equal(D(expected), DateArithmetic.Before(D(date), day));

    [Theory]
    [InlineData("2019-12-04", DayOfWeek.Wednesday, "2019-12-04", "2019-12-04", "2019-12-11")]
    [InlineData("2019-12-04", DayOfWeek.Friday, "2019-11-29", "2019-12-06", "2019-12-06")]
    [InlineData("2019-12-31", DayOfWeek.Thursday, "2019-12-26", "2020-01-02", "2020-01-02")]
    public void Weekday_directions(string date, DayOfWeek day, string onOrBefore, string onOrAfter, string after)
    {
        Assert.Equal(D(onOrBefore), DateArithmetic.OnOrBefore(D(date), day));
        Assert.Equal(D(onOrAfter), DateArithmetic.OnOrAfter(D(date), day));
        Assert.Equal(D(after), DateArithmetic.After(D(date), day));
    }

    [Theory]
    [InlineData("2019-12-04", DayOfWeek.Monday, "2019-12-02")]
    [InlineData("2019-12-04", DayOfWeek.Sunday, "2019-12-08")]
    [InlineData("2019-12-08", DayOfWeek.Monday, "2019-12-02")]
    public void Weekday_in_iso_week(string date, DayOfWeek day, string expected) =>
        Assert.Equal(D(expected), DateArithmetic.WeekdayInWeekOf(D(date), day));

    [Theory]
    [InlineData("2021-03-01", 2, 29, DateDirection.OnOrBefore, "2020-02-29")]
    [InlineData("2021-03-01", 2, 29, DateDirection.OnOrAfter, "2024-02-29")]
    [InlineData("2019-12-04", 9, 7, DateDirection.OnOrBefore, "2019-09-07")]
    [InlineData("2019-12-04", 9, 7, DateDirection.OnOrAfter, "2020-09-07")]
    [InlineData("2019-12-04", 12, 4, DateDirection.OnOrAfter, "2019-12-04")]
    [InlineData("2019-12-30", 1, 2, DateDirection.Nearest, "2020-01-02")]
    [InlineData("2020-01-02", 12, 30, DateDirection.Nearest, "2019-12-30")]
    public void Month_days_without_year(string reference, int month, int day, DateDirection direction, string expected) =>
        Assert.Equal(D(expected), DateArithmetic.MonthDay(D(reference), month, day, direction));

    [Fact]
    public void Impossible_month_days_are_null()
    {
        Assert.Null(DateArithmetic.MonthDay(D("2019-12-04"), 2, 30, DateDirection.Nearest));
        Assert.Null(DateArithmetic.MonthDay(D("2019-12-04"), 4, 31, DateDirection.Nearest));
        Assert.False(DateArithmetic.IsValid(2019, 2, 29));
        Assert.True(DateArithmetic.IsValid(2000, 2, 29));
        Assert.False(DateArithmetic.IsValid(1900, 2, 29));
    }

    [Theory]
    [InlineData("2019-12-04", 3, DateDirection.OnOrBefore, "2019-03")]
    [InlineData("2019-12-04", 3, DateDirection.OnOrAfter, "2020-03")]
    [InlineData("2019-12-04", 3, DateDirection.Nearest, "2020-03")]
    [InlineData("2019-12-04", 12, DateDirection.OnOrAfter, "2019-12")]
    [InlineData("2019-12-04", 7, DateDirection.Nearest, "2019-07")]
    [InlineData("2020-01-10", 11, DateDirection.Nearest, "2019-11")]
    public void Months_without_year(string reference, int month, DateDirection direction, string expected) =>
        Assert.Equal(expected, DateValue.MonthOf(DateArithmetic.Month(D(reference), month, direction)).ToString());

    [Theory]
    [InlineData("2020-03-31", -1, "2020-02")]
    [InlineData("2019-12-15", 1, "2020-01")]
    [InlineData("2020-01-31", -1, "2019-12")]
    public void Month_arithmetic_at_month_ends(string date, int months, string expected) =>
        Assert.Equal(expected, DateValue.MonthOf(DateArithmetic.AddMonthsToMonth(D(date), months)).ToString());
}
