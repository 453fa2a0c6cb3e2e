using Parley.Storage;
using Parley.Storage.Sqlite;

namespace Parley.Engine;

/// <summary>
/// Opens the store named on the command line: --db FILE, or --store CONNECTION. The one place that names a
/// store implementation: everything else sees <see cref="IParleyStore"/>.
/// </summary>
public static class StoreFactory
{
    public const string DefaultDbFile = "parley.db";

    public static IParleyStore Open(string? db, string? store, bool mustExist = false)
    {
        if (db is not null && store is not null) throw new ArgumentException("give either --db or --store, not both");
        string path = db ?? DefaultDbFile;
        if (store is not null)
        {
            if (store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) path = store["sqlite:".Length..];
            else if (store.Contains('=', StringComparison.Ordinal))
                throw new ArgumentException($"--store '{store}': only SQLite stores (a file path or sqlite:PATH) are supported in this build");
            else path = store;
        }
        if (mustExist && !File.Exists(path)) throw new FileNotFoundException($"no store at {path} (run 'parley ingest' first)", path);
        return SqliteStore.Open(path);
    }
}
