namespace Parley.Ingest.Cleaning;

/// <summary>The Windows-1252 code page, both ways, without registering an encoding provider.</summary>
internal static class Windows1252
{
    // 0x80..0x9F; '\0' marks the five bytes the code page leaves undefined.
    private static readonly char[] High =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>The character of byte <paramref name="b"/>, or '\0' when the code page does not define it.</summary>
    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;

    /// <summary>
    /// The byte that a character stands for when UTF-8 was wrongly decoded as Windows-1252 or Latin-1,
    /// or -1. Latin-1 decoding leaves C1 controls (U+0080..U+009F) that stand for themselves.
    /// </summary>
    public static int ToByte(char c)
    {
        if (c < 0x80) return c;
        if (c <= 0xFF) return c;
        for (int i = 0; i < High.Length; i++)
            if (High[i] == c) return 0x80 + i;
        return -1;
    }

    public static bool IsDefined(byte b) => b is < 0x80 or > 0x9F || High[b - 0x80] != '\0';

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++)
            {
                char c = ToChar(src[i]);
                dest[i] = c == '\0' ? '\uFFFD' : c;
            }
        });
    }
}
