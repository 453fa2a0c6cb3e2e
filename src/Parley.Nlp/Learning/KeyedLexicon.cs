using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// Lookup of "a\tb" keys (e.g. word form and tag) to interned string ids, without allocating a key string:
/// the key is assembled in a stack buffer and looked up through the dictionary's span lookup.
/// </summary>
internal sealed class KeyedLexicon
{
    private const int MaxKey = 96;
    private readonly Dictionary<string, int> _map;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeyedLexicon(Dictionary<string, int> map)
    {
        _map = map;
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyDictionary<string, int> Map => _map;


    public bool TryGet(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool lowerA, out int value)
    {
        value = 0;
        int len = a.Length + 1 + b.Length;
        if (len > MaxKey) return false;
        Span<char> key = stackalloc char[len];
        if (lowerA) a.ToLowerInvariant(key); else a.CopyTo(key);
        key[a.Length] = '\t';
        b.CopyTo(key[(a.Length + 1)..]);
        return _lookup.TryGetValue(key, out value);
    }

    public static string Key(string a, string b) => a + "\t" + b;

    /// <summary>Keeps, for each key, its most frequent value (ties: ordinal order of the value).</summary>
    public static Dictionary<string, string> MostFrequent(Dictionary<string, Dictionary<string, int>> counts, int minCount = 1)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in counts)
        {
            string? best = null; int bestCount = 0, total = 0;
            foreach (var (v, c) in values)
            {
                total += c;
                if (c > bestCount || (c == bestCount && string.CompareOrdinal(v, best) < 0)) { best = v; bestCount = c; }
            }
            if (best is not null && total >= minCount) result[key] = best;
        }
        return result;
    }

    public static void Count(Dictionary<string, Dictionary<string, int>> counts, string key, string value)
    {
        if (!counts.TryGetValue(key, out var d)) counts[key] = d = new Dictionary<string, int>(StringComparer.Ordinal);
        d[value] = d.GetValueOrDefault(value) + 1;
    }

    public static void Write(BinaryWriter w, Dictionary<string, string> map)
    {
        w.Write(map.Count);
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
    }

    public static Dictionary<string, string> Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var map = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) { string k = r.ReadString(); map[k] = r.ReadString(); }
        return map;
    }

    public static KeyedLexicon Interned(Dictionary<string, string> map)
    {
        var ids = new Dictionary<string, int>(map.Count, StringComparer.Ordinal);
        foreach (var (k, v) in map) ids[k] = Parley.Core.StringStore.Intern(v);
        return new KeyedLexicon(ids);
    }
}
