using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>The column list of an event row and its reader, shared by document loading and event queries.</summary>
internal static class EventRows
{
    public const string Columns =
        """
        e.sentence, e.src_text, e.src_actor, e.src_country, e.src_name, e.src_start, e.src_end,
        e.tgt_text, e.tgt_actor, e.tgt_country, e.tgt_name, e.tgt_start, e.tgt_end,
        e.cameo, e.plover, e.quad_class, e.goldstein, e.date,
        e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_geonameid,
        e.negated, e.evidence_start, e.evidence_end, e.rule, e.confidence, e.trigger_start, e.trigger_end
        """;

    public const int ColumnCount = 30;

    public static EventRecord Read(SqliteDataReader r, int at)
    {
        return new EventRecord
        {
            Sentence = r.GetInt32(at),
            Source = Actor(r, at + 1),
            Target = Actor(r, at + 7),
            Cameo = r.GetString(at + 13),
            Plover = SqliteStore.NullableString(r, at + 14),
            QuadClass = r.GetInt32(at + 15),
            Goldstein = r.GetDouble(at + 16),
            Date = SqliteStore.NullableString(r, at + 17),
            Place = r.IsDBNull(at + 18) ? null : new EventPlace
            {
                Name = r.GetString(at + 18),
                Country = SqliteStore.NullableString(r, at + 19),
                Lat = SqliteStore.NullableDouble(r, at + 20),
                Lon = SqliteStore.NullableDouble(r, at + 21),
                GeonameId = SqliteStore.NullableLong(r, at + 22),
            },
            Negated = r.GetInt64(at + 23) != 0,
            EvidenceStart = r.GetInt32(at + 24),
            EvidenceEnd = r.GetInt32(at + 25),
            Rule = r.GetString(at + 26),
            Confidence = r.GetDouble(at + 27),
            TriggerStart = r.GetInt32(at + 28),
            TriggerEnd = r.GetInt32(at + 29),
        };
    }

    private static EventActor? Actor(SqliteDataReader r, int at)
    {
        if (r.IsDBNull(at)) return null;
        return new EventActor
        {
            Text = r.GetString(at),
            Actor = SqliteStore.NullableString(r, at + 1),
            Country = SqliteStore.NullableString(r, at + 2),
            Name = SqliteStore.NullableString(r, at + 3),
            Start = r.GetInt32(at + 4),
            End = r.GetInt32(at + 5),
        };
    }
}
