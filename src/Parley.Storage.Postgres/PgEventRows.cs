using Npgsql;
using NpgsqlTypes;
using Parley.Core;

namespace Parley.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of the stored event columns (<see cref="EventColumns"/> names and reads them for every store):
/// the typed binary COPY writer and the column types, from the field table (never written out here).
/// </summary>
internal static class PgEventRows
{
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
