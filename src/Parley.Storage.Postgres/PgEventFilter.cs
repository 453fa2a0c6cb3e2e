using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// The WHERE clause of an <see cref="EventQuery"/> over <c>events e</c>, from fixed SQL fragments with every
/// value bound as a named parameter. Code prefixes become ranges (code &gt;= p AND code &lt; p'), which the
/// code columns' "C" collation and btree indexes answer directly.
/// </summary>
internal sealed class PgEventFilter
{
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly PgTextQuery? _text;

    public string Where { get; }

    public PgEventFilter(EventQuery q)
    {
        var sb = new System.Text.StringBuilder("TRUE");
        if (CodePrefix.Range(q.Actor) is { } actor)
        {
            Add("actor_lo", actor.Lo); Add("actor_hi", actor.Hi);
            sb.Append(" AND ((e.src_actor >= @actor_lo AND e.src_actor < @actor_hi) OR (e.tgt_actor >= @actor_lo AND e.tgt_actor < @actor_hi))");
        }
        if (CodePrefix.Range(q.SourceActor) is { } source)
        {
            Add("src_lo", source.Lo); Add("src_hi", source.Hi);
            sb.Append(" AND e.src_actor >= @src_lo AND e.src_actor < @src_hi");
        }
        if (CodePrefix.Range(q.TargetActor) is { } target)
        {
            Add("tgt_lo", target.Lo); Add("tgt_hi", target.Hi);
            sb.Append(" AND e.tgt_actor >= @tgt_lo AND e.tgt_actor < @tgt_hi");
        }
        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            Add("country", q.Country.Trim().ToUpperInvariant());
            sb.Append(" AND (e.src_country = @country OR e.tgt_country = @country OR e.place_country = @country)");
        }
        if (CodePrefix.Range(q.CameoPrefix) is { } cameo)
        {
            Add("cameo_lo", cameo.Lo); Add("cameo_hi", cameo.Hi);
            sb.Append(" AND e.cameo >= @cameo_lo AND e.cameo < @cameo_hi");
        }
        if (q.QuadClass is int quad) { Add("quad", quad); sb.Append(" AND e.quad_class = @quad"); }
        // An event dated only to a week, month or year has no day: it is in the range when its whole period is. Written over
        // coalesce(day, period_start/period_end), the same rows as "day >= @from OR day IS NULL AND period_start >= @from" (NULLs
        // included), which the expression indexes of migration 6 answer as one range. With an end date, the start is bounded
        // too: a period never ends before it starts (checked by the table), so the bound drops no row and closes the range.
        if (q.From is DateOnly from) { Add("from", from); sb.Append(" AND coalesce(e.day, e.period_start) >= @from"); }
        if (q.To is DateOnly to) { Add("to", to); sb.Append(" AND coalesce(e.day, e.period_end) <= @to AND coalesce(e.day, e.period_start) <= @to"); }
        if (q.FirstReportsOnly) sb.Append(" AND e.report_of IS NULL");
        _text = PgTextQuery.Build(q.Q, 0);
        if (_text is not null) sb.Append(" AND e.doc IN (SELECT key FROM documents WHERE tsv @@ ").Append(_text.Sql).Append(')');
        if (!string.IsNullOrEmpty(q.DocumentId))
        {
            Add("document_id", q.DocumentId);
            sb.Append(" AND e.doc = (SELECT key FROM documents WHERE id = @document_id)");
        }
        if (!string.IsNullOrEmpty(q.StoryId))
        {
            // A story names documents as given at ingest: one stored as a duplicate counts as its original.
            Add("story_id", q.StoryId);
            sb.Append(" AND e.doc IN (SELECT sd_doc.key FROM story_documents sd JOIN documents sd_doc ON sd_doc.id = " +
                "coalesce((SELECT x.of_id FROM duplicates x WHERE x.id = sd.document_id), sd.document_id) WHERE sd.story_id = @story_id)");
        }
        Where = sb.ToString();
    }

    public void Bind(NpgsqlCommand cmd)
    {
        foreach (var (name, value) in _parameters) cmd.Parameters.AddWithValue(name, value);
        _text?.Bind(cmd);
    }

    private void Add(string name, object value) => _parameters.Add((name, value));

    /// <summary>True when the filter keeps only some events (any term, or first reports only).</summary>
    public bool FiltersAnything => Where != "TRUE";
}
