using Parley.Storage;
using Parquet;
using Parquet.Schema;

namespace Parley.Engine.Export;

/// <summary>
/// Writes <see cref="EventTable"/> as Parquet (Snappy), one row group per batch of events, so an export of millions of
/// events holds one batch in memory at a time. Typed columns: text, int32, int64, double, boolean, DATE for days and a
/// timestamp for the storing time; each column carries its meaning as metadata.
/// </summary>
public sealed class EventParquet : IAsyncDisposable
{
    private readonly ParquetSchema _schema;
    private readonly ParquetWriter _writer;
    private readonly CodeLabels _labels;

    private EventParquet(ParquetSchema schema, ParquetWriter writer, CodeLabels labels)
    {
        _schema = schema;
        _writer = writer;
        _labels = labels;
    }

    public static async Task<EventParquet> CreateAsync(Stream output, CodeLabels labels, CancellationToken cancellationToken = default)
    {
        var fields = new List<Field>(EventTable.Columns.Count);
        foreach (var column in EventTable.Columns) fields.Add(Field(column));
        var schema = new ParquetSchema(fields);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = await ParquetWriter.CreateAsync(schema, output, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string> { ["created_by_parley"] = "event table: see docs/CONTRACT.md and parley export --help" };
        foreach (var column in EventTable.Columns) metadata["column:" + column.Name] = column.Description;
        writer.CustomMetadata = metadata;
        return new EventParquet(schema, writer, labels);
    }

    private static DataField Field(EventColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ValueType) ?? column.ValueType;
        if (type == typeof(DateTime)) return new DateTimeDataField(column.Name, DateTimeFormat.DateAndTime, isNullable: column.Nullable);
        return new DataField(column.Name, type, isNullable: column.Nullable);
    }

    public async Task WriteBatchAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        using var group = _writer.CreateRowGroup();
        var fields = _schema.DataFields;
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var write = EventTable.Columns[i].Values(events, _labels) switch
            {
                string?[] text => group.WriteAsync(field, text!),
                int[] ints => group.WriteAsync<int>(field, ints, cancellationToken: cancellationToken),
                int?[] ints => group.WriteAsync<int>(field, ints, cancellationToken: cancellationToken),
                long?[] longs => group.WriteAsync<long>(field, longs, cancellationToken: cancellationToken),
                double[] reals => group.WriteAsync<double>(field, reals, cancellationToken: cancellationToken),
                double?[] reals => group.WriteAsync<double>(field, reals, cancellationToken: cancellationToken),
                bool[] flags => group.WriteAsync<bool>(field, flags, cancellationToken: cancellationToken),
                DateOnly?[] days => group.WriteAsync<DateOnly>(field, days, cancellationToken: cancellationToken),
                DateTime?[] times => group.WriteAsync<DateTime>(field, times, cancellationToken: cancellationToken),
                var other => throw new NotSupportedException($"no Parquet column for {other.GetType().Name}"),
            };
            await write.ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
