using System.Data.Common;
using Parley.Core;

namespace Parley.Storage;

/// <summary>
/// The stored columns of an event row as every store's events table holds them: in the order of
/// <see cref="EventFields.Stored"/>, named by the field table (never written out here), read back by one reader.
/// A store adds only what is its own: its column types and how it binds or copies a value.
/// </summary>
internal static class EventColumns
{
    /// <summary>The select list of the stored fields, on the events table aliased <c>e</c>.</summary>
    public static readonly string Select = string.Join(", ", EventFields.Stored.Select(f => "e." + f.Column));

    /// <summary>The column list of the stored fields (for an INSERT or a COPY).</summary>
    public static readonly string Names = string.Join(", ", EventFields.Stored.Select(f => f.Column));

    /// <summary>The event whose stored fields start at column <paramref name="at"/> (a NULL leaves the field unset).</summary>
    public static EventRecord Read(DbDataReader r, int at)
    {
        var e = new EventRecord { Cameo = "", Rule = "" };
        var fields = EventFields.Stored;
        for (int i = 0; i < fields.Count; i++)
        {
            int column = at + i;
            if (r.IsDBNull(column)) continue;
            switch (fields[i])
            {
                case EventField<string?> text: text.Set(e, r.GetString(column)); break;
                case EventField<int> number: number.Set(e, r.GetInt32(column)); break;
                case EventField<int?> number: number.Set(e, r.GetInt32(column)); break;
                case EventField<long?> number: number.Set(e, r.GetInt64(column)); break;
                case EventField<double> real: real.Set(e, r.GetDouble(column)); break;
                case EventField<double?> real: real.Set(e, r.GetDouble(column)); break;
                // A boolean column (PostgreSQL) or an integer 0/1 (SQLite): both providers read either as a bool.
                case EventField<bool> flag: flag.Set(e, r.GetBoolean(column)); break;
                case var other: other.Unbox(e, r.GetValue(column)); break;
            }
        }
        return e;
    }

    /// <summary>The column an order of events sorts on (each in the narrow day index).</summary>
    public static string SortColumn(EventSortKey key) => key switch
    {
        EventSortKey.Cameo => "e.cameo",
        EventSortKey.QuadClass => "e.quad_class",
        EventSortKey.Goldstein => "e.goldstein",
        EventSortKey.Source => "e.src_actor",
        EventSortKey.Target => "e.tgt_actor",
        EventSortKey.Place => "e.place_name",
        _ => "e.day",
    };
}
