using System.Runtime.CompilerServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>Case classes of a token, used as feature values.</summary>
internal enum CaseClass : byte
{
    Lower = 0,
    InitialCap = 1,
    AllCaps = 2,
    MixedCaps = 3,
    Digits = 4,
    Punct = 5,
    Other = 6,
}

/// <summary>Hashes of one token's forms, computed once per token without building strings.</summary>
internal struct TokenHashes
{
    public ulong Word;
    public ulong Lower;
    public ulong Shape;
    public ulong ShortShape;
    public ulong Prefix1, Prefix2, Prefix3, Prefix4;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    public CaseClass Case;
    public byte Length;
    public bool HasLetter;
    public bool HasLowerLetter;
}

internal static class NerTokenHashes
{
    public const int MaxChars = 64;

    /// <summary>Lower-cased form with digits folded to 0, written into <paramref name="buffer"/> (truncated to its length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Normalise(ReadOnlySpan<char> token, Span<char> buffer)
    {
        int n = Math.Min(token.Length, buffer.Length);
        WordClusterTable.Normalise(token[..n], buffer);
        return n;
    }

    public static ulong Lower(ReadOnlySpan<char> token, Span<char> buffer)
    {
        int n = Normalise(token, buffer);
        return FeatureHash.Chars(buffer[..n]);
    }

    public static void Compute(ReadOnlySpan<char> token, ref TokenHashes h)
    {
        Span<char> lower = stackalloc char[MaxChars];
        int n = Normalise(token, lower);
        var l = lower[..n];
        h.Word = FeatureHash.Chars(token);
        h.Lower = FeatureHash.Chars(l);
        h.Prefix1 = FeatureHash.Chars(l[..Math.Min(1, n)]);
        h.Prefix2 = FeatureHash.Chars(l[..Math.Min(2, n)]);
        h.Prefix3 = FeatureHash.Chars(l[..Math.Min(3, n)]);
        h.Prefix4 = FeatureHash.Chars(l[..Math.Min(4, n)]);
        h.Suffix1 = FeatureHash.Chars(l[Math.Max(0, n - 1)..]);
        h.Suffix2 = FeatureHash.Chars(l[Math.Max(0, n - 2)..]);
        h.Suffix3 = FeatureHash.Chars(l[Math.Max(0, n - 3)..]);
        h.Suffix4 = FeatureHash.Chars(l[Math.Max(0, n - 4)..]);
        h.Length = (byte)Math.Min(token.Length, 255);

        // Shape: X/x/d/punctuation with runs capped at 4; short shape: runs collapsed to one.
        Span<char> shape = stackalloc char[MaxChars];
        Span<char> shortShape = stackalloc char[MaxChars];
        int sn = 0, ssn = 0, run = 0;
        char last = '\0';
        int upper = 0, lowerCount = 0, digits = 0, letters = 0;
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            char s;
            if (char.IsUpper(c)) { s = 'X'; upper++; letters++; }
            else if (char.IsLower(c)) { s = 'x'; lowerCount++; letters++; }
            else if (char.IsDigit(c)) { s = 'd'; digits++; }
            else if (char.IsLetter(c)) { s = 'x'; letters++; }
            else s = c;
            run = s == last ? run + 1 : 1;
            if (run <= 4 && sn < MaxChars) shape[sn++] = s;
            if (s != last && ssn < MaxChars) shortShape[ssn++] = s;
            last = s;
        }
        h.Shape = FeatureHash.Chars(shape[..sn]);
        h.ShortShape = FeatureHash.Chars(shortShape[..ssn]);
        h.HasLetter = letters > 0;
        h.HasLowerLetter = lowerCount > 0;
        h.Case = letters == 0
            ? (digits > 0 ? CaseClass.Digits : token.Length > 0 && char.IsPunctuation(token[0]) ? CaseClass.Punct : CaseClass.Other)
            : upper == 0 ? CaseClass.Lower
            : lowerCount == 0 ? CaseClass.AllCaps
            : char.IsUpper(token[0]) && upper == 1 ? CaseClass.InitialCap
            : CaseClass.MixedCaps;
    }
}
