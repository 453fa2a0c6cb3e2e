using System.Runtime.InteropServices;

namespace Parley.Stories;

/// <summary>
/// Sparse term-weight vectors over lower-cased content words, hashed to ints so that no per-word
/// strings are kept. Used to compare articles for story grouping.
/// </summary>
internal static class TermVectors
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a","about","above","after","again","against","all","also","am","an","and","any","are","as","at","be","because","been",
        "before","being","below","between","both","but","by","can","could","did","do","does","doing","down","during","each","few",
        "for","from","further","had","has","have","having","he","her","here","hers","herself","him","himself","his","how","i","if",
        "in","into","is","it","its","itself","just","me","more","most","my","myself","no","nor","not","now","of","off","on","once",
        "only","or","other","our","ours","ourselves","out","over","own","said","same","says","she","should","so","some","such","than",
        "that","the","their","theirs","them","themselves","then","there","these","they","this","those","through","to","too","under",
        "until","up","very","was","we","were","what","when","where","which","while","who","whom","why","will","with","would","you",
        "your","yours","yourself","yourselves","mr","mrs","ms","new","one","two","three","year","years","week","day","days","may",
        "monday","tuesday","wednesday","thursday","friday","saturday","sunday","last","first","told","according","people",
    };

    private static readonly HashSet<int> StopHashes = BuildStopHashes();

    private static HashSet<int> BuildStopHashes()
    {
        var set = new HashSet<int>();
        foreach (var w in StopWords) set.Add(Hash(w));
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
