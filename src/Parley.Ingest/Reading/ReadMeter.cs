namespace Parley.Ingest;

/// <summary>
/// How far a read has got through its inputs, in bytes of the files as stored (compressed files count their
/// compressed bytes): the total is measured before reading, so progress displays can draw a bar with an
/// estimate of the time left. Standard input and URLs have no known size and leave the total at zero.
/// Updated by the reading thread, read from any thread.
/// </summary>
public sealed class ReadMeter
{
    private long _total;
    private long _done;

    public long TotalBytes => Interlocked.Read(ref _total);

    public long BytesRead => Math.Min(Interlocked.Read(ref _done), TotalBytes);

    /// <summary>The share read, 0 to 1; null when the size of the input is unknown.</summary>
    public double? Fraction => TotalBytes > 0 ? (double)BytesRead / TotalBytes : null;

    internal void AddTotal(long bytes) => Interlocked.Add(ref _total, bytes);

    internal void AddRead(long bytes) => Interlocked.Add(ref _done, bytes);
}

/// <summary>Counts the bytes read from a file stream into a <see cref="ReadMeter"/>.</summary>
internal sealed class MeteredStream(Stream inner, ReadMeter meter) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Counted(int n)
    {
        meter.AddRead(n);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
