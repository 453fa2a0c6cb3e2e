using System.Buffers;

namespace Parley.Ingest.Reading;

/// <summary>One line of a byte stream: valid until the next line is read. <see cref="TooLong"/> lines carry no bytes.</summary>
internal readonly record struct ByteLine(ReadOnlyMemory<byte> Bytes, int Number, bool TooLong);

/// <summary>
/// Splits a stream into '\n'-terminated lines over one pooled buffer, so a JSONL file (or a gzip stream of
/// one) is read in constant memory. A line longer than the limit is reported, its bytes discarded unread.
/// </summary>
internal static class LineSplitter
{
    public static IEnumerable<ByteLine> Lines(Stream stream, long maxLineBytes, CancellationToken ct)
    {
        int limit = (int)Math.Min(maxLineBytes, Array.MaxLength - 1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 1 << 16));
        try
        {
            int start = 0, end = 0, number = 0;
            bool skipping = false, eof = false;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                int nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    int lineEnd = start + nl;
                    number++;
                    if (skipping)
                    {
                        skipping = false;
                        yield return new ByteLine(ReadOnlyMemory<byte>.Empty, number, true);
                    }
                    else
                    {
                        int trimmed = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                        yield return new ByteLine(buffer.AsMemory(start, trimmed - start), number, false);
                    }
                    start = lineEnd + 1;
                    continue;
                }
                if (eof)
                {
                    if (end > start || skipping)
                    {
                        number++;
                        yield return skipping
                            ? new ByteLine(ReadOnlyMemory<byte>.Empty, number, true)
                            : new ByteLine(buffer.AsMemory(start, end - start), number, false);
                    }
                    yield break;
                }
                // No newline in the buffered bytes: make room and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end - start > limit)
                {
                    skipping = true; // drop what we have, keep looking for the end of this line
                    end = start = 0;
                }
                if (end == buffer.Length)
                {
                    // Past 1 MB the buffer is allocated, not rented, so one long line leaves nothing behind in the pool.
                    int size = (int)Math.Min((long)buffer.Length * 2, limit + 1L);
                    byte[] bigger = size <= PooledLimit ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
                    if (bigger.Length <= buffer.Length) { Return(bigger); skipping = true; end = 0; }
                    else
                    {
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        Return(buffer);
                        buffer = bigger;
                    }
                }
                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) eof = true;
                else end += read;
            }
        }
        finally
        {
            Return(buffer);
        }
    }

    private const int PooledLimit = 1 << 20;

    private static void Return(byte[] buffer)
    {
        if (buffer.Length <= PooledLimit) ArrayPool<byte>.Shared.Return(buffer);
    }
}
