using System.Collections.Concurrent;

namespace Parley.Core;

/// <summary>
/// Interns the small vocabularies of annotation strings (lemmas, XPOS tags, features, relations)
/// once per process, so token structs carry an int instead of a reference.
/// Id 0 is always the empty string, which stands for "unset" (CoNLL-U "_").
/// </summary>
public static class StringStore
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static string[] _strings = new string[1024];
    private static int _count;

    static StringStore()
    {
        _strings[0] = string.Empty;
        _count = 1;
        Ids[string.Empty] = 0;
    }

    public static int Intern(string value)
    {
        if (string.IsNullOrEmpty(value) || value == "_") return 0;
        if (Ids.TryGetValue(value, out int id)) return id;
        lock (Gate)
        {
            if (Ids.TryGetValue(value, out id)) return id;
            if (_count == _strings.Length) Array.Resize(ref _strings, _count * 2);
            id = _count;
            _strings[id] = value;
            Volatile.Write(ref _count, _count + 1);
            Ids[value] = id;
            return id;
        }
    }

    public static int Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        var lookup = Ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out int id)) return id;
        return Intern(value.ToString());
    }

    public static string Get(int id) => Volatile.Read(ref _strings)[id];

    /// <summary>The id of an already interned string, without interning it (false when it is unknown).</summary>
    public static bool TryGet(ReadOnlySpan<char> value, out int id)
    {
        id = 0;
        if (value.IsEmpty) return true;
        return Ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out id);
    }
}
