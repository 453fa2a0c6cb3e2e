using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>A command prepared once and executed many times with new parameter values (no SQL is rebuilt per row).</summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (int i = 0; i < parameterNames.Length; i++)
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
    }

    public SqliteCommand Command => _command;

    /// <summary>Binds the command to the current transaction (Microsoft.Data.Sqlite requires it) and prepares it once.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        _command.Prepare();
    }

    public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    public int Execute() => _command.ExecuteNonQuery();

    public object? Scalar()
    {
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public SqliteDataReader Reader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
