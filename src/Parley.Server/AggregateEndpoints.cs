using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;

namespace Parley.Server;

/// <summary>Counts over the filtered events (the same filters as /api/events) for the dashboard's views, plus stories and stats.</summary>
internal static class AggregateEndpoints
{
    public static RouteGroupBuilder MapAggregates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("aggregates");
        group.MapGet("/actors", Actors).WithSummary("Actor codes by number of matching events as source or target (limit = how many actors).");
        group.MapGet("/actor-pairs", Pairs).WithSummary("Source-target actor pairs with event count and mean Goldstein (limit = how many pairs).");
        group.MapGet("/timeline", Timeline).WithSummary("Matching events per day and quad class.");
        group.MapGet("/places", Places).WithSummary("Places of matching events with coordinates and counts.");
        group.MapGet("/countries", Countries).WithSummary("Countries (ISO alpha-3) involved in matching events, with counts.");
        group.MapGet("/stories", Stories).WithSummary("Stories: groups of documents about one development, most recent first; limit (max 500, default 50) and offset page them.");
        group.MapGet("/stats", Stats).WithSummary("Counts of the store.");
        return group;
    }

    private static Results<Ok<IReadOnlyList<ActorItem>>, BadRequest<ApiError>> Actors(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<ActorItem>();
            foreach (var a in store.ActorCounts(q)) list.Add(new ActorItem(a.Actor, a.AsSource, a.AsTarget, a.Total));
            return list;
        });

    private static Results<Ok<IReadOnlyList<ActorPairItem>>, BadRequest<ApiError>> Pairs(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<ActorPairItem>();
            foreach (var p in store.ActorPairs(q)) list.Add(new ActorPairItem(p.Source, p.Target, p.Count, Math.Round(p.MeanGoldstein, 2)));
            return list;
        });

    private static Results<Ok<IReadOnlyList<TimelineItem>>, BadRequest<ApiError>> Timeline(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<TimelineItem>();
            foreach (var t in store.Timeline(q)) list.Add(new TimelineItem(ApiFormat.Day(t.Day)!, t.QuadClass, t.Count));
            return list;
        });

    private static Results<Ok<IReadOnlyList<PlaceItem>>, BadRequest<ApiError>> Places(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<PlaceItem>();
            foreach (var p in store.PlaceCounts(q)) list.Add(new PlaceItem(p.Name, p.Country, p.Lat, p.Lon, p.Count));
            return list;
        });

    private static Results<Ok<IReadOnlyList<CountryItem>>, BadRequest<ApiError>> Countries(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<CountryItem>();
            foreach (var c in store.CountryCounts(q)) list.Add(new CountryItem(c.Country, c.Count));
            return list;
        });

    private static Results<Ok<Page<StoryItem>>, BadRequest<ApiError>> Stories(HttpRequest request, IParleyStore store, ServerOptions options)
    {
        if (!ApiQuery.TryPage(request, options.MaxPageSize, out int limit, out int offset, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        var list = new List<StoryItem>();
        var page = store.ListStories(limit, offset, out int total);
        foreach (var s in page)
            list.Add(new StoryItem(s.Id, s.Title, ApiFormat.Day(s.First), ApiFormat.Day(s.Last), s.DocumentIds));
        return TypedResults.Ok(new Page<StoryItem>(total, limit, offset, list));
    }

    private static Ok<StatsItem> Stats(IParleyStore store)
    {
        var s = store.GetStats();
        return TypedResults.Ok(new StatsItem(s.Documents, s.Sentences, s.Tokens, s.Entities, s.Events, s.Quotes, s.Stories, s.Duplicates));
    }

    private static Results<Ok<IReadOnlyList<T>>, BadRequest<ApiError>> Aggregate<T>(HttpRequest request, ServerOptions options, Func<EventQuery, List<T>> run)
    {
        if (!ApiQuery.TryEventQuery(request, options.MaxPageSize, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        return TypedResults.Ok<IReadOnlyList<T>>(run(query));
    }
}
