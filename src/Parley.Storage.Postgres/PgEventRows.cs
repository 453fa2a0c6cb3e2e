using Npgsql;
using NpgsqlTypes;
using Parley.Core;

namespace Parley.Storage.Postgres;

/// <summary>
/// The stored columns of an event row, in the order of <see cref="EventFields.Stored"/>: the select list, the COPY
/// column list, the typed binary writer and the reader, all from the field table (never written out here).
/// </summary>
internal static class PgEventRows
{
    public static readonly string Columns = string.Join(", ", EventFields.Stored.Select(f => "e." + f.Column));

    public static readonly string CopyColumns = string.Join(", ", EventFields.Stored.Select(f => f.Column));

    /// <summary>Writes the stored fields of one event into a binary COPY row.</summary>
    public static void Write(NpgsqlBinaryImporter w, EventRecord e)
    {
        foreach (var field in EventFields.Stored)
        {
            switch (field)
            {
                case EventField<string?> text: if (text.Get(e) is { } s) w.Write(s, NpgsqlDbType.Text); else w.WriteNull(); break;
                case EventField<int> number: w.Write(number.Get(e), NpgsqlDbType.Integer); break;
                case EventField<int?> number: if (number.Get(e) is int i) w.Write(i, NpgsqlDbType.Integer); else w.WriteNull(); break;
                case EventField<long?> number: if (number.Get(e) is long l) w.Write(l, NpgsqlDbType.Bigint); else w.WriteNull(); break;
                case EventField<double> real: w.Write(real.Get(e), NpgsqlDbType.Double); break;
                case EventField<double?> real: if (real.Get(e) is double d) w.Write(d, NpgsqlDbType.Double); else w.WriteNull(); break;
                case EventField<bool> flag: w.Write(flag.Get(e), NpgsqlDbType.Boolean); break;
                default: throw new NotSupportedException($"event field {field.Name}: no PostgreSQL column type");
            }
        }
    }

    /// <summary>The event whose stored fields start at column <paramref name="at"/>.</summary>
    public static EventRecord Read(NpgsqlDataReader r, int at)
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
                case EventField<bool> flag: flag.Set(e, r.GetBoolean(column)); break;
                case var other: other.Unbox(e, r.GetValue(column)); break;
            }
        }
        return e;
    }

    /// <summary>The PostgreSQL type of a field's column.</summary>
    public static string SqlType(EventField f) => f switch
    {
        EventField<long?> => "bigint",
        _ => f.Kind switch
        {
            EventFieldKind.Text => "text",
            EventFieldKind.Real => "double precision",
            EventFieldKind.Boolean => "boolean",
            _ => "int",
        },
    };
}
