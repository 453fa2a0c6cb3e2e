using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>/api/events: filtered events with their document, evidence span and sentence.</summary>
internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("events");
        group.MapGet("", Query).WithSummary(
            "Events, newest first. Filters (all optional, combined with AND): actor (code prefix, source or target), source, target, " +
            "country (ISO alpha-3 of source, target or place), cameo (code prefix: 19 = all of root 19), quad_class (1-4), " +
            "from/to (YYYY-MM-DD, inclusive), q (full-text query on the document), document (a document id); limit (max 500), offset.");
        return group;
    }

    private static Results<Ok<Page<EventItem>>, BadRequest<ApiError>> Query(HttpRequest request, IParleyStore store, ServerOptions options)
    {
        if (!ApiQuery.TryEventQuery(request, options.MaxPageSize, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        var events = store.QueryEvents(query, out int total);
        var items = new List<EventItem>(events.Count);
        foreach (var e in events) items.Add(EventItem.From(e));
        return TypedResults.Ok(new Page<EventItem>(total, query.Limit, query.Offset, items));
    }
}
