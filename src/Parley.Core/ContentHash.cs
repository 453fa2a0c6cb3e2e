using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core;

/// <summary>
/// A stable id for a text: the first 16 hex digits (lower case) of the SHA-256 of its UTF-8 bytes. Ingest derives
/// document ids from it and the store recognises re-ingested text by it.
/// </summary>
public static class ContentHash
{
    /// <summary>Characters encoded at a time: the hash reads the text in slices, so a huge text needs no copy of its own size.</summary>
    private const int SliceChars = 16 * 1024;

    public static string Of(ReadOnlySpan<char> cleanedText)
    {
        Span<byte> hash = stackalloc byte[32];
        if (cleanedText.Length <= SliceChars)
        {
            Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(cleanedText.Length)];
            SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(cleanedText, bytes)], hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(SliceChars));
        try
        {
            for (int pos = 0; pos < cleanedText.Length;)
            {
                int n = Math.Min(SliceChars, cleanedText.Length - pos);
                // A surrogate pair stays in one slice, so the bytes are those of the whole text encoded at once.
                if (pos + n < cleanedText.Length && char.IsHighSurrogate(cleanedText[pos + n - 1])) n--;
                sha.AppendData(buffer, 0, Encoding.UTF8.GetBytes(cleanedText.Slice(pos, n), buffer));
                pos += n;
            }
            sha.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
