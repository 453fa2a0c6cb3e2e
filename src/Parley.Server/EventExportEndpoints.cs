using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Parley.Core;
using Parley.Events;
using Parley.Events.Cameo;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// Exports of the filtered events, streamed page by page: CSV (one flat row per event), JSONL (the /api/events
/// items) and TSV (GDELT 2.0 event-table rows). Same filters as /api/events; limit caps the rows (default: all, up
/// to <see cref="ServerOptions.MaxExportRows"/>).
/// </summary>
internal static class EventExportEndpoints
{
    private const int PageSize = 2000;

    private static readonly string[] CsvColumns =
    [
        "document_id", "index", "day", "date", "source_text", "source_actor", "source_country", "target_text", "target_actor", "target_country",
        "cameo", "plover", "quad_class", "goldstein", "negated", "place_name", "place_country", "place_lat", "place_lon",
        "evidence_start", "evidence_end", "rule", "confidence", "sentence_text",
    ];

    private static readonly Lazy<GdeltWriter> Gdelt = new(() => new GdeltWriter(CameoData.FindFolder() is null ? null : CameoData.Shared));

    public static IEndpointRouteBuilder MapEventExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("exports");
        group.MapGet("/events.csv", (HttpContext c, IParleyStore s, ServerOptions o) => Export(c, s, o, "text/csv", "csv", WriteCsvHeader, WriteCsv))
            .WithSummary("Matching events as CSV (header row, one row per event).");
        group.MapGet("/events.jsonl", (HttpContext c, IParleyStore s, ServerOptions o, IOptions<JsonOptions> j) =>
                Export(c, s, o, "application/x-ndjson", "jsonl", null, (w, e) => WriteJsonl(w, e, j.Value.SerializerOptions)))
            .WithSummary("Matching events as JSON lines (the items of /api/events).");
        group.MapGet("/events.tsv", (HttpContext c, IParleyStore s, ServerOptions o) => Export(c, s, o, "text/tab-separated-values", "tsv", null, WriteGdelt))
            .WithSummary("Matching events as GDELT 2.0 event-table rows (61 tab-separated columns, no header).");
        return app;
    }

    private static async Task Export(HttpContext context, IParleyStore store, ServerOptions options, string contentType, string extension,
        Action<TextWriter>? header, Action<TextWriter, StoredEvent> row)
    {
        var request = context.Request;
        bool limited = request.Query.ContainsKey("limit");
        if (!ApiQuery.TryEventQuery(request, options.MaxExportRows, out var query, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new ApiError(error!), context.RequestAborted);
            return;
        }
        int wanted = limited ? query.Limit : options.MaxExportRows;
        context.Response.ContentType = contentType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"parley-events.{extension}\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
        header?.Invoke(writer);
        int written = 0, offset = query.Offset;
        while (written < wanted && !context.RequestAborted.IsCancellationRequested)
        {
            int take = Math.Min(PageSize, wanted - written);
            var page = store.QueryEvents(query with { Limit = take, Offset = offset }, out _);
            foreach (var e in page) row(writer, e);
            written += page.Count;
            offset += page.Count;
            await writer.FlushAsync(context.RequestAborted);
            if (page.Count < take) break;
        }
    }

    private static void WriteCsvHeader(TextWriter w) => w.WriteLine(string.Join(',', CsvColumns));

    private static void WriteCsv(TextWriter w, StoredEvent s)
    {
        var e = s.Event;
        var inv = CultureInfo.InvariantCulture;
        string?[] fields =
        [
            s.DocumentId, s.Index.ToString(inv), ApiFormat.Day(s.Day), e.Date,
            e.Source?.Text, e.Source?.Actor, e.Source?.Country, e.Target?.Text, e.Target?.Actor, e.Target?.Country,
            e.Cameo, e.Plover, e.QuadClass.ToString(inv), e.Goldstein.ToString("0.0", inv), e.Negated ? "true" : "false",
            e.Place?.Name, e.Place?.Country, e.Place?.Lat?.ToString("0.#####", inv), e.Place?.Lon?.ToString("0.#####", inv),
            e.EvidenceStart.ToString(inv), e.EvidenceEnd.ToString(inv), e.Rule, e.Confidence.ToString("0.###", inv), s.SentenceText,
        ];
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            WriteCsvField(w, fields[i]);
        }
        w.Write('\n');
    }

    /// <summary>RFC 4180 quoting; text starting with a formula character gets a leading apostrophe so spreadsheets show it as text.</summary>
    private static void WriteCsvField(TextWriter w, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        bool formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        bool quote = formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote) { w.Write(value); return; }
        w.Write('"');
        if (formula) w.Write('\'');
        w.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }

    private static void WriteJsonl(TextWriter w, StoredEvent e, JsonSerializerOptions json)
    {
        w.Write(JsonSerializer.Serialize(EventItem.From(e), json));
        w.Write('\n');
    }

    private static void WriteGdelt(TextWriter w, StoredEvent s)
    {
        // GdeltWriter works on a document: a stand-in holding this event at its own index keeps the event id stable
        // (a hash of document id and index). The stored document's URL is not loaded: SOURCEURL carries the document id.
        var doc = new Document(s.DocumentId, "") { Published = s.Published };
        for (int i = 0; i <= s.Index; i++) doc.Events.Add(s.Event);
        var row = new string[GdeltWriter.ColumnCount];
        Gdelt.Value.Fill(row, doc, s.Index);
        for (int c = 0; c < row.Length; c++)
        {
            if (c > 0) w.Write('\t');
            w.Write(row[c].Replace('\t', ' ').Replace('\n', ' '));
        }
        w.Write('\n');
    }
}
