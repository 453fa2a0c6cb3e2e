namespace Parley.Storage.Postgres;

/// <summary>
/// The stories a store instance has seen, with their key terms, kept in memory so that story placement finds an
/// article's candidate stories without a query per article. The candidate query over <c>story_terms</c> was most of
/// what PostgreSQL spent on stories (Reuters, 4,904 articles: 3.3 of the ~5 s of statement time stories added; it grows
/// with the store, as common key terms gather more stories). Kept exact under concurrent writers by reading, under the
/// story lock, every story changed since the last read (<c>stories.changed</c>, a sequence value set by each write under
/// that lock) and reloading everything when stories were cleared (<c>store_state.stories_epoch</c>).
/// Memory stays bounded: only stories whose last day comes within <see cref="Days"/> of the newest story's (and
/// undated stories) are kept; an article whose window reaches before that, or an undated article, is answered by
/// the query. Used only inside the story lock (one transaction at a time per process, see PostgresStore.UpdateStories).
/// </summary>
internal sealed class PgStoryCache
{
    /// <summary>Days before the newest story's last day that the cache still holds.</summary>
    public const int Days = 60;

    internal sealed class Entry(StoryState state, HashSet<int> terms)
    {
        public StoryState State { get; set; } = state;
        public HashSet<int> Terms { get; } = terms;
    }

    private readonly Dictionary<string, Entry> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _postings = [];

    /// <summary>Whether the cache reflects the store up to <see cref="Seen"/> (false: reload everything at the next sync).</summary>
    public bool Loaded { get; private set; }
    /// <summary>The highest <c>stories.changed</c> the cache reflects.</summary>
    public long Seen { get; private set; }
    /// <summary>The <c>store_state.stories_epoch</c> the cache was loaded at (cleared stories bump it).</summary>
    public long Epoch { get; private set; }
    /// <summary>Every story whose last day is on or after this day (and every undated story) is cached.</summary>
    public DateOnly HorizonStart { get; private set; } = DateOnly.MinValue;
    private DateOnly? _newest;

    public void Invalidate()
    {
        Loaded = false;
        _stories.Clear();
        _postings.Clear();
        Seen = 0;
        _newest = null;
        HorizonStart = DateOnly.MinValue;
    }

    /// <summary>Starts a full load: what was cached is dropped; <paramref name="horizonStart"/> is what the load's query kept.</summary>
    public void BeginLoad(long epoch, DateOnly horizonStart)
    {
        Invalidate();
        Epoch = epoch;
        HorizonStart = horizonStart;
        Loaded = true;
    }

    public Entry? Get(string id) => _stories.GetValueOrDefault(id);

    public IEnumerable<string> Posting(int term) => _postings.TryGetValue(term, out var ids) ? ids : [];

    /// <summary>Sets a story's state and adds its key terms (a story's terms only grow, except by clearing).</summary>
    public void Put(StoryState state, IEnumerable<int> terms)
    {
        if (state.Last is { } last && last < HorizonStart) return;
        if (!_stories.TryGetValue(state.Id, out var e)) _stories[state.Id] = e = new Entry(state, []);
        else e.State = state;
        foreach (int t in terms)
        {
            if (!e.Terms.Add(t)) continue;
            if (!_postings.TryGetValue(t, out var ids)) _postings[t] = ids = [];
            ids.Add(state.Id);
        }
        if (state.Last is { } l && (_newest is null || l > _newest)) _newest = l;
    }

    public void SetSeen(long seen) => Seen = Math.Max(Seen, seen);

    /// <summary><paramref name="days"/> days before <paramref name="day"/>, or the first day there is (a feed's year-1 date must not throw).</summary>
    public static DateOnly Before(DateOnly day, int days) => day.DayNumber > days ? day.AddDays(-days) : DateOnly.MinValue;

    /// <summary>Drops stories that ended more than <see cref="Days"/> before the newest (in steps of a week, so rarely).</summary>
    public void Evict()
    {
        if (_newest is not { } newest) return;
        var start = Before(newest, Days);
        if (start <= HorizonStart.AddDays(7)) return;
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var touched = new HashSet<int>();
        foreach (var (id, e) in _stories)
            if (e.State.Last is { } last && last < start)
            {
                gone.Add(id);
                touched.UnionWith(e.Terms);
            }
        foreach (int t in touched)
            if (_postings.TryGetValue(t, out var ids) && ids.RemoveAll(gone.Contains) > 0 && ids.Count == 0) _postings.Remove(t);
        foreach (var id in gone) _stories.Remove(id);
        HorizonStart = start;
    }
}
