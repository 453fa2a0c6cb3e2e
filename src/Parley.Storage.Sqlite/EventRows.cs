using Microsoft.Data.Sqlite;
using Parley.Core;

namespace Parley.Storage.Sqlite;

/// <summary>
/// SQLite's side of the stored event columns (<see cref="EventColumns"/> names and reads them for every store):
/// the parameter binder of the writer and the column types.
/// </summary>
internal static class EventRows
{
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
