using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Core;
using Parley.Engine.Export;
using Parley.Storage;

namespace Parley.Server;

/// <summary>Counts over the filtered events (the same filters as /api/events) for the dashboard's views, plus stories, suggestions and stats.</summary>
internal static class AggregateEndpoints
{
    private const int MaxSuggestions = 50;

    public static RouteGroupBuilder MapAggregates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("aggregates");
        group.MapGet("/actors", Actors)
            .WithSummary("Actor codes by number of matching events as source or target")
            .WithDescription("Each with its meaning in words and the canonical names it carries in the events. limit = how many actors.")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.AggregateLimit);
        group.MapGet("/actor-pairs", Pairs)
            .WithSummary("Source-target actor pairs with event count and mean Goldstein score")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.AggregateLimit);
        group.MapGet("/timeline", Timeline)
            .WithSummary("Matching events per day, week or month, with mean Goldstein score and counts per quad class")
            .WithDescription("bins: events filed under a day, grouped by bin. periods: events dated only to a week, month or year, " +
                "each under its own period, never put on one of its days.")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.TimelineBin);
        group.MapGet("/places", Places)
            .WithSummary("Places of matching events with coordinates and counts")
            .WithQueryParameters(ApiParameters.EventFilters, ApiParameters.AggregateLimit);
        group.MapGet("/countries", Countries)
            .WithSummary("Countries (ISO alpha-3, with names) of the source, target or place of matching events, with counts")
            .WithQueryParameters(ApiParameters.EventFilters);
        group.MapGet("/stories", Stories)
            .WithSummary("Stories: groups of documents about one development, latest first")
            .WithDescription("With q: stories whose title contains it (case-insensitive).")
            .WithQueryParameters(ApiParameters.StoryFilters, ApiParameters.Page);
        group.MapGet("/stories/{id}", Story)
            .WithSummary("One story with the ids of its documents");
        group.MapGet("/suggest", Suggest)
            .WithSummary("Values to offer while typing a filter: actor codes or countries, with their names and event counts")
            .WithDescription("field=actor matches the start of a code, of a word of its meaning or of a name it carries; " +
                "field=country the start of an ISO code or of a word of the country's name.")
            .WithQueryParameters(ApiParameters.Suggest);
        group.MapGet("/stats", Stats).WithSummary("Counts of the store");
        return group;
    }

    private static Results<Ok<IReadOnlyList<ActorItem>>, BadRequest<ApiError>> Actors(HttpRequest request, IParleyStore store, ServerOptions options, CodeLabels labels) =>
        Aggregate(request, options, q =>
        {
            var names = NamesByActor(store);
            var list = new List<ActorItem>();
            foreach (var a in store.ActorCounts(q))
                list.Add(new ActorItem(a.Actor, labels.Actor(a.Actor), names.GetValueOrDefault(a.Actor, []), a.AsSource, a.AsTarget, a.Total));
            return list;
        });

    private static Results<Ok<IReadOnlyList<ActorPairItem>>, BadRequest<ApiError>> Pairs(HttpRequest request, IParleyStore store, ServerOptions options, CodeLabels labels) =>
        Aggregate(request, options, q =>
        {
            var list = new List<ActorPairItem>();
            foreach (var p in store.ActorPairs(q))
                list.Add(new ActorPairItem(p.Source, labels.Actor(p.Source), p.Target, labels.Actor(p.Target), p.Count, Math.Round(p.MeanGoldstein, 2)));
            return list;
        });

    private static Results<Ok<TimelineAnswer>, BadRequest<ApiError>> Timeline(HttpRequest request, IParleyStore store, ServerOptions options)
    {
        if (!ApiQuery.TryEventQuery(request, options.MaxPageSize, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        string bin = request.Query["bin"].ToString() is { Length: > 0 } b ? b.Trim().ToLowerInvariant() : "day";
        if (bin is not ("day" or "week" or "month"))
            return TypedResults.BadRequest(new ApiError($"bin must be day, week or month, not '{(bin.Length > 20 ? bin[..20] : bin)}'"));
        var bins = new SortedDictionary<DateOnly, (DateOnly End, long[] Quads, double Goldstein)>();
        var periods = new SortedDictionary<(DateOnly, DateOnly, string), (long[] Quads, double Goldstein)>();
        foreach (var p in store.Timeline(query with { Limit = int.MaxValue }))
        {
            int quad = Math.Clamp(p.QuadClass, 1, 4) - 1;
            if (p.Grain == "day")
            {
                var (start, end) = BinOf(p.Start, bin);
                if (!bins.TryGetValue(start, out var slot)) slot = (end, new long[4], 0);
                slot.Quads[quad] += p.Count;
                bins[start] = (end, slot.Quads, slot.Goldstein + p.GoldsteinSum);
            }
            else
            {
                var key = (p.Start, p.End, p.Grain);
                if (!periods.TryGetValue(key, out var slot)) slot = (new long[4], 0);
                slot.Quads[quad] += p.Count;
                periods[key] = (slot.Quads, slot.Goldstein + p.GoldsteinSum);
            }
        }
        var binItems = new List<TimelineBin>(bins.Count);
        foreach (var (start, (end, quads, goldstein)) in bins)
        {
            long n = quads.Sum();
            binItems.Add(new TimelineBin(DateValue.FormatDay(start), DateValue.FormatDay(end), n, Math.Round(goldstein / n, 2), quads));
        }
        var periodItems = new List<TimelinePeriod>(periods.Count);
        foreach (var ((start, end, grain), (quads, goldstein)) in periods)
        {
            long n = quads.Sum();
            var grainKind = grain switch { "week" => DateGrain.Week, "month" => DateGrain.Month, _ => DateGrain.Year };
            periodItems.Add(new TimelinePeriod(grain, DateValue.Of(grainKind, start).ToString(), DateValue.FormatDay(start), DateValue.FormatDay(end),
                n, Math.Round(goldstein / n, 2), quads));
        }
        return TypedResults.Ok(new TimelineAnswer(bin, binItems, periodItems));
    }

    /// <summary>The bin holding a day: the day itself, its ISO week (Monday to Sunday) or its month.</summary>
    private static (DateOnly Start, DateOnly End) BinOf(DateOnly day, string bin)
    {
        var period = DateValue.Of(bin switch { "week" => DateGrain.Week, "month" => DateGrain.Month, _ => DateGrain.Day }, day);
        return (period.First, period.Last);
    }

    private static Results<Ok<IReadOnlyList<PlaceItem>>, BadRequest<ApiError>> Places(HttpRequest request, IParleyStore store, ServerOptions options) =>
        Aggregate(request, options, q =>
        {
            var list = new List<PlaceItem>();
            foreach (var p in store.PlaceCounts(q)) list.Add(new PlaceItem(p.Name, p.Country, p.Lat, p.Lon, p.Count));
            return list;
        });

    private static Results<Ok<IReadOnlyList<CountryItem>>, BadRequest<ApiError>> Countries(HttpRequest request, IParleyStore store, ServerOptions options, CodeLabels labels) =>
        Aggregate(request, options, q =>
        {
            var list = new List<CountryItem>();
            foreach (var c in store.CountryCounts(q)) list.Add(new CountryItem(c.Country, labels.Country(c.Country), c.Count));
            return list;
        });

    private static Results<Ok<Page<StoryItem>>, BadRequest<ApiError>> Stories(HttpRequest request, IParleyStore store, ServerOptions options)
    {
        if (!ApiQuery.TryPage(request, options.MaxPageSize, out int limit, out int offset, out var error)
            || !ApiQuery.TryText(request, "q", out var q, out error))
            return TypedResults.BadRequest(new ApiError(error!));
        var items = new List<StoryItem>();
        if (q is null)
        {
            // Paged by the store.
            var page = store.ListStories(limit, offset, out int total);
            foreach (var s in page) items.Add(Item(s));
            return TypedResults.Ok(new Page<StoryItem>(total, limit, offset, items));
        }
        var matching = new List<StoryRecord>();
        foreach (var s in store.ListStories())
            if (s.Title?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false) matching.Add(s);
        for (int i = offset; i < matching.Count && items.Count < limit; i++) items.Add(Item(matching[i]));
        return TypedResults.Ok(new Page<StoryItem>(matching.Count, limit, offset, items));
    }

    private static Results<Ok<StoryItem>, NotFound<ApiError>> Story(string id, IParleyStore store)
    {
        foreach (var s in store.ListStories())
            if (s.Id == id) return TypedResults.Ok(Item(s));
        return TypedResults.NotFound(new ApiError($"no story with id '{id}'"));
    }

    private static StoryItem Item(StoryRecord s) => new(s.Id, s.Title, ApiFormat.Day(s.First), ApiFormat.Day(s.Last), s.DocumentIds);

    private static Results<Ok<IReadOnlyList<SuggestionItem>>, BadRequest<ApiError>> Suggest(HttpRequest request, IParleyStore store, ServerOptions options, CodeLabels labels)
    {
        string field = request.Query["field"].ToString().Trim().ToLowerInvariant();
        if (field is not ("actor" or "country")) return TypedResults.BadRequest(new ApiError("field must be actor or country"));
        if (!ApiQuery.TryText(request, "q", out var q, out var error)) return TypedResults.BadRequest(new ApiError(error!));
        int limit = 10;
        if (request.Query["limit"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxSuggestions))
            return TypedResults.BadRequest(new ApiError($"limit must be between 1 and {MaxSuggestions}"));
        string needle = (q ?? "").Trim();
        var found = new List<SuggestionItem>();
        if (field == "actor")
        {
            var names = NamesByActor(store);
            foreach (var a in store.ActorCounts(new EventQuery { Limit = int.MaxValue }))
            {
                string? label = labels.Actor(a.Actor);
                var known = names.GetValueOrDefault(a.Actor, []);
                if (needle.Length == 0 || Matches(needle, a.Actor, label, known))
                    found.Add(new SuggestionItem(a.Actor, Describe(label, known), a.Total));
            }
        }
        else
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var c in store.CountryCounts(new EventQuery { Limit = int.MaxValue })) counts[c.Country] = c.Count;
            foreach (var (code, name) in labels.Countries())
                if (needle.Length == 0 || Matches(needle, code, name, []))
                    found.Add(new SuggestionItem(code, name, counts.GetValueOrDefault(code)));
            foreach (var (code, n) in counts)
                if (labels.Country(code) is null && (needle.Length == 0 || code.StartsWith(needle, StringComparison.OrdinalIgnoreCase)))
                    found.Add(new SuggestionItem(code, null, n));
        }
        // An exact code first, then by events, then by code.
        found.Sort((a, b) =>
        {
            bool ax = a.Value.Equals(needle, StringComparison.OrdinalIgnoreCase), bx = b.Value.Equals(needle, StringComparison.OrdinalIgnoreCase);
            if (ax != bx) return ax ? -1 : 1;
            return a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value);
        });
        if (found.Count > limit) found.RemoveRange(limit, found.Count - limit);
        return TypedResults.Ok<IReadOnlyList<SuggestionItem>>(found);
    }

    /// <summary>The meaning of a code, with the first names it carries ("United States government: Zalmay Khalilzad, Mike Pompeo").</summary>
    private static string? Describe(string? label, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return label;
        string shown = string.Join(", ", names.Take(3));
        return label is null ? shown : label + ": " + shown;
    }

    /// <summary>The needle starts the code, or a word of the label or of one of the names.</summary>
    private static bool Matches(string needle, string code, string? label, IReadOnlyList<string> names)
    {
        if (code.StartsWith(needle, StringComparison.OrdinalIgnoreCase)) return true;
        if (label is not null && StartsAWord(label, needle)) return true;
        foreach (var n in names) if (StartsAWord(n, needle)) return true;
        return false;
    }

    private static bool StartsAWord(string text, string needle)
    {
        for (int at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1])) return true;
        return false;
    }

    /// <summary>Up to five names per actor code, most frequent first.</summary>
    private static Dictionary<string, IReadOnlyList<string>> NamesByActor(IParleyStore store)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in store.ActorNames())
        {
            if (!names.TryGetValue(n.Actor, out var list)) names[n.Actor] = list = [];
            if (list.Count < 5) list.Add(n.Name);
        }
        var result = new Dictionary<string, IReadOnlyList<string>>(names.Count, StringComparer.Ordinal);
        foreach (var (actor, list) in names) result[actor] = list;
        return result;
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
