using System.Buffers;
using System.Text;
using System.Text.Json;
using Parley.Core;
using Parley.Events;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>
/// Writes events as rows of one text export (CSV, JSONL, GDELT 2.0 TSV) into a memory buffer; <see cref="EventExporter"/>
/// sends the buffer on asynchronously whenever it fills, so rows are never written synchronously to a network stream.
/// Shared by the HTTP exports and <c>parley export</c>.
/// </summary>
public abstract class EventRowWriter
{
    /// <summary>Anything written before the first row (the CSV header).</summary>
    public virtual void Start(IBufferWriter<byte> output) { }

    public abstract void Write(IBufferWriter<byte> output, StoredEvent e);

    public static EventRowWriter For(ExportFormat format, CodeLabels labels) => format switch
    {
        ExportFormat.Csv => new CsvRows(labels),
        ExportFormat.Jsonl => new JsonlRows(labels),
        ExportFormat.Gdelt => new GdeltRows(GdeltWriter.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a text format"),
    };

    protected static void WriteText(IBufferWriter<byte> output, string text) => Encoding.UTF8.GetBytes(text.AsSpan(), output);

    protected static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}

/// <summary>RFC 4180 CSV of <see cref="EventTable"/>: a header row, one row per event.</summary>
public sealed class CsvRows(CodeLabels labels) : EventRowWriter
{
    public override void Start(IBufferWriter<byte> output)
    {
        var columns = EventTable.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) WriteByte(output, (byte)',');
            WriteText(output, columns[i].Name);
        }
        WriteByte(output, (byte)'\n');
    }

    public override void Write(IBufferWriter<byte> output, StoredEvent e)
    {
        var columns = EventTable.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) WriteByte(output, (byte)',');
            Field(output, columns[i].Text(e, labels));
        }
        WriteByte(output, (byte)'\n');
    }

    /// <summary>RFC 4180 quoting; text starting with a formula character gets a leading apostrophe so spreadsheets show it as text.</summary>
    private static void Field(IBufferWriter<byte> output, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        bool formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        bool quote = formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote) { WriteText(output, value); return; }
        WriteByte(output, (byte)'"');
        if (formula) WriteByte(output, (byte)'\'');
        WriteText(output, value.Replace("\"", "\"\"", StringComparison.Ordinal));
        WriteByte(output, (byte)'"');
    }
}

/// <summary>One <see cref="EventItem"/> per line.</summary>
public sealed class JsonlRows(CodeLabels labels) : EventRowWriter
{
    private Utf8JsonWriter? _json;
    private IBufferWriter<byte>? _target;

    public override void Write(IBufferWriter<byte> output, StoredEvent e)
    {
        if (_json is null || !ReferenceEquals(_target, output))
        {
            _json = new Utf8JsonWriter(output, DocumentJson.WriterOptions);
            _target = output;
        }
        else _json.Reset(output);
        EventItem.From(e, labels).Write(_json);
        _json.Flush();
        WriteByte(output, (byte)'\n');
    }
}

/// <summary>GDELT 2.0 event-table rows (61 tab-separated columns, no header).</summary>
public sealed class GdeltRows(GdeltWriter gdelt) : EventRowWriter
{
    private static readonly int NumMentions = Array.IndexOf(GdeltWriter.Columns, "NumMentions");
    private readonly string[] _row = new string[GdeltWriter.ColumnCount];

    public override void Write(IBufferWriter<byte> output, StoredEvent s)
    {
        // The writer reads the event's document for its id, URL, date and places: a stand-in carries what the store gave.
        var doc = new Document(s.DocumentId, "") { Published = s.Published, Url = s.Url, Source = s.Source };
        gdelt.Fill(_row, doc, s.Event, s.Index, s.Added ?? DateTime.UtcNow);
        // Repeated reports of the event in its story count as its mentions, sources and articles, as in GDELT.
        string reports = s.Reports.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int c = NumMentions; c >= 0 && c < NumMentions + 3; c++) _row[c] = reports;
        for (int c = 0; c < _row.Length; c++)
        {
            if (c > 0) WriteByte(output, (byte)'\t');
            WriteText(output, _row[c].Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
        }
        WriteByte(output, (byte)'\n');
    }
}
