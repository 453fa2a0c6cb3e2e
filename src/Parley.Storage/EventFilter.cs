using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// The WHERE clause of an <see cref="EventQuery"/> over <c>events e</c>, built from fixed SQL fragments with
/// every value bound as a parameter. Code prefixes become index-friendly ranges (code &gt;= p AND code &lt; p')
/// where p' is p with its last character incremented, so "19" matches 190 to 1962 and nothing of root 2.
/// </summary>
internal sealed class EventFilter
{
    private readonly List<(string Name, object Value)> _parameters = [];

    public string Where { get; }

    public EventFilter(EventQuery q)
    {
        var sb = new StringBuilder("1=1");
        if (Prefix(q.Actor) is { } actor)
        {
            Add("@actor_lo", actor.Lo); Add("@actor_hi", actor.Hi);
            sb.Append(" AND ((e.src_actor >= @actor_lo AND e.src_actor < @actor_hi) OR (e.tgt_actor >= @actor_lo AND e.tgt_actor < @actor_hi))");
        }
        if (Prefix(q.SourceActor) is { } source)
        {
            Add("@src_lo", source.Lo); Add("@src_hi", source.Hi);
            sb.Append(" AND e.src_actor >= @src_lo AND e.src_actor < @src_hi");
        }
        if (Prefix(q.TargetActor) is { } target)
        {
            Add("@tgt_lo", target.Lo); Add("@tgt_hi", target.Hi);
            sb.Append(" AND e.tgt_actor >= @tgt_lo AND e.tgt_actor < @tgt_hi");
        }
        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            Add("@country", q.Country.Trim().ToUpperInvariant());
            sb.Append(" AND (e.src_country = @country OR e.tgt_country = @country OR e.place_country = @country)");
        }
        if (Prefix(q.CameoPrefix) is { } cameo)
        {
            Add("@cameo_lo", cameo.Lo); Add("@cameo_hi", cameo.Hi);
            sb.Append(" AND e.cameo >= @cameo_lo AND e.cameo < @cameo_hi");
        }
        if (q.QuadClass is int quad)
        {
            Add("@quad", quad);
            sb.Append(" AND e.quad_class = @quad");
        }
        if (q.From is DateOnly from)
        {
            Add("@from", Dates.Format(from));
            sb.Append(" AND e.day >= @from");
        }
        if (q.To is DateOnly to)
        {
            Add("@to", Dates.Format(to));
            sb.Append(" AND e.day <= @to");
        }
        if (FtsQuery.Build(q.Q) is { } match)
        {
            Add("@match", match);
            sb.Append(" AND e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)");
        }
        if (!string.IsNullOrEmpty(q.DocumentId))
        {
            Add("@document_id", q.DocumentId);
            sb.Append(" AND e.doc = (SELECT key FROM documents WHERE id = @document_id)");
        }
        Where = sb.ToString();
    }

    public void Bind(SqliteCommand cmd)
    {
        foreach (var (name, value) in _parameters) cmd.Parameters.AddWithValue(name, value);
    }

    private void Add(string name, object value) => _parameters.Add((name, value));

    private static (string Lo, string Hi)? Prefix(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        string lo = code.Trim().ToUpperInvariant();
        char last = lo[^1];
        if (last == char.MaxValue) return (lo, lo + char.MaxValue);
        string hi = string.Concat(lo.AsSpan(0, lo.Length - 1), ((char)(last + 1)).ToString());
        return (lo, hi);
    }
}

internal static class Dates
{
    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The day an event is filed under (see <see cref="StoredEvent.Day"/>): its own day-grain date; else the
    /// publication date when the event's week, month or year contains it or the event has no date; else the
    /// first day of the event's period.
    /// </summary>
    public static DateOnly? EventDay(string? eventDate, DateOnly? published)
    {
        if (Parse(eventDate) is DateOnly day) return day;
        if (Period(eventDate) is (DateOnly first, DateOnly last))
        {
            if (published is DateOnly p && p >= first && p <= last) return p;
            return first;
        }
        return published;
    }

    /// <summary>First and last day of a YYYY-Www, YYYY-MM or YYYY value.</summary>
    private static (DateOnly First, DateOnly Last)? Period(string? value)
    {
        if (value is null) return null;
        var inv = CultureInfo.InvariantCulture;
        if (value.Length == 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int wy)
            && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, inv, out int w)
            && wy >= 1 && w >= 1 && w <= ISOWeek.GetWeeksInYear(wy))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
            return (monday, monday.AddDays(6));
        }
        if (value.Length == 7 && value[4] == '-'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int my)
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out int m) && my >= 1 && m is >= 1 and <= 12)
        {
            var first = new DateOnly(my, m, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, inv, out int y) && y >= 1)
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        return null;
    }
}
