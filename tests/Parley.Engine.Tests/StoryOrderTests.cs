using Parley.Core;
using Parley.Storage;

namespace Parley.Engine.Tests;

/// <summary>
/// Story placement in queue order (<see cref="StoryUpdater.AddInOrder"/>): articles handed over in any order, as
/// parallel workers finish them, make the stories that one process placing them in queue order makes.
/// </summary>
public sealed class StoryOrderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-story-order-" + Guid.NewGuid().ToString("N")[..12]);

    public StoryOrderTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static readonly string[] Countries = ["Russia", "Ukraine", "China", "France", "Iran", "Israel", "Turkey", "Egypt"];
    private static readonly string[] Verbs = ["accused", "met", "signed a deal with", "criticized", "attacked"];
    private static readonly string[] Syllables = ["ka", "lor", "ven", "dri", "mo", "sal", "tur", "bex"];

    /// <summary>Five reports of each made-up event over a few days; events of the same countries lie close, so placement order matters.</summary>
    private static List<Document> Corpus(int events)
    {
        var docs = new List<Document>();
        var jitter = new Random(7);
        for (int e = 0; e < events; e++)
        {
            var r = new Random(e * 31 + 5);
            string a = Countries[r.Next(Countries.Length)], b = Countries[r.Next(Countries.Length)];
            string name = Syllables[r.Next(Syllables.Length)] + Syllables[r.Next(Syllables.Length)] + Syllables[r.Next(Syllables.Length)];
            string verb = Verbs[r.Next(Verbs.Length)];
            for (int k = 0; k < 5; k++)
            {
                int i = docs.Count;
                docs.Add(new Document($"d{i:D4}", $"Officials said that {a} {verb} {b} over the {name} affair. Report {i}.")
                {
                    Title = $"{name}: {a} and {b}",
                    Published = new DateOnly(2024, 3, 1).AddDays(e / 6 + jitter.Next(2)),
                });
            }
        }
        return docs;
    }

    private static Dictionary<string, string> StoryOf(IParleyStore store) =>
        store.ListStories().SelectMany(s => s.DocumentIds.Select(d => (d, s.Id))).ToDictionary(p => p.d, p => p.Id);

    [Fact]
    public void Articles_handed_over_out_of_order_are_placed_in_queue_order_and_make_the_single_process_stories()
    {
        var docs = Corpus(60);
        using var single = StoreFactory.Open(Path.Combine(_dir, "single.db"), null);
        StoryUpdater.AddDocuments(single, docs);

        // Three workers, batches of four: each finishes its articles in its own time, and one dies holding two that
        // come back much later. Positions are 1-based, as a stream's.
        var rng = new Random(11);
        var handed = new List<int>();
        for (int start = 0; start < docs.Count; start += 12)
            handed.AddRange(Enumerable.Range(start, Math.Min(12, docs.Count - start)).OrderBy(_ => rng.Next()));
        var late = handed.GetRange(100, 2);
        handed.RemoveRange(100, 2);
        handed.InsertRange(200, late);

        var order = new PlacementOrderOptions("articles", TimeSpan.FromHours(1));
        using var workers = StoreFactory.Open(Path.Combine(_dir, "workers.db"), null);
        StoryUpdater.StartOrder(workers, order, 1, docs.Count);
        foreach (int i in handed)
            while (StoryUpdater.AddInOrder(workers, order, i + 1, docs[i])) { }
        Assert.Equal(StoryOf(single), StoryOf(workers));

        // Placed in the order they were handed over instead, the stories differ: what the queue order is for.
        using var unordered = StoreFactory.Open(Path.Combine(_dir, "unordered.db"), null);
        foreach (int i in handed) StoryUpdater.AddDocuments(unordered, [docs[i]]);
        Assert.NotEqual(StoryOf(single), StoryOf(unordered));
    }

    [Fact]
    public void A_position_never_handled_holds_the_later_ones_back_until_the_queue_is_drained_and_duplicates_fill_their_position()
    {
        var docs = Corpus(4);
        var order = new PlacementOrderOptions("articles", TimeSpan.FromHours(1));
        using var store = StoreFactory.Open(Path.Combine(_dir, "gap.db"), null);
        StoryUpdater.StartOrder(store, order, 1, docs.Count + 2);
        // Position 1 is a duplicate (nothing to place); position 2 is lost; the rest come in.
        StoryUpdater.AddInOrder(store, order, 1, null);
        for (int i = 0; i < docs.Count; i++) StoryUpdater.AddInOrder(store, order, i + 3, docs[i]);
        Assert.Empty(store.ListStories());
        Assert.Equal(0, StoryUpdater.PlaceWaiting(store, order, skipGaps: false));
        Assert.Equal(docs.Count, StoryUpdater.PlaceWaiting(store, order, skipGaps: true));
        Assert.Equal(docs.Count, StoryOf(store).Count);
        // A redelivered article already placed is not placed twice.
        StoryUpdater.AddInOrder(store, order, 3, docs[0]);
        Assert.Equal(docs.Count, store.ListStories().Sum(s => s.DocumentIds.Count));
    }

    [Fact]
    public void A_repeat_stored_before_its_late_original_is_placed_at_the_original_position_as_one_process_would()
    {
        var docs = Corpus(40);
        using var single = StoreFactory.Open(Path.Combine(_dir, "single-repeat.db"), null);
        StoryUpdater.AddDocuments(single, docs);
        var expected = Pairs(StoryOf(single));

        // The queue holds the articles and, at position 151, the same wire item again under another id. The worker
        // holding the original (position 28) dies; the repeat is stored before the original comes back, so the store
        // keeps the repeat's id and the original is a duplicate of it: the worker hands over the stored copy there.
        var original = docs[27];
        var repeat = new Document("r0001", original.Text) { Title = original.Title, Published = original.Published };
        Assert.Equal(expected, Pairs(PlacedWithLateOriginal(docs, original, repeat, atOriginal: repeat, "repeat-placed.db")));
        // Had the late original placed nothing, its text would sit at the repeat's position and the stories would differ.
        Assert.NotEqual(expected, Pairs(PlacedWithLateOriginal(docs, original, repeat, atOriginal: null, "repeat-skipped.db")));
    }

    private Dictionary<string, string> PlacedWithLateOriginal(List<Document> docs, Document original, Document repeat, Document? atOriginal, string file)
    {
        var order = new PlacementOrderOptions("articles", TimeSpan.FromHours(1));
        using var workers = StoreFactory.Open(Path.Combine(_dir, file), null);
        StoryUpdater.StartOrder(workers, order, 1, docs.Count + 1);
        var queue = docs.Take(150).Append(repeat).Concat(docs.Skip(150)).ToList();
        int late = queue.IndexOf(original);
        foreach (int i in Enumerable.Range(0, queue.Count).Where(i => i != late).Append(late))
            while (StoryUpdater.AddInOrder(workers, order, i + 1, i == late ? atOriginal : queue[i])) { }
        // Compared by text: the store kept the repeat's id for the original's text.
        var storyOf = StoryOf(workers);
        storyOf[original.Id] = storyOf[repeat.Id];
        storyOf.Remove(repeat.Id);
        return storyOf;
    }

    /// <summary>Which articles share a story (story ids are the first member's id, which differs with the copy kept).</summary>
    private static HashSet<(string, string)> Pairs(Dictionary<string, string> storyOf) =>
        storyOf.GroupBy(kv => kv.Value).SelectMany(g => g.Select(kv => kv.Key).SelectMany(a => g.Select(kv => kv.Key).Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b)))).ToHashSet();
}
