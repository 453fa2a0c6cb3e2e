using System.Globalization;
using Microsoft.AspNetCore.Http;
using Parley.Storage;

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
    private const int MaxTextLength = 200;

    /// <summary>Parses limit and offset; limit must be 0..max.</summary>
    public static bool TryPage(HttpRequest request, int max, out int limit, out int offset, out string? error)
    {
        offset = 0;
        if (!TryInt(request, "limit", DefaultLimit, out limit, out error)) return false;
        if (limit < 0 || limit > max) { error = $"limit must be between 0 and {max}"; return false; }
        if (!TryInt(request, "offset", 0, out offset, out error)) return false;
        if (offset < 0) { error = "offset must not be negative"; return false; }
        return true;
    }

    /// <summary>The event filters of a request (actor, country, cameo, quad_class, from, to, q, document) with a page.</summary>
    public static bool TryEventQuery(HttpRequest request, int maxLimit, out EventQuery query, out string? error)
    {
        query = new EventQuery();
        if (!TryPage(request, maxLimit, out int limit, out int offset, out error)) return false;
        if (!TryText(request, "actor", out var actor, out error) || !TryText(request, "source", out var source, out error)
            || !TryText(request, "target", out var target, out error) || !TryText(request, "q", out var q, out error)
            || !TryText(request, "document", out var document, out error)) return false;
        if (!TryText(request, "country", out var country, out error)) return false;
        if (country is not null && (country.Length != 3 || !IsLetters(country))) { error = "country must be an ISO 3166-1 alpha-3 code (3 letters)"; return false; }
        if (!TryText(request, "cameo", out var cameo, out error)) return false;
        if (cameo is not null && (cameo.Length > 4 || !IsDigits(cameo))) { error = "cameo must be a CAMEO code or code prefix (1 to 4 digits)"; return false; }
        int? quad = null;
        if (request.Query.TryGetValue("quad_class", out var quadText) && !string.IsNullOrWhiteSpace(quadText))
        {
            if (!int.TryParse(quadText, NumberStyles.None, CultureInfo.InvariantCulture, out int qc) || qc < 1 || qc > 4)
            { error = "quad_class must be 1, 2, 3 or 4"; return false; }
            quad = qc;
        }
        if (!TryDate(request, "from", out var from, out error) || !TryDate(request, "to", out var to, out error)) return false;
        if (from is DateOnly f && to is DateOnly t && f > t) { error = "from must not be after to"; return false; }
        if (actor is not null && !IsCode(actor)) { error = "actor must be a CAMEO actor code or prefix (letters and digits)"; return false; }
        query = new EventQuery
        {
            Actor = actor, SourceActor = source, TargetActor = target, Country = country?.ToUpperInvariant(), CameoPrefix = cameo,
            QuadClass = quad, From = from, To = to, Q = q, DocumentId = document, Limit = limit, Offset = offset,
        };
        return true;
    }

    public static bool TryText(HttpRequest request, string name, out string? value, out string? error)
    {
        error = null;
        value = request.Query.TryGetValue(name, out var v) ? v.ToString().Trim() : null;
        if (string.IsNullOrEmpty(value)) { value = null; return true; }
        if (value.Length > MaxTextLength) { error = $"{name} is longer than {MaxTextLength} characters"; return false; }
        return true;
    }

    private static bool TryInt(HttpRequest request, string name, int fallback, out int value, out string? error)
    {
        error = null;
        value = fallback;
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        error = $"{name} must be a whole number, not '{Clip(text.ToString())}'";
        return false;
    }

    private static bool TryDate(HttpRequest request, string name, out DateOnly? value, out string? error)
    {
        error = null;
        value = null;
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = d;
            return true;
        }
        error = $"{name} must be a date of the form YYYY-MM-DD, not '{Clip(text.ToString())}'";
        return false;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static bool IsDigits(string s)
    {
        foreach (char c in s) if (c is < '0' or > '9') return false;
        return s.Length > 0;
    }

    private static bool IsLetters(string s)
    {
        foreach (char c in s) if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private static bool IsCode(string s)
    {
        foreach (char c in s) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
