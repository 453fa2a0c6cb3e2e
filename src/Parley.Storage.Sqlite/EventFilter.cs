using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The WHERE clause of an <see cref="EventQuery"/> over <c>events e</c>, built from fixed SQL fragments with
/// every value bound as a parameter. Code prefixes become index-friendly ranges (code &gt;= p AND code &lt; p')
/// where p' is p with its last character incremented, so "19" matches 190 to 1962 and nothing of root 2.
/// </summary>
internal sealed class EventFilter
{
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly List<(string Sql, bool PerDocument)> _probes = [];

    public string Where { get; }

    /// <summary>
    /// True when the filter names documents (full-text or id): those select few events, found best through
    /// their own indexes. Otherwise aggregations scan the covering day index (see Schema).
    /// </summary>
    public bool NamesDocuments { get; }

    /// <summary>The FROM clause for an aggregation under this filter.</summary>
    public string AggregateSource => NamesDocuments ? "events e" : "events e INDEXED BY events_day";

    public EventFilter(EventQuery q)
    {
        var sb = new StringBuilder("1=1");
        if (Prefix(q.Actor) is { } actor)
        {
            Add("@actor_lo", actor.Lo); Add("@actor_hi", actor.Hi);
            Term(sb, " AND ((e.src_actor >= @actor_lo AND e.src_actor < @actor_hi) OR (e.tgt_actor >= @actor_lo AND e.tgt_actor < @actor_hi))");
            _probes.Add((Capped("events_src_actor", "src_actor >= @actor_lo AND src_actor < @actor_hi") + " + "
                + Capped("events_tgt_actor", "tgt_actor >= @actor_lo AND tgt_actor < @actor_hi"), false));
        }
        if (Prefix(q.SourceActor) is { } source)
        {
            Add("@src_lo", source.Lo); Add("@src_hi", source.Hi);
            Term(sb, " AND e.src_actor >= @src_lo AND e.src_actor < @src_hi");
            _probes.Add((Capped("events_src_actor", "src_actor >= @src_lo AND src_actor < @src_hi"), false));
        }
        if (Prefix(q.TargetActor) is { } target)
        {
            Add("@tgt_lo", target.Lo); Add("@tgt_hi", target.Hi);
            Term(sb, " AND e.tgt_actor >= @tgt_lo AND e.tgt_actor < @tgt_hi");
            _probes.Add((Capped("events_tgt_actor", "tgt_actor >= @tgt_lo AND tgt_actor < @tgt_hi"), false));
        }
        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            Add("@country", q.Country.Trim().ToUpperInvariant());
            Term(sb, " AND (e.src_country = @country OR e.tgt_country = @country OR e.place_country = @country)");
            CountryProbe = _probes.Count;
            _probes.Add((Capped("events_src_country", "src_country = @country") + " + " + Capped("events_tgt_country", "tgt_country = @country")
                + " + " + Capped("events_place_country", "place_country = @country"), false));
        }
        if (Prefix(q.CameoPrefix) is { } cameo)
        {
            Add("@cameo_lo", cameo.Lo); Add("@cameo_hi", cameo.Hi);
            Term(sb, " AND e.cameo >= @cameo_lo AND e.cameo < @cameo_hi");
            _probes.Add((Capped("events_cameo", "cameo >= @cameo_lo AND cameo < @cameo_hi"), false));
        }
        if (q.QuadClass is int quad)
        {
            Add("@quad", quad);
            Term(sb, " AND e.quad_class = @quad");
            _probes.Add((Capped("events_quad", "quad_class = @quad"), false));
        }
        if (q.From is not null || q.To is not null)
        {
            // The day index itself narrows to the range: probe how many events it holds.
            string range = q.From is null ? "day <= @to" : q.To is null ? "day >= @from" : "day >= @from AND day <= @to";
            _probes.Add((Capped("events_day", range), false));
        }
        // An event dated only to a week, month or year has no day: it is in the range when its whole period is.
        if (q.From is DateOnly from)
        {
            Add("@from", Dates.Format(from));
            Term(sb, " AND (e.day >= @from OR e.day IS NULL AND e.period_start >= @from)");
        }
        if (q.To is DateOnly to)
        {
            Add("@to", Dates.Format(to));
            Term(sb, " AND (e.day <= @to OR e.day IS NULL AND e.period_end <= @to)");
        }
        if (q.FirstReportsOnly) sb.Append(" AND e.report_of IS NULL");
        if (FtsQuery.Build(q.Q) is { } match)
        {
            Add("@match", match);
            Term(sb, " AND e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)");
            _probes.Add(("(SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH @match LIMIT @probe_cap))", true));
            NamesDocuments = true;
        }
        if (!string.IsNullOrEmpty(q.DocumentId))
        {
            Add("@document_id", q.DocumentId);
            Term(sb, " AND e.doc = (SELECT key FROM documents WHERE id = @document_id)");
            NamesDocuments = true;
        }
        if (!string.IsNullOrEmpty(q.StoryId))
        {
            // A story names documents as given at ingest: one stored as a duplicate counts as its original.
            Add("@story_id", q.StoryId);
            Term(sb, " AND e.doc IN (SELECT sd_doc.key FROM story_documents sd JOIN documents sd_doc ON sd_doc.id = " +
                "coalesce((SELECT x.of_id FROM duplicates x WHERE x.id = sd.document_id), sd.document_id) WHERE sd.story_id = @story_id)");
            NamesDocuments = true;
        }
        Where = sb.ToString();
    }

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    /// <summary>How many conditions the filter joins.</summary>
    public int TermCount { get; private set; }

    /// <summary>True when the filter names one document: its events are few, whatever else is asked.</summary>
    public bool NamesOneDocument => _parameters.Exists(p => p.Name == "@document_id");

    /// <summary>
    /// One SELECT returning, per filter term that has an index of its own, how many index entries match it,
    /// each count stopped at @probe_cap (so a probe costs at most that many index steps, never a row read).
    /// Null when no term has an index. Full-text probes count documents (see <see cref="ProbeCountsDocuments"/>).
    /// </summary>
    public string? ProbeSql => _probes.Count == 0 ? null : "SELECT " + string.Join(", ", _probes.ConvertAll(p => p.Sql));

    public bool ProbeCountsDocuments(int i) => _probes[i].PerDocument;

    /// <summary>The column of <see cref="ProbeSql"/> counting the country term's events (capped per column), or -1 without a country term.</summary>
    public int CountryProbe { get; } = -1;

    /// <summary>True when the filter has a country term: its events can be walked newest first through the country indexes (see <see cref="CountryWalk"/>).</summary>
    public bool HasCountry => CountryProbe >= 0;

    /// <summary>
    /// The keys and days of the first @page_end events of the filter in <paramref name="orderBy"/> (newest first), found by walking
    /// each country column's (country, day) index backwards and merging the three: a page costs about 3 x @page_end index steps
    /// (plus a row read per step when other terms must be checked), however the country's events spread over time. Walking
    /// the day index instead costs a step per event newer than the country's page, which is most of the store for a country
    /// whose news stopped months ago.
    /// </summary>
    public string CountryWalk(string orderBy)
    {
        string One(string column) =>
            $"SELECT * FROM (SELECT e.key, e.day FROM events e INDEXED BY events_{column} WHERE e.{column} = @country AND {Where} ORDER BY {orderBy} LIMIT @page_end)";
        return "SELECT key FROM (" + One("src_country") + " UNION " + One("tgt_country") + " UNION " + One("place_country") + ") e ORDER BY " + orderBy;
    }

    private static string Capped(string index, string condition) =>
        $"(SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY {index} WHERE {condition} LIMIT @probe_cap))";

    public void Bind(SqliteCommand cmd)
    {
        foreach (var (name, value) in _parameters) cmd.Parameters.AddWithValue(name, value);
    }

    private void Add(string name, object value) => _parameters.Add((name, value));

    private void Term(StringBuilder where, string condition)
    {
        where.Append(condition);
        TermCount++;
    }

    private static (string Lo, string Hi)? Prefix(string? code) => CodePrefix.Range(code);
}
