using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage.Sqlite;

/// <summary>
/// A statement prepared once on the writer connection's native handle and bound by index. The ingest path
/// uses it instead of <see cref="SqliteCommand"/>, which looks every parameter up by name and boxes every
/// value on each execution: with ~35 columns an event row, that overhead was larger than SQLite's own work.
/// It runs inside whatever transaction the connection has open. Indexes are 0-based here.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public void Set(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index + 1, value));
    public void Set(int index, int value) => Check(raw.sqlite3_bind_int64(_stmt, index + 1, value));
    public void Set(int index, bool value) => Check(raw.sqlite3_bind_int64(_stmt, index + 1, value ? 1 : 0));
    public void Set(int index, double value) => Check(raw.sqlite3_bind_double(_stmt, index + 1, value));

    public void Set(int index, long? value) =>
        Check(value is long v ? raw.sqlite3_bind_int64(_stmt, index + 1, v) : raw.sqlite3_bind_null(_stmt, index + 1));

    public void Set(int index, int? value) =>
        Check(value is int v ? raw.sqlite3_bind_int64(_stmt, index + 1, v) : raw.sqlite3_bind_null(_stmt, index + 1));

    public void Set(int index, double? value) =>
        Check(value is double v ? raw.sqlite3_bind_double(_stmt, index + 1, v) : raw.sqlite3_bind_null(_stmt, index + 1));

    public void Set(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index + 1) : raw.sqlite3_bind_text16(_stmt, index + 1, value.AsSpan()));

    public void Set(int index, byte[]? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index + 1) : raw.sqlite3_bind_blob(_stmt, index + 1, value));

    public void SetNull(int index) => Check(raw.sqlite3_bind_null(_stmt, index + 1));

    /// <summary>Unbinds every parameter: SQLite keeps its own copy of a bound text or blob until then (a huge article's whole text).</summary>
    public void ClearBindings() => Check(raw.sqlite3_clear_bindings(_stmt));

    /// <summary>Binds a boxed value of any of the types above.</summary>
    public void SetValue(int index, object? value)
    {
        switch (value)
        {
            case null: SetNull(index); break;
            case string s: Set(index, s); break;
            case bool b: Set(index, b); break;
            case int i: Set(index, i); break;
            case long l: Set(index, l); break;
            case double d: Set(index, d); break;
            case byte[] bytes: Set(index, bytes); break;
            default: throw new ArgumentException($"no SQLite binding for {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Runs the statement to completion.</summary>
    public void Execute()
    {
        try
        {
            int rc;
            do rc = raw.sqlite3_step(_stmt); while (rc == raw.SQLITE_ROW);
            if (rc != raw.SQLITE_DONE) Throw(rc);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>The first column of the first row as an integer, or null when there is no row or it is NULL.</summary>
    public long? ScalarInt64()
    {
        try { return StepToValue() ? raw.sqlite3_column_int64(_stmt, 0) : null; }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>The first column of the first row as text, or null when there is no row or it is NULL.</summary>
    public string? ScalarText()
    {
        try { return StepToValue() ? raw.sqlite3_column_text(_stmt, 0).utf8_to_string() : null; }
        finally { raw.sqlite3_reset(_stmt); }
    }

    /// <summary>Steps to the first row: true when there is one and its first column is not NULL (the caller reads it, then resets).</summary>
    private bool StepToValue()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_DONE) return false;
        if (rc != raw.SQLITE_ROW) Throw(rc);
        return raw.sqlite3_column_type(_stmt, 0) != raw.SQLITE_NULL;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) Throw(rc);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Throw(int rc) => throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);

    public void Dispose() => _stmt.Dispose();
}
