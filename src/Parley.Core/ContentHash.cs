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
    public static string Of(ReadOnlySpan<char> cleanedText)
    {
        int max = Encoding.UTF8.GetMaxByteCount(cleanedText.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(cleanedText, rented);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
