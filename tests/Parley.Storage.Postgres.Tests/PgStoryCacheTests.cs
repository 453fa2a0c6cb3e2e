using Xunit;

namespace Parley.Storage.Postgres.Tests;

/// <summary>
/// Candidate stories come from a store instance's in-memory cache of the stories: two instances on one database (two
/// workers) must each see what the other wrote, stories cleared by either, and nothing of a transaction that failed.
/// </summary>
public sealed class PgStoryCacheTests
{
    private static readonly DateOnly Day = new(2024, 5, 1);

    private static StoryState Story(string id, int size, DateOnly? first, DateOnly? last) => new(id, "title " + id, first, last, size, [1, 2, 3, 4, 5, 6, 7, 8]);

    private static List<string> Candidates(PostgresStore store, int[] terms, DateOnly? day) =>
        store.UpdateStories(tx => tx.Candidates(terms, day, 7, 24).Select(s => $"{s.Id}/{s.Size}").ToList());

    [Fact]
    public void TwoInstancesSeeEachOthersStoriesAndClears()
    {
        using var harness = new PgTempStore();
        var a = harness.Store;
        using var b = PostgresStore.Open(harness.ConnectionString);

        Assert.Empty(Candidates(a, [1, 2], Day));
        a.UpdateStories(tx => { tx.Candidates([1, 2], Day, 7, 24); tx.AddToStory(Story("s1", 1, Day, Day), "d1", [1, 2]); return 0; });
        Assert.Equal(["s1/1"], Candidates(b, [2], Day));

        // b's change reaches a's cache: the new size and the new key term.
        b.UpdateStories(tx => { tx.Candidates([3], Day, 7, 24); tx.AddToStory(Story("s1", 2, Day, Day.AddDays(1)), "d2", [3]); return 0; });
        Assert.Equal(["s1/2"], Candidates(a, [3], Day));
        // Out of the window; then undated (answered by the query): the same stories either way.
        Assert.Empty(Candidates(a, [3], Day.AddDays(30)));
        Assert.Equal(["s1/2"], Candidates(a, [3], null));

        // Ranked by shared key terms, then the latest: the best (s1 ended later) when only one is asked for; returned in id order.
        a.UpdateStories(tx => { tx.Candidates([9], Day, 7, 24); tx.AddToStory(Story("s0", 1, Day, Day), "d3", [1, 2, 3]); return 0; });
        Assert.Equal(["s0/1", "s1/2"], Candidates(b, [1, 2, 3], Day));
        Assert.Equal(["s1/2"], b.UpdateStories(tx => tx.Candidates([1, 2, 3], Day, 7, 1).Select(s => $"{s.Id}/{s.Size}").ToList()));

        // Cleared by one instance: the other's cache is reloaded.
        b.UpdateStories(tx => { tx.ClearAll(); return 0; });
        Assert.Empty(Candidates(a, [1, 2, 3], Day));
    }

    [Fact]
    public void AFailedTransactionLeavesNothingInTheCache()
    {
        using var harness = new PgTempStore();
        var a = harness.Store;
        Assert.Throws<InvalidOperationException>(() => a.UpdateStories<int>(tx =>
        {
            tx.Candidates([1], Day, 7, 24);
            tx.AddToStory(Story("s1", 1, Day, Day), "d1", [1]);
            Assert.Single(tx.Candidates([1], Day, 7, 24));
            throw new InvalidOperationException("fails before the commit");
        }));
        Assert.Empty(Candidates(a, [1], Day));
    }
}
