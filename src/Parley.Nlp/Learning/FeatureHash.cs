namespace Parley.Nlp.Learning;

/// <summary>
/// 64-bit feature keys built from a template id and characters, without allocating strings.
/// FNV-1a over UTF-16 units followed by a final mix, so nearby inputs spread over the table.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(int template) => Mix(Offset ^ (ulong)(uint)template * 0x9E3779B97F4A7C15UL);

    public static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ c) * Prime;
        return (h ^ 0xFF) * Prime;
    }

    public static ulong AddLower(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return (h ^ 0xFF) * Prime;
    }

    public static ulong Add(ulong h, int value) => (h ^ (uint)value ^ 0xABCD0000UL) * Prime * Prime;

    public static ulong Add(ulong h, ulong value) => Mix(h ^ value) * Prime;

    public static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static ulong Of(int template, ReadOnlySpan<char> s) => Mix(Add(Start(template), s));
    public static ulong OfLower(int template, ReadOnlySpan<char> s) => Mix(AddLower(Start(template), s));
}

/// <summary>Character classes of a word: X upper, x lower, d digit, other characters as they are; runs are cut to two.</summary>
internal static class WordShape
{
    public static ulong Hash(ReadOnlySpan<char> word, bool collapse)
    {
        ulong h = 14695981039346656037UL;
        char last = '\0';
        int run = 0;
        int n = Math.Min(word.Length, 32);
        for (int i = 0; i < n; i++)
        {
            char c = word[i];
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == last) { run++; if (run >= (collapse ? 1 : 2)) continue; }
            else { run = 0; last = k; }
            h = (h ^ k) * 1099511628211UL;
        }
        return FeatureHash.Mix(h);
    }
}
