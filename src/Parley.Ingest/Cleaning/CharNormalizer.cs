using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// The character pass of cleaning, one scan with an offset map: HTML entities decoded, UTF-8-read-as-
/// Windows-1252 mojibake repaired, NFC composition of combining marks, curly quotes and apostrophes made
/// straight, hyphens and en dashes to '-', odd spaces to ' ', zero-width, bidi and control characters
/// removed, CR/CRLF to LF, ligatures expanded, and a doubled full stop ".." reduced to "." (an ellipsis
/// "..." stays). Every output character maps to the first original character it came from.
/// </summary>
internal static class CharNormalizer
{
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        " !\"#$%'()*+,-/0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static void Normalize(ReadOnlySpan<char> src, ReadOnlySpan<int> srcMap, MappedBuffer dst, bool repairMojibake, bool decodeEntities)
    {
        Span<char> pair = stackalloc char[2];
        int i = 0;
        while (i < src.Length)
        {
            // The common case: a run of printable ASCII other than '&' and '.', copied in bulk.
            int run = src[i..].IndexOfAnyExcept(PlainAscii);
            if (run < 0) run = src.Length - i;
            if (run > 0)
            {
                dst.AppendRun(src.Slice(i, run), srcMap.IsEmpty ? default : srcMap.Slice(i, run), i);
                i += run;
                continue;
            }
            char c = src[i];
            int orig = srcMap.IsEmpty ? i : srcMap[i];
            if (c == '&' && decodeEntities && TryEntity(src, i, out string? decoded, out int entityLength))
            {
                foreach (char d in decoded!) Emit(d, orig, src, i + entityLength, dst);
                i += entityLength;
                continue;
            }
            if (repairMojibake && c is >= '\u00C2' and <= '\u00F4' && TryMojibake(src, i, out Rune rune, out int length))
            {
                int n = rune.EncodeToUtf16(pair);
                for (int k = 0; k < n; k++) Emit(pair[k], orig, src, i + length, dst);
                i += length;
                continue;
            }
            if (c == '\r')
            {
                dst.Append('\n', orig);
                i += i + 1 < src.Length && src[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (c >= '\u0300' && IsCombining(c))
            {
                int end = i + 1;
                while (end < src.Length && IsCombining(src[end])) end++;
                Compose(src[i..end], orig, dst);
                i = end;
                continue;
            }
            Emit(c, orig, src, i + 1, dst);
            i++;
        }
    }

    /// <summary>Normalises one character; <paramref name="next"/> is the source position after it (for lookahead).</summary>
    private static void Emit(char c, int orig, ReadOnlySpan<char> src, int next, MappedBuffer dst)
    {
        switch (c)
        {
            case '.':
                // ".." -> "." but "..." (an ellipsis) and longer runs stay.
                if (dst.Length >= 1 && dst.Last == '.' && (dst.Length < 2 || dst[dst.Length - 2] != '.') &&
                    (next >= src.Length || src[next] != '.'))
                    return;
                dst.Append('.', orig);
                return;
            case '\n':
                dst.Append('\n', orig);
                return;
            case '\t' or '\v' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                dst.Append(' ', orig);
                return;
            case '\f' or '\u2028' or '\u0085':
                dst.Append('\n', orig);
                return;
            case '\u2029':
                dst.Append('\n', orig);
                dst.Append('\n', orig);
                return;
            case '\u201D' when dst.Length >= 2 && dst.Last == ' ' && dst[dst.Length - 2] is ',' or '.' or '!' or '?' &&
                                 next < src.Length && char.IsLetter(src[next]):
                // A closing quote typed after the space ("a truce, ”the State Department said"): it closes the
                // quotation, so put it before the space; the two positions are swapped to keep the map ordered.
                dst.ReplaceLast('"');
                dst.Append(' ', orig);
                return;
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' or '\u301D' or '\u301E' or '\uFF02':
                dst.Append('"', orig);
                return;
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u2039' or '\u203A' or '\u00B4' or '\uFF07':
                dst.Append('\'', orig);
                return;
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' or '\uFE63' or '\uFF0D':
                dst.Append('-', orig);
                return;
            case '\u2015':
                dst.Append('\u2014', orig);
                return;
            case '\uFB00': dst.Append('f', orig); dst.Append('f', orig); return;
            case '\uFB01': dst.Append('f', orig); dst.Append('i', orig); return;
            case '\uFB02': dst.Append('f', orig); dst.Append('l', orig); return;
            case '\uFB03': dst.Append('f', orig); dst.Append('f', orig); dst.Append('i', orig); return;
            case '\uFB04': dst.Append('f', orig); dst.Append('f', orig); dst.Append('l', orig); return;
        }
        if (IsRemoved(c)) return;
        dst.Append(c, orig);
    }

    private static bool IsRemoved(char c) =>
        c < 0x20 || c is (>= '\u007F' and <= '\u009F') or '\u00AD' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E')
            or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\u061C' or '\uFEFF' or '\uFFFC' or '\uFFFD';

    private static bool IsCombining(char c)
    {
        if (c < '\u0300') return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>NFC of the previous output character with the following combining marks.</summary>
    private static void Compose(ReadOnlySpan<char> marks, int orig, MappedBuffer dst)
    {
        if (dst.Length == 0 || char.IsSurrogate(dst.Last) || dst.Last < 0x20)
        {
            foreach (char m in marks) dst.Append(m, orig);
            return;
        }
        char baseChar = dst.Last;
        int baseOrig = dst.MapAt(dst.Length - 1);
        string composed = string.Concat(new ReadOnlySpan<char>(in baseChar), marks).Normalize(NormalizationForm.FormC);
        dst.Truncate(dst.Length - 1);
        dst.Append(composed[0], baseOrig);
        for (int k = 1; k < composed.Length; k++) dst.Append(composed[k], orig);
    }

    /// <summary>
    /// A UTF-8 sequence that was decoded as Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’"):
    /// the lead character names the sequence length and every following character must stand for a
    /// continuation byte. "â€" before a character that is not one is the right double quote, whose last
    /// byte (0x9D) Windows-1252 does not define and so was lost.
    /// </summary>
    private static bool TryMojibake(ReadOnlySpan<char> src, int i, out Rune rune, out int length)
    {
        rune = default;
        length = 0;
        int lead = src[i];
        int needed = lead switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            _ => 4,
        };
        if (i + needed > src.Length)
        {
            if (needed == 3 && i + 2 <= src.Length && lead == 0xE2 && src[i + 1] == '\u20AC') { rune = new Rune('\u201D'); length = 2; return true; }
            return false;
        }
        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)lead;
        for (int k = 1; k < needed; k++)
        {
            int b = Windows1252.ToByte(src[i + k]);
            if (b is < 0x80 or > 0xBF)
            {
                if (k == 2 && lead == 0xE2 && src[i + 1] == '\u20AC') { rune = new Rune('\u201D'); length = 2; return true; }
                return false;
            }
            bytes[k] = (byte)b;
        }
        if (Rune.DecodeFromUtf8(bytes[..needed], out rune, out int consumed) != System.Buffers.OperationStatus.Done || consumed != needed) return false;
        length = needed;
        return true;
    }

    /// <summary>"&amp;name;", "&amp;#123;" or "&amp;#x1F;" at <paramref name="i"/>: its text and length.</summary>
    private static bool TryEntity(ReadOnlySpan<char> src, int i, out string? decoded, out int length)
    {
        decoded = null;
        length = 0;
        int j = i + 1, max = Math.Min(src.Length, i + 12);
        if (j < max && src[j] == '#') j++;
        if (j < max && (src[j] == 'x' || src[j] == 'X') && src[j - 1] == '#') j++;
        int nameStart = j;
        while (j < max && char.IsAsciiLetterOrDigit(src[j])) j++;
        if (j == nameStart || j >= src.Length || src[j] != ';') return false;
        string candidate = src[i..(j + 1)].ToString();
        string result = WebUtility.HtmlDecode(candidate);
        if (result == candidate) return false;
        decoded = result;
        length = j + 1 - i;
        return true;
    }
}
