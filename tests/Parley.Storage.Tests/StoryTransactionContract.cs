namespace Parley.Storage.Tests;

/// <summary>Part of the store contract: the story transaction's reads and writes, and dead letters.</summary>
public abstract class StoryTransactionContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    [SkippableFact]
    public void Stories_added_in_a_transaction_are_found_by_key_term_and_window_and_listed_with_their_members()
    {
        using var t = NewStore();
        var day = new DateOnly(2020, 3, 10);
        t.Store.UpdateStories(tx =>
        {
            Assert.Empty(tx.InStories(["a"]));
            tx.AddToStory(new StoryState("s1", "Talks", day, day, 1, [1, 2, 3, 4, 5, 6, 7, 8]), "a", [11, 12]);
            tx.AddToStory(new StoryState("s1", "Talks", day, day.AddDays(1), 2, [9, 9, 9, 9, 9, 9, 9, 9]), "b", [12, 13]);
            tx.AddToStory(new StoryState("s2", "Markets", day.AddDays(30), day.AddDays(30), 1, []), "c", [11]);
            return 0;
        });
        t.Store.UpdateStories(tx =>
        {
            Assert.Equal(["a", "b", "c"], tx.InStories(["b", "x", "c", "a"]).Order(StringComparer.Ordinal));
            var found = tx.Candidates([13], day.AddDays(5), 7, 10);
            var s1 = Assert.Single(found);
            Assert.Equal(("s1", 2, day, day.AddDays(1)), (s1.Id, s1.Size, s1.First, s1.Last));
            Assert.Equal(new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 }, s1.Centroid);
            // Term 11 is in both stories, but s2's span is 25 days away from the 5th: outside a 7-day window.
            Assert.Equal(["s1"], tx.Candidates([11], day, 7, 10).Select(s => s.Id));
            Assert.Equal(["s1", "s2"], tx.Candidates([11], null, 7, 10).Select(s => s.Id));
            Assert.Empty(tx.Candidates([99], day, 7, 10));
            // Capped: the story sharing more key terms comes first.
            Assert.Equal(["s1"], tx.Candidates([11, 12], null, 7, 1).Select(s => s.Id));
            return 0;
        });
        var stories = t.Store.ListStories();
        Assert.Equal(["a", "b"], stories.Single(s => s.Id == "s1").DocumentIds);
        Assert.Equal(2, t.Store.GetStats().Stories);
    }

    [SkippableFact]
    public void Report_links_set_in_a_transaction_change_only_the_named_events_and_a_failed_transaction_changes_nothing()
    {
        using var t = NewStore();
        var a = TestDocuments.Annotated("a", seed: 1, events: 3);
        var b = TestDocuments.Annotated("b", seed: 2, events: 3);
        t.Store.SaveBatch([a, b]);
        t.Store.UpdateStories(tx =>
        {
            tx.AddToStory(new StoryState("s", "S", null, null, 1, []), "a", []);
            tx.AddToStory(new StoryState("s", "S", null, null, 2, []), "b", []);
            return 0;
        });
        var events = t.Store.UpdateStories(tx => tx.EventsOfStory("s"));
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal("s", e.StoryId));
        Assert.Equal(["a", "a", "a", "b", "b", "b"], events.Select(e => e.DocumentId).Order(StringComparer.Ordinal));
        // Only the report groups of one document's events: those events and the others sharing their groups.
        var groupsOfA = events.Where(e => e.DocumentId == "a").Select(e => (e.Source, e.Target, e.Cameo[..Math.Min(3, e.Cameo.Length)])).ToHashSet();
        var expected = events.Where(e => groupsOfA.Contains((e.Source, e.Target, e.Cameo[..Math.Min(3, e.Cameo.Length)]))).Select(e => e.Key).Order();
        Assert.Equal(expected, t.Store.UpdateStories(tx => tx.EventsOfStory("s", "a")).Select(e => e.Key).Order());
        Assert.Equal(3, t.Store.UpdateStories(tx => tx.EventsOfStory("document:a", "a")).Count);
        var bKeys = events.Where(e => e.DocumentId == "b").OrderBy(e => e.Ord).Select(e => e.Key).ToList();
        long first = events.First(e => e.DocumentId == "a" && e.Ord == 0).Key;

        t.Store.UpdateStories(tx => { tx.SetReportLinks([(bKeys[0], first), (bKeys[1], first)]); return 0; });
        Assert.Equal(2, t.Store.QueryEvents(new EventQuery(), out _).Count(e => e.IsRepeat));
        t.Store.UpdateStories(tx => { tx.SetReportLinks([(bKeys[1], null)]); return 0; });
        Assert.Single(t.Store.QueryEvents(new EventQuery(), out _), e => e.IsRepeat);
        Assert.Equal(first, t.Store.UpdateStories(tx => tx.EventsOfStory("s")).Single(e => e.Key == bKeys[0]).ReportOf);

        Assert.Throws<InvalidOperationException>(() => t.Store.UpdateStories<int>(tx =>
        {
            tx.SetReportLinks([(bKeys[0], null)]);
            tx.AddToStory(new StoryState("s3", "S3", null, null, 1, []), "x", []);
            throw new InvalidOperationException("fails before the commit");
        }));
        Assert.Single(t.Store.QueryEvents(new EventQuery(), out _), e => e.IsRepeat);
        Assert.DoesNotContain(t.Store.ListStories(), s => s.Id == "s3");

        t.Store.UpdateStories(tx => { tx.ClearAll(); return 0; });
        Assert.Empty(t.Store.ListStories());
    }

    [SkippableFact]
    public void Handled_positions_are_taken_in_order_a_gap_holding_back_later_ones_until_it_is_filled_waited_out_or_skipped()
    {
        using var t = NewStore();
        var hour = TimeSpan.FromHours(1);
        List<long> Take(TimeSpan wait, bool skipGaps = false, int limit = 64) =>
            t.Store.UpdateStories(tx => tx.TakeInOrder("q", wait, skipGaps, limit)).Select(p => p.Position).ToList();
        void Record(long position, string? id = null) =>
            t.Store.UpdateStories(tx => { tx.RecordHandled("q", position, id, id is null ? null : [1, 2, 3]); return 0; });

        t.Store.UpdateStories(tx => { tx.StartSequence("q", 1, 10); return 0; });
        Record(2, "b");
        Record(3);
        Assert.Empty(Take(hour));
        // Recorded and taken in one transaction, as a worker does.
        var taken = t.Store.UpdateStories(tx => { tx.RecordHandled("q", 1, "a", [1, 2, 3]); return tx.TakeInOrder("q", hour, false, 64); });
        Assert.Equal([(1L, "a"), (2L, "b"), (3L, null)], taken.Select(p => (p.Position, p.DocumentId)));
        Assert.All(taken, p => Assert.False(p.Placed));
        Assert.Equal(new byte[] { 1, 2, 3 }, taken[0].Placement);
        Assert.Null(taken[2].Placement);
        Assert.Empty(Take(hour));
        // Redelivered after it was taken: below the next position, so taken at once, marked if its document is in a story already.
        t.Store.UpdateStories(tx => { tx.AddToStory(new StoryState("s", "S", null, null, 1, []), "c", []); return 0; });
        Record(3, "c");
        Assert.True(Assert.Single(t.Store.UpdateStories(tx => tx.TakeInOrder("q", hour, false, 64))) is { Position: 3, Placed: true });

        // A gap at 4: skipped when asked (the queue is drained), and 4 is taken late when it comes.
        Record(5);
        Assert.Empty(Take(hour));
        Assert.Equal([5L], Take(hour, skipGaps: true));
        Record(4);
        Assert.Equal([4L], Take(hour));

        // A gap at 6 outlasted by the position after it.
        Record(7);
        Thread.Sleep(50);
        Assert.Empty(Take(hour));
        Assert.Equal([7L], Take(TimeSpan.FromMilliseconds(10)));

        // At most the limit; a failed transaction takes nothing.
        Record(8); Record(9); Record(10);
        Assert.Throws<InvalidOperationException>(() => t.Store.UpdateStories<int>(tx =>
        {
            Assert.Equal(3, tx.TakeInOrder("q", hour, false, 64).Count);
            throw new InvalidOperationException("fails before the commit");
        }));
        Assert.Equal([8L, 9L], Take(hour, limit: 2));
        Assert.Equal([10L], Take(hour));

        // Starting again changes nothing; a stream made anew (its last position before the next one) starts over.
        t.Store.UpdateStories(tx => { tx.StartSequence("q", 1, 10); return 0; });
        Record(12);
        Assert.Empty(Take(hour));
        t.Store.UpdateStories(tx => { tx.StartSequence("q", 1, 0); return 0; });
        Record(1);
        Assert.Equal([1L], Take(hour));
        // Other sequences are independent.
        t.Store.UpdateStories(tx => { tx.StartSequence("other", 1, 0); tx.RecordHandled("other", 1, null, null); return 0; });
        Assert.Equal([1L], t.Store.UpdateStories(tx => tx.TakeInOrder("other", hour, false, 64)).Select(p => p.Position));
    }

    [SkippableFact]
    public void Dead_letters_are_recorded_once_per_article_with_their_latest_error()
    {
        using var t = NewStore();
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        t.Store.RecordDeadLetter(new DeadLetter("h1", "doc-1", "feed.jsonl:3", 3, "internal error in processing (X: y)", at));
        t.Store.RecordDeadLetter(new DeadLetter("h1", "doc-1", "feed.jsonl:3", 5, "still failing", at.AddMinutes(1)));
        t.Store.RecordDeadLetter(new DeadLetter("h2", null, null, 5, "not a document message", at));
        var letters = t.Store.ListDeadLetters(10);
        Assert.Equal(2, letters.Count);
        Assert.Equal(new DeadLetter("h1", "doc-1", "feed.jsonl:3", 5, "still failing", at.AddMinutes(1)), letters[0]);
        Assert.Null(letters[1].DocumentId);
        Assert.Single(t.Store.ListDeadLetters(1));
    }
}
