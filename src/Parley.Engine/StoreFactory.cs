using Parley.Storage;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Engine;

/// <summary>
/// Opens the store named on the command line: --db FILE (SQLite), or --store LOCATION, where LOCATION is a
/// PostgreSQL URI (postgres://user@host:port/database) or connection string (Host=...;Database=...), or a
/// SQLite file (a path or sqlite:PATH). The one place that names a store implementation: everything else
/// sees <see cref="IParleyStore"/>.
/// </summary>
public static class StoreFactory
{
    public const string DefaultDbFile = "parley.db";

    public static IParleyStore Open(string? db, string? store, bool mustExist = false)
    {
        if (db is not null && store is not null) throw new ArgumentException("give either --db or --store, not both");
        if (store is not null && PgLocation.Names(store))
        {
            try
            {
                return PostgresStore.Open(store);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new IOException($"--store {Describe(store)}: cannot open the PostgreSQL store: {e.Message}", e);
            }
        }
        string path = db ?? DefaultDbFile;
        if (store is not null)
        {
            if (store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) path = store["sqlite:".Length..];
            else if (store.Contains('=', StringComparison.Ordinal) || store.Contains("://", StringComparison.Ordinal))
                throw new ArgumentException($"--store '{store}': not a store location (a PostgreSQL URI or connection string with Host=, or a SQLite file)");
            else path = store;
        }
        if (mustExist && !File.Exists(path)) throw new FileNotFoundException($"no store at {path} (run 'parley ingest' first)", path);
        return SqliteStore.Open(path);
    }

    /// <summary>Deletes a PostgreSQL store's database (benchmarks make and drop their own); a SQLite location is refused.</summary>
    public static void Drop(string store)
    {
        if (!PgLocation.Names(store)) throw new ArgumentException($"--store '{store}': only a PostgreSQL store's database is dropped here");
        PostgresStore.DropDatabase(store);
    }

    /// <summary>The same location with another database name (a PostgreSQL URI or connection string).</summary>
    public static string WithDatabase(string store, string database)
    {
        if (!PgLocation.Names(store)) throw new ArgumentException($"--store '{store}': not a PostgreSQL store");
        return PgLocation.WithDatabase(store, database);
    }

    /// <summary>True when the location names a store that many processes can write at once (PostgreSQL).</summary>
    public static bool IsShared(string? store) => store is not null && PgLocation.Names(store);

    /// <summary>The location for messages, without any password.</summary>
    public static string Describe(string store)
    {
        try { return PgLocation.Names(store) ? PgLocation.Describe(PgLocation.ToConnectionString(store)) : store; }
        catch (ArgumentException) { return "(unreadable location)"; }
    }
}
