using System.Text;
using Parley.Storage;

namespace Parley.Engine.Export;

public enum ExportFormat { Csv, Jsonl, Gdelt, Parquet }

/// <summary>
/// Streams the events matching a query out of a store, page by page in the API's order (newest day first),
/// in one of the export formats. Used by <c>parley export</c>; the HTTP exports share its row writers.
/// </summary>
public static class EventExporter
{
    public const int PageSize = 5000;

    /// <summary>Writes up to <paramref name="maxRows"/> events from the query's offset; returns how many were written.</summary>
    public static async Task<long> ExportAsync(IParleyStore store, EventQuery query, ExportFormat format, Stream output, long maxRows,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        long written = 0;
        int offset = query.Offset;
        EventParquet? parquet = null;
        StreamWriter? text = null;
        try
        {
            if (format == ExportFormat.Parquet) parquet = await EventParquet.CreateAsync(output, cancellationToken).ConfigureAwait(false);
            else text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            if (format == ExportFormat.Csv) EventWriters.CsvHeader(text!);
            while (written < maxRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int take = (int)Math.Min(PageSize, maxRows - written);
                var page = store.QueryEvents(query with { Limit = take, Offset = offset }, out _);
                if (parquet is not null) await parquet.WriteBatchAsync(page, cancellationToken).ConfigureAwait(false);
                else
                {
                    foreach (var e in page)
                    {
                        switch (format)
                        {
                            case ExportFormat.Csv: EventWriters.Csv(text!, e); break;
                            case ExportFormat.Jsonl: EventWriters.Jsonl(text!, e); break;
                            default: EventWriters.GdeltRow(text!, e); break;
                        }
                    }
                }
                written += page.Count;
                offset += page.Count;
                progress?.Report(written);
                if (page.Count < take) break;
            }
        }
        finally
        {
            if (text is not null) await text.DisposeAsync().ConfigureAwait(false);
            if (parquet is not null) await parquet.DisposeAsync().ConfigureAwait(false);
        }
        return written;
    }
}
