using Microsoft.AspNetCore.Builder;
using Parley.Storage;

namespace Parley.Server;

/// <summary>One query-string parameter as the OpenAPI description shows it (the handlers read parameters themselves).</summary>
internal sealed record ApiParameter(string Name, string Type, string Description, string? Format = null,
    IReadOnlyList<string>? Values = null, int? Minimum = null, int? Maximum = null, string? Default = null);

/// <summary>The query-string parameters an endpoint reads, for its OpenAPI description.</summary>
internal sealed record QueryParametersMetadata(IReadOnlyList<ApiParameter> Parameters);

/// <summary>The JSON body an endpoint reads as text, for its OpenAPI description.</summary>
internal sealed record RequestBodyMetadata(Type Type, string Description);

/// <summary>The endpoint needs the X-Api-Key header.</summary>
internal sealed record RequiresApiKeyMetadata;

/// <summary>The parameters of the API, declared once and shared by the endpoints that read them.</summary>
internal static class ApiParameters
{
    public static readonly ApiParameter[] EventFilters =
    [
        new("actor", "string", "CAMEO actor code or prefix, as source or target (USA matches USAGOV)."),
        new("source", "string", "CAMEO actor code or prefix of the source."),
        new("target", "string", "CAMEO actor code or prefix of the target."),
        new("country", "string", "ISO 3166-1 alpha-3 country of the source, the target or the place."),
        new("cameo", "string", "CAMEO event code or prefix (19 = all of root 19)."),
        new("quad_class", "integer", "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.", Minimum: 1, Maximum: 4),
        new("from", "string", "First day (YYYY-MM-DD, inclusive).", Format: "date"),
        new("to", "string", "Last day (YYYY-MM-DD, inclusive).", Format: "date"),
        new("q", "string", "Full-text query over the documents (words, \"phrases\", OR, prefix*)."),
        new("document", "string", "Only the events of this document id."),
        new("story", "string", "Only the events of the documents of this story id."),
        new("distinct", "boolean", "true: only the first report of each event (repeated reports within a story merged).", Default: "false"),
    ];

    public static readonly ApiParameter[] DocumentFilters =
    [
        new("q", "string", "Full-text query (words, \"phrases\", OR, prefix*); without it, newest first."),
        new("from", "string", "First publication day (YYYY-MM-DD, inclusive).", Format: "date"),
        new("to", "string", "Last publication day (YYYY-MM-DD, inclusive).", Format: "date"),
        .. EventFilters.Where(p => p.Name is not ("q" or "from" or "to" or "document")).Select(p => p with { Description = "Documents reporting an event with: " + p.Description }),
    ];

    public static readonly ApiParameter[] Page =
    [
        new("limit", "integer", "Items per page (at most 500).", Minimum: 0, Maximum: 500, Default: "50"),
        new("offset", "integer", "Items to skip.", Minimum: 0, Default: "0"),
    ];

    public static readonly ApiParameter[] ExportPage =
    [
        new("limit", "integer", "At most this many events (default: all, up to 1,000,000).", Minimum: 0, Maximum: 1_000_000),
        new("offset", "integer", "Events to skip.", Minimum: 0, Default: "0"),
    ];

    public static readonly ApiParameter[] AggregateLimit =
    [
        new("limit", "integer", "How many rows (most frequent first; at most 500).", Minimum: 0, Maximum: 500, Default: "50"),
    ];

    public static readonly ApiParameter[] Sort =
    [
        new("sort", "string", "Order: day, cameo, quad_class, goldstein, source, target or place; \"-\" first for descending (default -day, newest first).",
            Values: [.. EventSort.Names.Keys.SelectMany(k => new[] { k, "-" + k })], Default: "-day"),
    ];

    public static readonly ApiParameter[] TimelineBin =
    [
        new("bin", "string", "Bin of events filed under a day: day, week (ISO, from Monday) or month.", Values: ["day", "week", "month"], Default: "day"),
    ];

    public static readonly ApiParameter[] StoryFilters =
    [
        new("q", "string", "Only stories whose title contains this text."),
    ];

    public static readonly ApiParameter[] Suggest =
    [
        new("field", "string", "What to suggest: actor codes or countries.", Values: ["actor", "country"]),
        new("q", "string", "What was typed so far: the start of a code, or of a word of its meaning or name."),
        new("limit", "integer", "How many suggestions (1 to 50).", Minimum: 1, Maximum: 50, Default: "10"),
    ];

    /// <summary>Declares the query-string parameters an endpoint reads, for the OpenAPI description.</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, params ApiParameter[][] sets)
    {
        var all = new List<ApiParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
            foreach (var p in set)
                if (seen.Add(p.Name)) all.Add(p);
        return builder.WithMetadata(new QueryParametersMetadata(all));
    }
}
