using System.Text;
using System.Text.Unicode;
using Parley.Ingest.Cleaning;

namespace Parley.Ingest.Reading;

/// <summary>The outcome of turning an input's bytes into text.</summary>
internal readonly record struct DecodedText(string? Text, string? Problem, string? Note)
{
    public bool Failed => Text is null;
}

/// <summary>
/// Bytes to text: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8. NUL bytes or many control
/// characters mean a binary file. Invalid UTF-8 that is plainly text is decoded as Windows-1252 and reported.
/// </summary>
internal static class InputDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool allowLegacy)
    {
        if (bytes.Length == 0) return new(null, "empty file", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return FromUtf8(bytes[3..], allowLegacy);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Checked(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Checked(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16BE");
        return FromUtf8(bytes, allowLegacy);
    }

    private static DecodedText FromUtf8(ReadOnlySpan<byte> bytes, bool allowLegacy)
    {
        if (bytes.Length == 0) return new(null, "empty file", null);
        string? binary = BinaryReason(bytes);
        if (binary is not null) return new(null, binary, null);
        if (Utf8.IsValid(bytes))
        {
            string text = Encoding.UTF8.GetString(bytes);
            return IsBlank(text) ? new(null, "empty file (only whitespace)", null) : new(text, null, null);
        }
        int bad = FirstInvalidUtf8(bytes);
        if (!allowLegacy) return new(null, $"not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad})", null);
        foreach (byte b in bytes)
            if (!Windows1252.IsDefined(b))
                return new(null, $"not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}) and not Windows-1252 text", null);
        string legacy = Windows1252.Decode(bytes);
        return new(legacy, $"not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}); decoded as Windows-1252", "encoding:windows-1252");
    }

    private static DecodedText Checked(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            string text = encoding.GetString(bytes);
            if (IsBlank(text)) return new(null, "empty file (only whitespace)", null);
            if (ControlRatioTooHigh(text)) return new(null, "binary file (control characters)", null);
            return new(text, null, "encoding:" + name.ToLowerInvariant());
        }
        catch (DecoderFallbackException)
        {
            return new(null, $"not valid {name} despite its byte-order mark", null);
        }
    }

    /// <summary>Why the bytes look binary, or null. Looks at the first 64 KB only.</summary>
    public static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 65536)];
        int nul = head.IndexOf((byte)0);
        if (nul >= 0) return $"binary file (NUL byte at offset {nul})";
        int controls = 0;
        foreach (byte b in head)
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) controls++;
        return controls > 8 && controls * 100 > head.Length ? "binary file (control characters)" : null;
    }

    private static bool ControlRatioTooHigh(string text)
    {
        int n = Math.Min(text.Length, 65536), controls = 0;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f')) controls++;
        }
        return controls > 8 && controls * 100 > n;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return 0;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Max(0, e.Index);
        }
    }

    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return false;
        return true;
    }
}
