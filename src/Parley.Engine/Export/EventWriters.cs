using System.Text.Json;
using Parley.Core;
using Parley.Events;
using Parley.Events.Cameo;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>Row writers for the text exports (CSV, JSONL, GDELT 2.0 TSV), shared by the HTTP API and <c>parley export</c>.</summary>
public static class EventWriters
{
    /// <summary>snake_case names, as the API answers.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly int NumMentions = Array.IndexOf(GdeltWriter.Columns, "NumMentions");

    private static readonly Lazy<GdeltWriter> Gdelt = new(() => new GdeltWriter(CameoData.FindFolder() is null ? null : CameoData.Shared));

    public static void CsvHeader(TextWriter w)
    {
        var columns = EventTable.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(columns[i].Name);
        }
        w.Write('\n');
    }

    public static void Csv(TextWriter w, StoredEvent e)
    {
        var columns = EventTable.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) w.Write(',');
            CsvField(w, columns[i].Text(e));
        }
        w.Write('\n');
    }

    /// <summary>RFC 4180 quoting; text starting with a formula character gets a leading apostrophe so spreadsheets show it as text.</summary>
    private static void CsvField(TextWriter w, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        bool formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        bool quote = formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote) { w.Write(value); return; }
        w.Write('"');
        if (formula) w.Write('\'');
        w.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }

    public static void Jsonl(TextWriter w, StoredEvent e, JsonSerializerOptions? options = null)
    {
        w.Write(JsonSerializer.Serialize(EventItem.From(e), options ?? Json));
        w.Write('\n');
    }

    /// <summary>One GDELT 2.0 event-table row (61 tab-separated columns, no header).</summary>
    public static void GdeltRow(TextWriter w, StoredEvent s)
    {
        // GdeltWriter works on a document: a stand-in holding this event at its own index keeps the event id stable
        // (a hash of document id and index). The stored document's URL is not loaded: SOURCEURL carries the document id.
        var doc = new Document(s.DocumentId, "") { Published = s.Published };
        for (int i = 0; i <= s.Index; i++) doc.Events.Add(s.Event);
        var row = new string[GdeltWriter.ColumnCount];
        Gdelt.Value.Fill(row, doc, s.Index);
        // Repeated reports of the event in its story count as its mentions, sources and articles, as in GDELT.
        string reports = s.Reports.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int c = NumMentions; c >= 0 && c < NumMentions + 3; c++) row[c] = reports;
        for (int c = 0; c < row.Length; c++)
        {
            if (c > 0) w.Write('\t');
            w.Write(row[c].Replace('\t', ' ').Replace('\n', ' '));
        }
        w.Write('\n');
    }
}
