using System.Runtime.CompilerServices;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Stable 64-bit hashing for feature strings and feature conjunctions. string.GetHashCode is randomised
/// per process, so a saved model needs its own hash that gives the same value in every run.
/// </summary>
internal static class FeatureHash
{
    private const ulong Prime = 0x100000001B3UL;
    private const ulong Offset = 0xCBF29CE484222325UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a over the characters, finished with a mixer; <paramref name="kind"/> separates attribute kinds.</summary>
    public static ulong String(ReadOnlySpan<char> text, ulong kind)
    {
        ulong h = Offset ^ (kind * Golden);
        foreach (char c in text) { h ^= c; h *= Prime; }
        return Mix(h);
    }

    /// <summary>Lowercased, without allocating.</summary>
    public static ulong Lower(ReadOnlySpan<char> text, ulong kind)
    {
        ulong h = Offset ^ (kind * Golden);
        foreach (char c in text) { h ^= char.ToLowerInvariant(c); h *= Prime; }
        return Mix(h);
    }

    /// <summary>Last <paramref name="n"/> characters, lowercased.</summary>
    public static ulong Suffix(ReadOnlySpan<char> text, int n, ulong kind) =>
        Lower(text.Length > n ? text[^n..] : text, kind);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 31;
        h *= 0x7FB5D329728EA185UL;
        h ^= h >> 27;
        h *= 0x81DADEF4BC2DD44DUL;
        h ^= h >> 33;
        return h;
    }

    // Conjunctions: multiply-xor chains. Rows are picked by the top bits of the product, which depend on every input bit.
    private const ulong P1 = 0xD6E8FEB86659FD93UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a) => ((template * Golden) ^ a) * P1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a, ulong b) => ((((template * Golden) ^ a) * P1) ^ b) * Golden;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a, ulong b, ulong c) => (Combine(template, a, b) ^ (c + (c >> 29))) * P1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a, ulong b, ulong c, ulong d) => (Combine(template, a, b, c) ^ (d + (d >> 31))) * Golden;
}
