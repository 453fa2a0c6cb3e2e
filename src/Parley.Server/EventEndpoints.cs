using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>/api/events: filtered events with their document, evidence span, sentence and names beside codes.</summary>
internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("events");
        group.MapGet("", Query)
            .WithSummary("Events matching the filters, a page at a time")
            .WithDescription("Newest first unless sort says otherwise. Every filter is optional; they combine with AND. " +
                "An event dated only to a week, month or year matches from/to when its whole period lies in the range.")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.Sort, ApiParameters.Page);
        return group;
    }

    private static Results<Ok<Page<EventItem>>, BadRequest<ApiError>> Query(HttpRequest request, IParleyStore store, ServerOptions options, CodeLabels labels)
    {
        if (!ApiQuery.TryEventQuery(request, options.MaxPageSize, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        var events = store.QueryEvents(query, out int total);
        var items = new List<EventItem>(events.Count);
        foreach (var e in events) items.Add(EventItem.From(e, labels));
        return TypedResults.Ok(new Page<EventItem>(total, query.Limit, query.Offset, items));
    }
}
