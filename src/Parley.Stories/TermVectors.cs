using Parley.Core;
using System.Runtime.InteropServices;

namespace Parley.Stories;

/// <summary>
/// Sparse term-weight vectors over lower-cased content words, hashed to ints so that no per-word
/// strings are kept. Used to compare articles for story grouping.
/// </summary>
internal static class TermVectors
{

    public const string FileName = "story-words.tsv";

    /// <summary>Terms that index the stories an article may join: its heaviest.</summary>
    private const int KeyTermCount = 8;

    /// <summary>A prior of this many unseen documents keeps IDF sensible on small stores.</summary>
    private const double PriorDocuments = 50;

    /// <summary>An article's weighted term counts (before IDF): title and entity names weigh 3, the lead's words 0.5.</summary>
    public static Dictionary<int, float> OfArticle(StoryInput d, int leadChars)
    {
        var v = new Dictionary<int, float>();
        AddTerms(d.Title ?? "", 3f, v);
        AddTerms(d.Text, 0.5f, v, leadChars);
        foreach (var name in d.EntityNames) AddTerms(name, 3f, v);
        return v;
    }

    /// <summary>The unit TF-IDF vector of term counts, given how many of <paramref name="documents"/> articles hold each term.</summary>
    public static Dictionary<int, float> Weigh(Dictionary<int, float> terms, IReadOnlyDictionary<int, int> frequencies, double documents)
    {
        var v = new Dictionary<int, float>(terms.Count);
        double norm = 0;
        foreach (var (k, c) in terms)
        {
            double w = (1 + Math.Log(c)) * Math.Log((documents + PriorDocuments) / (frequencies.GetValueOrDefault(k) + 1.0));
            if (w <= 0) continue;
            v[k] = (float)w;
            norm += w * w;
        }
        if (norm > 0)
        {
            float inv = (float)(1 / Math.Sqrt(norm));
            foreach (var k in v.Keys) v[k] *= inv;
        }
        return v;
    }

    /// <summary>The heaviest terms of a vector (ties by term).</summary>
    public static int[] KeyTerms(Dictionary<int, float> v)
    {
        var top = new List<KeyValuePair<int, float>>(v);
        top.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        int n = Math.Min(KeyTermCount, top.Count);
        var keys = new int[n];
        for (int i = 0; i < n; i++) keys[i] = top[i].Key;
        return keys;
    }

    private static readonly HashSet<int> StopHashes = BuildStopHashes(LanguageData.Default);

    /// <summary>The hashes of the words that say nothing of a topic: the stop words and the weekday names.</summary>
    private static HashSet<int> BuildStopHashes(LanguageData language)
    {
        var set = new HashSet<int>();
        foreach (var w in language.Lists(FileName).Words("stop_words")) set.Add(Hash(w.ToLowerInvariant()));
        foreach (var w in language.Lists(CalendarWords.FileName).Words(CalendarWords.Weekdays)) set.Add(Hash(w.ToLowerInvariant()));
        return set;
    }

    /// <summary>Adds the weighted counts of the content words of <paramref name="text"/> into <paramref name="counts"/>.</summary>
    public static void AddTerms(ReadOnlySpan<char> text, float weight, Dictionary<int, float> counts, int maxChars = int.MaxValue)
    {
        if (text.Length > maxChars) text = text[..maxChars];
        Span<char> lower = stackalloc char[48];
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'' || text[i] == '-')) i++;
            int len = i - start;
            if (len < 3 || len > lower.Length) continue;
            var word = text.Slice(start, len);
            word.ToLowerInvariant(lower);
            var w = lower[..len];
            if (w.EndsWith("'s")) w = w[..^2];
            if (w.Length < 3 || char.IsDigit(w[0])) continue;
            int h = Hash(w);
            if (StopHashes.Contains(h)) continue;
            ref float c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _);
            c += weight;
        }
    }

    /// <summary>FNV-1a over the characters: stable across processes (string.GetHashCode is not).</summary>
    public static int Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) { h ^= c; h *= 16777619; }
        return (int)h;
    }
}
