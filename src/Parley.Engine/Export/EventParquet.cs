using Parley.Storage;
using Parquet;
using Parquet.Schema;

namespace Parley.Engine.Export;

/// <summary>
/// Writes <see cref="EventTable"/> as Parquet (Snappy), one row group per batch of events, so an export of
/// millions of events holds one batch in memory at a time. Typed columns: text, int32, double, boolean.
/// </summary>
public sealed class EventParquet : IAsyncDisposable
{
    private readonly ParquetSchema _schema;
    private readonly ParquetWriter _writer;

    private EventParquet(ParquetSchema schema, ParquetWriter writer)
    {
        _schema = schema;
        _writer = writer;
    }

    public static async Task<EventParquet> CreateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var fields = new List<Field>(EventTable.Columns.Count);
        foreach (var column in EventTable.Columns)
            fields.Add(new DataField(column.Name, column.ValueType, isNullable: IsNullable(column)));
        var schema = new ParquetSchema(fields);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = await ParquetWriter.CreateAsync(schema, output, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string> { ["created_by_parley"] = "event table: see docs/CONTRACT.md and parley export --help" };
        return new EventParquet(schema, writer);
    }

    private static bool IsNullable(EventColumn column) =>
        column.ValueType == typeof(string) || Nullable.GetUnderlyingType(column.ValueType) is not null;

    public async Task WriteBatchAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        using var group = _writer.CreateRowGroup();
        var fields = _schema.DataFields;
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var write = EventTable.Columns[i].Values(events) switch
            {
                string?[] text => group.WriteAsync(field, text!),
                int[] ints => group.WriteAsync<int>(field, ints, cancellationToken: cancellationToken),
                double[] reals => group.WriteAsync<double>(field, reals, cancellationToken: cancellationToken),
                bool[] flags => group.WriteAsync<bool>(field, flags, cancellationToken: cancellationToken),
                double?[] optional => group.WriteAsync<double>(field, optional, cancellationToken: cancellationToken),
                var other => throw new NotSupportedException($"no Parquet column for {other.GetType().Name}"),
            };
            await write.ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
