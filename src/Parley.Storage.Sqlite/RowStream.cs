using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Interns the short codes an aggregation groups by (actor codes, countries, place names) straight from
/// SQLite's UTF-8 bytes: a code seen before costs a lookup and no allocation. Codes of up to 15 bytes
/// (every CAMEO actor and country code) are looked up by their bytes packed into one 128-bit number.
/// </summary>
internal sealed class CodeTable
{
    private readonly Dictionary<UInt128, int> _packed = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _strings = [];

    public CodeTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public string this[int id] => _strings[id];

    public int Id(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < 16)
        {
            Span<byte> buffer = stackalloc byte[16];
            buffer.Clear();
            utf8.CopyTo(buffer);
            buffer[15] = (byte)utf8.Length;
            var key = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(buffer);
            if (_packed.TryGetValue(key, out int known)) return known;
            int added = Add(Encoding.UTF8.GetString(utf8));
            _packed[key] = added;
            return added;
        }
        if (utf8.Length > 256) return Add(Encoding.UTF8.GetString(utf8));
        Span<char> chars = stackalloc char[256];
        int n = Encoding.UTF8.GetChars(utf8, chars);
        return _lookup.TryGetValue(chars[..n], out int id) ? id : Add(new string(chars[..n]));
    }

    private int Add(string value)
    {
        if (_ids.TryGetValue(value, out int id)) return id;
        id = _strings.Count;
        _strings.Add(value);
        _ids[value] = id;
        return id;
    }
}

/// <summary>
/// Steps through the rows of one query on a reader connection's native handle, for aggregations that are
/// cheaper to group in a dictionary here than in SQLite's sorter (which costs several times the index scan
/// itself at 100,000 rows). Parameters are bound by name from an <see cref="EventFilter"/>.
/// </summary>
internal sealed class RowStream : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RowStream(SqliteConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        foreach (var (name, value) in parameters)
        {
            int index = raw.sqlite3_bind_parameter_index(_stmt, name);
            if (index == 0) continue;
            Check(value switch
            {
                string s => raw.sqlite3_bind_text16(_stmt, index, s.AsSpan()),
                int i => raw.sqlite3_bind_int64(_stmt, index, i),
                long l => raw.sqlite3_bind_int64(_stmt, index, l),
                double d => raw.sqlite3_bind_double(_stmt, index, d),
                _ => throw new ArgumentException($"Unsupported parameter type {value.GetType().Name}."),
            });
        }
    }

    public bool Read()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        throw Error(rc);
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>The id of a text column's value in <paramref name="codes"/>, or -1 for NULL.</summary>
    public int Code(int column, CodeTable codes) => IsNull(column) ? -1 : codes.Id(raw.sqlite3_column_blob(_stmt, column));

    public double Double(int column) => raw.sqlite3_column_double(_stmt, column);

    public double? NullableDouble(int column) => IsNull(column) ? null : raw.sqlite3_column_double(_stmt, column);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    private SqliteException Error(int rc) => new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);

    public void Dispose() => _stmt.Dispose();
}
