using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The stored columns of an event row, in the order of <see cref="EventFields.Stored"/>, and their reader; shared
/// by document loading and event queries. The column list comes from the field table, never written out here.
/// </summary>
internal static class EventRows
{
    public static readonly string Columns = string.Join(", ", EventFields.Stored.Select(f => "e." + f.Column));

    public static int ColumnCount => EventFields.Stored.Count;

    /// <summary>The event whose stored fields start at column <paramref name="at"/>.</summary>
    public static EventRecord Read(SqliteDataReader r, int at)
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
                case EventField<bool> flag: flag.Set(e, r.GetInt64(column) != 0); break;
                case var other: other.Unbox(e, r.GetValue(column)); break;
            }
        }
        return e;
    }

    /// <summary>Binds the stored fields of <paramref name="e"/> from parameter <paramref name="at"/> on.</summary>
    public static void Bind(RawStatement c, int at, EventRecord e)
    {
        var fields = EventFields.Stored;
        for (int i = 0; i < fields.Count; i++)
        {
            int p = at + i;
            switch (fields[i])
            {
                case EventField<string?> text: c.Set(p, text.Get(e)); break;
                case EventField<int> number: c.Set(p, number.Get(e)); break;
                case EventField<int?> number: c.Set(p, number.Get(e)); break;
                case EventField<long?> number: c.Set(p, number.Get(e)); break;
                case EventField<double> real: c.Set(p, real.Get(e)); break;
                case EventField<double?> real: c.Set(p, real.Get(e)); break;
                case EventField<bool> flag: c.Set(p, flag.Get(e)); break;
                case var other: c.SetValue(p, other.Box(e)); break;
            }
        }
    }

    /// <summary>The SQL type of a field's column.</summary>
    public static string SqlType(EventField f) => f.Kind switch
    {
        EventFieldKind.Text => "TEXT",
        EventFieldKind.Real => "REAL",
        _ => "INTEGER",
    };
}
