using Microsoft.AspNetCore.Http;
using Parley.Storage;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>A JSON error body: { "error": "..." }.</summary>
public sealed record ApiError(string Error);

/// <summary>
/// Reads and checks query-string parameters. Parameters are read as strings (not bound by the framework) so
/// every bad value gets the same 400 answer with a message naming the parameter.
/// </summary>
internal static class ApiQuery
{
    public const int DefaultLimit = 50;

    /// <summary>Parses limit and offset; limit must be 0..max.</summary>
    public static bool TryPage(HttpRequest request, int max, out int limit, out int offset, out string? error) =>
        EventQueryParser.TryPage(Getter(request), max, DefaultLimit, out limit, out offset, out error);

    /// <summary>The event filters of a request (actor, country, cameo, quad_class, from, to, q, document) with a page.</summary>
    public static bool TryEventQuery(HttpRequest request, int maxLimit, out EventQuery query, out string? error) =>
        EventQueryParser.TryParse(Getter(request), maxLimit, DefaultLimit, out query, out error);

    public static bool TryText(HttpRequest request, string name, out string? value, out string? error) =>
        EventQueryParser.TryText(Getter(request), name, out value, out error);

    /// <summary>The document filters of a request: q, publication from/to, the event filters, and a page.</summary>
    public static bool TryDocumentQuery(HttpRequest request, int maxLimit, out DocumentQuery query, out string? error)
    {
        query = new DocumentQuery();
        if (!TryEventQuery(request, maxLimit, out var events, out error)) return false;
        query = new DocumentQuery { Q = events.Q, From = events.From, To = events.To, Events = events, Limit = events.Limit, Offset = events.Offset };
        return true;
    }

    private static Func<string, string?> Getter(HttpRequest request) =>
        name => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
}
