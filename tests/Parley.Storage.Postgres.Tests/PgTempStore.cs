using Npgsql;
using Parley.Storage.Tests;

namespace Parley.Storage.Postgres.Tests;

/// <summary>A store in a fresh database of the test server (dropped on dispose); skips the test when the server does not answer.</summary>
internal sealed class PgTempStore : IStoreHarness
{
    public PgTempStore()
    {
        TestServices.RequirePostgres();
        Database = "parley_test_" + Guid.NewGuid().ToString("N")[..16];
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnection) { Database = Database }.ConnectionString;
        Store = PostgresStore.Open(ConnectionString);
    }

    public string Database { get; }
    public string ConnectionString { get; }
    public PostgresStore Store { get; private set; }
    IParleyStore IStoreHarness.Store => Store;

    public PostgresStore Reopen()
    {
        Store.Dispose();
        Store = PostgresStore.Open(ConnectionString);
        return Store;
    }

    IParleyStore IStoreHarness.Reopen() => Reopen();

    public void Dispose()
    {
        Store.Dispose();
        Drop(Database);
    }

    /// <summary>Drops a test database, ending its connections.</summary>
    public static void Drop(string database)
    {
        var b = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnection) { Database = "postgres", Pooling = false };
        using var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
