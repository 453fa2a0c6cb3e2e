using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>
/// Exports of the filtered events at any size: CSV (one flat row per event), JSONL (the /api/events items), TSV
/// (GDELT 2.0 event-table rows) and Parquet (typed columns). Same filters and order as /api/events; limit caps the
/// rows (default: all, up to <see cref="ServerOptions.MaxExportRows"/>). Rows stream from one snapshot of the store
/// and are written asynchronously, a chunk at a time, so a slow client slows the export instead of filling memory.
/// </summary>
internal static class EventExportEndpoints
{
    public static IEndpointRouteBuilder MapEventExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("exports");
        Map(group, "/events.csv", ExportFormat.Csv, "Matching events as CSV: a header row, one row per event (the columns of parley export --format csv).");
        Map(group, "/events.jsonl", ExportFormat.Jsonl, "Matching events as JSON lines: one /api/events item per line.");
        Map(group, "/events.tsv", ExportFormat.Gdelt, "Matching events as GDELT 2.0 event-table rows: 61 tab-separated columns, no header.");
        Map(group, "/events.parquet", ExportFormat.Parquet, "Matching events as Parquet (Snappy): the CSV's columns, typed (dates as DATE).");
        return app;
    }

    private static void Map(RouteGroupBuilder group, string path, ExportFormat format, string summary)
    {
        var (contentType, _) = EventExporter.Describe(format);
        group.MapGet(path, (HttpContext c, IParleyStore s, ServerOptions o, CodeLabels l) => Export(c, s, o, l, format))
            .WithSummary(summary)
            .WithDescription("Streams every matching event (limit caps them) in the order of /api/events, as a file download.")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.Sort, ApiParameters.ExportPage)
            .Produces(StatusCodes.Status200OK, format == ExportFormat.Parquet ? typeof(Stream) : typeof(string), contentType)
            .Produces<ApiError>(StatusCodes.Status400BadRequest);
    }

    private static async Task Export(HttpContext context, IParleyStore store, ServerOptions options, CodeLabels labels, ExportFormat format)
    {
        var request = context.Request;
        bool limited = request.Query.ContainsKey("limit");
        if (!ApiQuery.TryEventQuery(request, options.MaxExportRows, out var query, out var error))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new ApiError(error!), context.RequestAborted);
            return;
        }
        long wanted = limited ? query.Limit : options.MaxExportRows;
        var (contentType, extension) = EventExporter.Describe(format);
        context.Response.ContentType = format == ExportFormat.Parquet ? contentType : contentType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"parley-events.{extension}\"";
        try
        {
            await EventExporter.ExportAsync(store, query, format, context.Response.Body, wanted, labels, null, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing more to send.
        }
    }
}
