namespace Parley.Stories.Tests;

public class ReportMergerTests
{
    private static EventReport R(long key, long doc, string story, int? day, string? src, string? tgt, string cameo) =>
        new(key, doc, story, day is int d ? new DateOnly(2019, 12, 1).AddDays(d) : null, src, tgt, cameo);

    [Fact]
    public void SameActorsAndEventInOneStoryWithinTheWindowAreOneEvent()
    {
        var merged = ReportMerger.Merge(
        [
            R(1, 10, "s1", 0, "USAGOV", "AFGREB", "036"),
            R(2, 11, "s1", 1, "USAGOV", "AFGREB", "0361"),   // same base code, a day later, another article
            R(3, 12, "s1", 2, "USAGOV", "AFGREB", "036"),
            R(4, 13, "s1", 9, "USAGOV", "AFGREB", "036"),    // a week later: a new event
            R(5, 14, "s1", 10, "USAGOV", "AFGREB", "036"),
        ]);
        Assert.Equal([(2L, 1L), (3L, 1L), (5L, 4L)], merged.Order());
    }

    [Fact]
    public void OtherStoriesActorsCodesAndActorlessEventsStayApart()
    {
        var merged = ReportMerger.Merge(
        [
            R(1, 10, "s1", 0, "USAGOV", "AFGREB", "036"),
            R(2, 11, "s2", 0, "USAGOV", "AFGREB", "036"),    // another story
            R(3, 12, "s1", 0, "AFGREB", "USAGOV", "036"),    // roles swapped
            R(4, 13, "s1", 0, "USAGOV", "AFGREB", "040"),    // another event
            R(5, 14, "s1", 0, null, null, "190"),
            R(6, 15, "s1", 0, null, null, "190"),            // no actors: nothing says they are the same
        ]);
        Assert.Empty(merged);
    }

    [Fact]
    public void TwoEventsOfOneArticleAreTwoEventsButALaterArticleRepeatsTheFirst()
    {
        var merged = ReportMerger.Merge(
        [
            R(1, 10, "s1", 0, "USAELI", "USAGOV", "111"),
            R(2, 10, "s1", 0, "USAELI", "USAGOV", "111"),    // same article: a second criticism, not a repeat
            R(3, 11, "s1", 1, "USAELI", "USAGOV", "111"),
        ]);
        Assert.Equal([(3L, 1L)], merged);
    }

    [Fact]
    public void UndatedReportsJoinTheFirstDatedOne()
    {
        var merged = ReportMerger.Merge([R(7, 11, "s1", null, "RUS", "UKR", "190"), R(3, 10, "s1", 4, "RUS", "UKR", "1901")]);
        Assert.Equal([(7L, 3L)], merged);
    }
}
