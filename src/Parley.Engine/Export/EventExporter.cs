using System.Buffers;
using Parley.Storage;

namespace Parley.Engine.Export;

public enum ExportFormat { Csv, Jsonl, Gdelt, Parquet }

/// <summary>
/// Streams the events matching a query out of a store, in the query's order, in one of the export formats, to
/// any stream: a file, standard output, an HTTP response. The store gives the rows one at a time from one snapshot;
/// rows are formatted into a buffer of about <see cref="ChunkBytes"/> that is written to the output asynchronously
/// and awaited before the next one fills (Parquet: one row group of <see cref="ParquetRowGroup"/> events at a time),
/// so a slow reader slows the export down instead of growing its memory, and memory stays flat at any size.
/// Used by <c>parley export</c> and the API's exports.
/// </summary>
public static class EventExporter
{
    public const int ChunkBytes = 64 * 1024;
    public const int ParquetRowGroup = 10_000;

    /// <summary>Media type and file extension of each format.</summary>
    public static (string ContentType, string Extension) Describe(ExportFormat format) => format switch
    {
        ExportFormat.Csv => ("text/csv", "csv"),
        ExportFormat.Jsonl => ("application/x-ndjson", "jsonl"),
        ExportFormat.Gdelt => ("text/tab-separated-values", "tsv"),
        _ => ("application/vnd.apache.parquet", "parquet"),
    };

    /// <summary>
    /// Writes the events of <paramref name="query"/> from its offset, at most <paramref name="maxRows"/> (negative: all);
    /// returns how many were written. <paramref name="progress"/> hears the count after each chunk.
    /// </summary>
    public static async Task<long> ExportAsync(IParleyStore store, EventQuery query, ExportFormat format, Stream output, long maxRows,
        CodeLabels? labels = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        labels ??= CodeLabels.Shared;
        int limit = maxRows < 0 || maxRows >= int.MaxValue ? -1 : (int)maxRows;
        var rows = store.StreamEvents(query with { Limit = limit }, cancellationToken);
        // The store's rows are read synchronously (SQLite has no asynchronous reads): off the caller's thread.
        await Task.Yield();
        return format == ExportFormat.Parquet
            ? await WriteParquet(rows, output, labels, progress, cancellationToken).ConfigureAwait(false)
            : await WriteText(rows, EventRowWriter.For(format, labels), output, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> WriteText(IEnumerable<StoredEvent> rows, EventRowWriter writer, Stream output, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes + ChunkBytes / 4);
        long written = 0;
        writer.Start(buffer);
        foreach (var e in rows)
        {
            writer.Write(buffer, e);
            written++;
            if (buffer.WrittenCount >= ChunkBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
                progress?.Report(written);
            }
        }
        if (buffer.WrittenCount > 0) await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(written);
        return written;
    }

    private static async Task<long> WriteParquet(IEnumerable<StoredEvent> rows, Stream output, CodeLabels labels, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        long written = 0;
        var batch = new List<StoredEvent>(ParquetRowGroup);
        // Parquet's writer may write synchronously: it writes into memory, and each finished row group goes on to the
        // output asynchronously before the next is built.
        using var staging = new StagingStream();
        var parquet = await EventParquet.CreateAsync(staging, labels, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var e in rows)
            {
                batch.Add(e);
                if (batch.Count < ParquetRowGroup) continue;
                await parquet.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                written += batch.Count;
                batch.Clear();
                await staging.DrainToAsync(output, cancellationToken).ConfigureAwait(false);
                progress?.Report(written);
            }
            if (batch.Count > 0) await parquet.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            written += batch.Count;
        }
        finally
        {
            await parquet.DisposeAsync().ConfigureAwait(false);
        }
        await staging.DrainToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(written);
        return written;
    }
}

/// <summary>
/// A write-only stream that holds what is written in memory until <see cref="DrainToAsync"/> sends it on, and knows its
/// position all along (Parquet's footer records where each row group starts), so the real output never has to seek
/// and is only ever written asynchronously.
/// </summary>
internal sealed class StagingStream : Stream
{
    private readonly MemoryStream _pending = new();
    private long _position;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("forward-only stream");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _position += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <summary>Sends what was written since the last call to <paramref name="output"/> and forgets it.</summary>
    public async Task DrainToAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_pending.Length == 0) return;
        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _pending.SetLength(0);
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("forward-only stream");
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("forward-only stream");
    public override void SetLength(long value) => throw new NotSupportedException("forward-only stream");

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }
}
