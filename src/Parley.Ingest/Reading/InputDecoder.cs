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
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
            return Checked(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), bytes[4..], "UTF-32LE", 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            return Checked(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), bytes[4..], "UTF-32BE", 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Checked(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16LE", 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Checked(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16BE", 2);
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

    /// <summary>
    /// Text behind a UTF-16/UTF-32 byte-order mark, checked: the code units must divide the bytes and decode strictly,
    /// and a text of some length without a single zero byte is not UTF-16 at all (every space, digit and Latin
    /// letter has one), whatever its first two bytes say: it is read as UTF-8 when it is valid UTF-8, and reported.
    /// </summary>
    private static DecodedText Checked(Encoding encoding, ReadOnlySpan<byte> bytes, string name, int unit)
    {
        string mark = name.StartsWith("UTF-32", StringComparison.Ordinal) ? "UTF-32" : "UTF-16";
        if (bytes.Length >= 32 && bytes.IndexOf((byte)0) < 0)
        {
            var rest = FromUtf8(bytes, allowLegacy: false);
            return rest.Failed
                ? new(null, $"starts with a {mark} byte-order mark but is not {mark} text", null)
                : new(rest.Text, $"starts with a {mark} byte-order mark but is UTF-8 text; read as UTF-8 without the mark", null);
        }
        if (bytes.Length % unit != 0) return new(null, $"not valid {name} ({bytes.Length:N0} bytes after the byte-order mark is not a whole number of code units)", null);
        try
        {
            string text = encoding.GetString(bytes);
            if (IsBlank(text)) return new(null, "empty file (only whitespace)", null);
            int nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0) return new(null, $"binary file (NUL character at position {nul:N0})", null);
            if (ControlRatioTooHigh(text)) return new(null, "binary file (control characters)", null);
            return new(text, null, "encoding:" + name.ToLowerInvariant());
        }
        catch (DecoderFallbackException)
        {
            return new(null, $"not valid {name} despite its byte-order mark", null);
        }
    }

    /// <summary>Why the bytes look binary, or null: a NUL byte anywhere, or more than 1% control characters.</summary>
    public static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return $"binary file (NUL byte at offset {nul:N0})";
        int controls = 0;
        foreach (byte b in bytes)
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) controls++;
        return controls > 8 && controls * 100L > bytes.Length ? "binary file (control characters)" : null;
    }

    private static bool ControlRatioTooHigh(string text)
    {
        int controls = 0;
        foreach (char c in text)
            if (c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f')) controls++;
        return controls > 8 && controls * 100L > text.Length;
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
