using System.Buffers.Binary;

namespace Parley.Stories;

/// <summary>A story as incremental grouping sees it: its span, size and centroid (sum of its articles' unit vectors).</summary>
public sealed record StoryCentroid(string Id, string? Title, DateOnly? First, DateOnly? Last, int Size, Dictionary<int, float> Centroid);

/// <summary>
/// Story grouping one article at a time, for stores that many workers write at once: an article joins the
/// most similar story (cosine of its term vector with the story's centroid) among the stories that share one
/// of its key terms and whose span of days comes within <see cref="WindowDays"/> of its date, or starts a
/// story. It touches only that story. Terms are weighed as in <see cref="StoryBuilder"/> (title and entity names
/// 3, lead 0.5; TF-IDF with a prior of unseen documents), with document frequencies counted as articles are
/// grouped, so an article is weighed against the articles grouped before it. The result depends on the order
/// articles arrive in only where an article sits near the threshold between two stories.
/// </summary>
public sealed class IncrementalStories
{
    /// <summary>Minimum cosine similarity for an article to join a story.</summary>
    public double Threshold { get; init; } = 0.25;
    /// <summary>An article joins only a story whose span of days comes within this many days of its date.</summary>
    public int WindowDays { get; init; } = 7;
    /// <summary>Characters of body text used (the lead carries the story).</summary>
    public int LeadChars { get; init; } = 1200;
    /// <summary>Stories an article is compared with at most: those sharing the most key terms with it (then the latest).</summary>
    public int MaxCandidates { get; init; } = 24;
    /// <summary>Terms a centroid keeps (its heaviest), so a long-running story stays small to store and compare.</summary>
    public int CentroidTerms { get; init; } = 256;


    /// <summary>The article's weighted term counts (before IDF).</summary>
    public Dictionary<int, float> Terms(StoryInput d) => TermVectors.OfArticle(d, LeadChars);

    /// <summary>The article's unit TF-IDF vector, given how many of <paramref name="documents"/> grouped articles hold each term.</summary>
    public static Dictionary<int, float> Vector(Dictionary<int, float> terms, IReadOnlyDictionary<int, int> frequencies, long documents) =>
        TermVectors.Weigh(terms, frequencies, documents);

    /// <summary>The heaviest terms of a vector (ties by term), which index the stories an article may join.</summary>
    public static int[] KeyTerms(Dictionary<int, float> v) => TermVectors.KeyTerms(v);

    /// <summary>The best story for the article among <paramref name="candidates"/>, or null to start one. Ties go to the smaller id.</summary>
    public StoryCentroid? Choose(StoryInput d, Dictionary<int, float> vector, IEnumerable<StoryCentroid> candidates)
    {
        StoryCentroid? best = null;
        double bestScore = Threshold;
        foreach (var c in candidates)
        {
            if (!Within(d.Published, c)) continue;
            double s = Cosine(vector, c.Centroid);
            if (s > bestScore || (s == bestScore && best is not null && string.CompareOrdinal(c.Id, best.Id) < 0)) { bestScore = s; best = c; }
        }
        return best;
    }

    /// <summary>The story after the article joins it (or the new story it starts when <paramref name="story"/> is null).</summary>
    public StoryCentroid Join(StoryCentroid? story, StoryInput d, Dictionary<int, float> vector)
    {
        var centroid = story is null ? new Dictionary<int, float>() : new Dictionary<int, float>(story.Centroid);
        foreach (var (k, w) in vector) centroid[k] = centroid.GetValueOrDefault(k) + w;
        if (centroid.Count > CentroidTerms)
        {
            var keep = new List<KeyValuePair<int, float>>(centroid);
            keep.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
            centroid = new Dictionary<int, float>(keep.GetRange(0, CentroidTerms));
        }
        DateOnly? first = story?.First, last = story?.Last;
        if (d.Published is { } p)
        {
            if (first is null || p < first) first = p;
            if (last is null || p > last) last = p;
        }
        if (story is null)
            return new StoryCentroid(StoryBuilder.StoryId(d.DocumentId), d.Title ?? StoryBuilder.Snippet(d.Text), first, last, 1, centroid);
        return story with { First = first, Last = last, Size = story.Size + 1, Centroid = centroid };
    }

    private bool Within(DateOnly? day, StoryCentroid c)
    {
        if (day is not { } p || c.First is not { } first || c.Last is not { } last) return true;
        return p.DayNumber >= first.DayNumber - WindowDays && p.DayNumber <= last.DayNumber + WindowDays;
    }

    private static double Cosine(Dictionary<int, float> a, Dictionary<int, float> b)
    {
        if (b.Count == 0) return 0;
        double dot = 0, nb = 0;
        foreach (var (k, w) in a) if (b.TryGetValue(k, out float v)) dot += w * v;
        foreach (var v in b.Values) nb += v * v;
        return nb > 0 ? dot / Math.Sqrt(nb) : 0;
    }

    /// <summary>A centroid as bytes for a store: (term, weight) pairs, little-endian, in term order.</summary>
    public static byte[] EncodeCentroid(Dictionary<int, float> centroid)
    {
        var keys = new List<int>(centroid.Keys);
        keys.Sort();
        var bytes = new byte[keys.Count * 8];
        for (int i = 0; i < keys.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), keys[i]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 8 + 4), centroid[keys[i]]);
        }
        return bytes;
    }

    public static Dictionary<int, float> DecodeCentroid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 8 != 0) throw new InvalidDataException("A story centroid is not a whole number of (term, weight) pairs.");
        var centroid = new Dictionary<int, float>(bytes.Length / 8);
        for (int i = 0; i < bytes.Length; i += 8)
            centroid[BinaryPrimitives.ReadInt32LittleEndian(bytes[i..])] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i + 4)..]);
        return centroid;
    }
}
