using System.Globalization;
using Parley.Core;
using Parley.Storage;

namespace Parley.Engine.Export;

/// <summary>
/// Reads and checks event filters given as text, wherever they come from (an HTTP query string, CLI options),
/// so the API and <c>parley export</c> accept and refuse exactly the same values with the same messages.
/// Names are the API's: limit, offset, actor, source, target, q, document, story, country, cameo, quad_class, from, to,
/// distinct (true: only the first report of each event, repeated reports in a story merged), sort (a key of
/// <see cref="EventSort.Names"/>, "-" first for descending).
/// </summary>
public static class EventQueryParser
{
    private const int MaxTextLength = 200;

    /// <summary>Parses limit (0..<paramref name="maxLimit"/>, default <paramref name="defaultLimit"/>) and offset.</summary>
    public static bool TryPage(Func<string, string?> get, int maxLimit, int defaultLimit, out int limit, out int offset, out string? error)
    {
        offset = 0;
        if (!TryInt(get, "limit", defaultLimit, out limit, out error)) return false;
        if (limit < 0 || limit > maxLimit) { error = $"limit must be between 0 and {maxLimit}"; return false; }
        if (!TryInt(get, "offset", 0, out offset, out error)) return false;
        if (offset < 0) { error = "offset must not be negative"; return false; }
        return true;
    }

    /// <summary>The event filters and a page; false with a message naming the first bad value.</summary>
    public static bool TryParse(Func<string, string?> get, int maxLimit, int defaultLimit, out EventQuery query, out string? error)
    {
        query = new EventQuery();
        if (!TryPage(get, maxLimit, defaultLimit, out int limit, out int offset, out error)) return false;
        if (!TryText(get, "actor", out var actor, out error) || !TryText(get, "source", out var source, out error)
            || !TryText(get, "target", out var target, out error) || !TryText(get, "q", out var q, out error)
            || !TryText(get, "document", out var document, out error) || !TryText(get, "story", out var story, out error)) return false;
        if (!TryText(get, "country", out var country, out error)) return false;
        if (country is not null && (country.Length != 3 || !IsLetters(country))) { error = "country must be an ISO 3166-1 alpha-3 code (3 letters)"; return false; }
        if (!TryText(get, "cameo", out var cameo, out error)) return false;
        if (cameo is not null && (cameo.Length > 4 || !IsDigits(cameo))) { error = "cameo must be a CAMEO code or code prefix (1 to 4 digits)"; return false; }
        int? quad = null;
        if (get("quad_class") is { } quadText && !string.IsNullOrWhiteSpace(quadText))
        {
            if (!int.TryParse(quadText, NumberStyles.None, CultureInfo.InvariantCulture, out int qc) || qc < 1 || qc > 4)
            { error = "quad_class must be 1, 2, 3 or 4"; return false; }
            quad = qc;
        }
        if (!TryDate(get, "from", out var from, out error) || !TryDate(get, "to", out var to, out error)) return false;
        bool distinct = false;
        if (get("distinct") is { } distinctText && !string.IsNullOrWhiteSpace(distinctText))
        {
            switch (distinctText.Trim().ToLowerInvariant())
            {
                case "true" or "1" or "yes": distinct = true; break;
                case "false" or "0" or "no": break;
                default: error = "distinct must be true or false"; return false;
            }
        }
        if (from is DateOnly f && to is DateOnly t && f > t) { error = "from must not be after to"; return false; }
        if (!TryText(get, "sort", out var sortText, out error)) return false;
        if (!EventSort.TryParse(sortText, out var sort))
        {
            error = $"sort must be one of {string.Join(", ", EventSort.Names.Keys)} (\"-\" first for descending), not '{Clip(sortText!)}'";
            return false;
        }
        foreach (var (name, code) in new[] { ("actor", actor), ("source", source), ("target", target) })
            if (code is not null && !IsCode(code)) { error = $"{name} must be a CAMEO actor code or prefix (letters and digits)"; return false; }
        query = new EventQuery
        {
            Actor = actor, SourceActor = source, TargetActor = target, Country = country?.ToUpperInvariant(), CameoPrefix = cameo,
            QuadClass = quad, From = from, To = to, Q = q, DocumentId = document, StoryId = story, FirstReportsOnly = distinct,
            Sort = sort == EventSort.Newest ? null : sort, Limit = limit, Offset = offset,
        };
        return true;
    }

    public static bool TryText(Func<string, string?> get, string name, out string? value, out string? error)
    {
        error = null;
        value = get(name)?.Trim();
        if (string.IsNullOrEmpty(value)) { value = null; return true; }
        if (value.Length > MaxTextLength) { error = $"{name} is longer than {MaxTextLength} characters"; return false; }
        return true;
    }

    private static bool TryInt(Func<string, string?> get, string name, int fallback, out int value, out string? error)
    {
        error = null;
        value = fallback;
        if (get(name) is not { } text || string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        error = $"{name} must be a whole number, not '{Clip(text)}'";
        return false;
    }

    private static bool TryDate(Func<string, string?> get, string name, out DateOnly? value, out string? error)
    {
        error = null;
        value = null;
        if (get(name) is not { } text || string.IsNullOrWhiteSpace(text)) return true;
        if (DateValue.TryParseDay(text.Trim()) is DateOnly d)
        {
            value = d;
            return true;
        }
        error = $"{name} must be a date of the form YYYY-MM-DD, not '{Clip(text)}'";
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
