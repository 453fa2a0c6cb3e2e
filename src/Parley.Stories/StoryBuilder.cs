namespace Parley.Stories;

/// <summary>What story grouping needs to know of one article.</summary>
public sealed record StoryInput(string DocumentId, string? Title, DateOnly? Published, string Text, IReadOnlyList<string> EntityNames);

/// <summary>A group of articles reporting the same story.</summary>
public sealed record Story(string Id, string Title, DateOnly? First, DateOnly? Last, IReadOnlyList<string> DocumentIds);

/// <summary>
/// Groups articles into stories: articles are taken in date order and each joins the most similar open
/// story (cosine of TF-IDF vectors over title, lead and entity names) within a time window, or starts one.
/// Deterministic for a given input set: ties are broken by document id.
/// </summary>
public sealed class StoryBuilder
{
    /// <summary>Minimum cosine similarity for an article to join a story.</summary>
    public double Threshold { get; init; } = 0.25;
    /// <summary>An article joins only a story whose latest article is at most this many days older.</summary>
    public int WindowDays { get; init; } = 7;
    /// <summary>Characters of body text used (the lead carries the story).</summary>
    public int LeadChars { get; init; } = 1200;

    public IReadOnlyList<Story> Build(IEnumerable<StoryInput> inputs)
    {
        var docs = inputs.ToList();
        docs.Sort((a, b) =>
        {
            int c = Nullable.Compare(a.Published, b.Published);
            return c != 0 ? c : string.CompareOrdinal(a.DocumentId, b.DocumentId);
        });

        // Document frequencies for IDF.
        var vectors = new List<Dictionary<int, float>>(docs.Count);
        var df = new Dictionary<int, int>();
        foreach (var d in docs)
        {
            var v = TermVectors.OfArticle(d, LeadChars);
            foreach (var k in v.Keys) df[k] = df.GetValueOrDefault(k) + 1;
            vectors.Add(v);
        }
        double n = Math.Max(1, docs.Count);
        for (int i = 0; i < vectors.Count; i++) vectors[i] = TermVectors.Weigh(vectors[i], df, n);

        // Candidate stories come from an index of each story's key terms, so an article is compared with the
        // few stories that share a key term with it, not with every story in the window.
        var byTerm = new Dictionary<int, List<Cluster>>();
        var all = new List<Cluster>();
        var candidates = new HashSet<Cluster>();
        for (int i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            var keys = TermVectors.KeyTerms(vectors[i]);
            candidates.Clear();
            foreach (int k in keys)
            {
                if (!byTerm.TryGetValue(k, out var list)) continue;
                // Articles come in date order, so a story the window has passed never comes back: drop it.
                if (d.Published is { } now) list.RemoveAll(c => c.Last is { } l && now.DayNumber - l.DayNumber > WindowDays);
                foreach (var c in list) candidates.Add(c);
            }
            Cluster? best = null;
            double bestScore = Threshold;
            foreach (var c in candidates)
            {
                if (d.Published is { } p && c.Last is { } last && p.DayNumber - last.DayNumber > WindowDays) continue;
                double s = Cosine(vectors[i], c.Centroid);
                if (s > bestScore || (s == bestScore && best is not null && c.Order < best.Order)) { bestScore = s; best = c; }
            }
            if (best is null)
            {
                best = new Cluster(d, all.Count);
                all.Add(best);
            }
            best.Add(d, vectors[i]);
            foreach (int k in keys)
            {
                if (!byTerm.TryGetValue(k, out var list)) byTerm[k] = list = [];
                if (!list.Contains(best)) list.Add(best);
            }
        }

        var stories = new List<Story>(all.Count);
        foreach (var c in all)
        {
            var ids = c.Members.Select(m => m.DocumentId).ToList();
            stories.Add(new Story(StoryId(ids), c.Members[0].Title ?? Snippet(c.Members[0].Text), c.First, c.Last, ids));
        }
        return stories;
    }

    private static string StoryId(List<string> ids) => StoryId(ids[0]);

    /// <summary>A story is named after its first article, so its id stays stable while later articles join.</summary>
    internal static string StoryId(string firstDocumentId) =>
        "story-" + ((uint)TermVectors.Hash(firstDocumentId)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Snippet(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static double Cosine(Dictionary<int, float> a, Dictionary<int, float> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0, nb = 0;
        foreach (var (k, w) in a) if (b.TryGetValue(k, out float v)) dot += w * v;
        foreach (var v in b.Values) nb += v * v;
        return nb > 0 ? dot / Math.Sqrt(nb) : 0;
    }

    private sealed class Cluster(StoryInput first, int order)
    {
        public int Order { get; } = order;
        public List<StoryInput> Members { get; } = [];
        public Dictionary<int, float> Centroid { get; } = [];
        public DateOnly? First { get; private set; } = first.Published;
        public DateOnly? Last { get; private set; } = first.Published;

        public void Add(StoryInput d, Dictionary<int, float> v)
        {
            Members.Add(d);
            foreach (var (k, w) in v) Centroid[k] = Centroid.GetValueOrDefault(k) + w;
            if (d.Published is { } p)
            {
                if (First is null || p < First) First = p;
                if (Last is null || p > Last) Last = p;
            }
        }
    }
}
