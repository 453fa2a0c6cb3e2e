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
