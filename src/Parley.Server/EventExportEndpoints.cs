using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>
/// Exports of the filtered events, streamed page by page: CSV (one flat row per event), JSONL (the /api/events
/// items) and TSV (GDELT 2.0 event-table rows). Same filters as /api/events; limit caps the rows (default: all, up
/// to <see cref="ServerOptions.MaxExportRows"/>).
/// </summary>
internal static class EventExportEndpoints
{
    private const int PageSize = 2000;

    public static IEndpointRouteBuilder MapEventExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("exports");
        group.MapGet("/events.csv", (HttpContext c, IParleyStore s, ServerOptions o) => Export(c, s, o, "text/csv", "csv", EventWriters.CsvHeader, EventWriters.Csv))
            .WithSummary("Matching events as CSV (header row, one row per event).");
        group.MapGet("/events.jsonl", (HttpContext c, IParleyStore s, ServerOptions o, IOptions<JsonOptions> j) =>
                Export(c, s, o, "application/x-ndjson", "jsonl", null, (w, e) => EventWriters.Jsonl(w, e, j.Value.SerializerOptions)))
            .WithSummary("Matching events as JSON lines (the items of /api/events).");
        group.MapGet("/events.tsv", (HttpContext c, IParleyStore s, ServerOptions o) => Export(c, s, o, "text/tab-separated-values", "tsv", null, EventWriters.GdeltRow))
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
}
