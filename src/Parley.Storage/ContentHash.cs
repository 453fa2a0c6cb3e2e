using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Storage;

/// <summary>
/// The content hash of a document: the first 16 hex digits of SHA-256 over the UTF-8 of the cleaned text.
/// Parley.Ingest derives ids from exactly this, so the store recognises re-ingested text without depending on it.
/// </summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, n), digest);
            return Convert.ToHexStringLower(digest[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
