using Parley.Storage.Tests;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>A store in a fresh temporary file, deleted (with its -wal and -shm files) on dispose.</summary>
internal sealed class TempStore : IStoreHarness
{
    public TempStore()
    {
        Dir = Path.Combine(Path.GetTempPath(), "parley-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        FilePath = Path.Combine(Dir, "test.db");
        Store = SqliteStore.Open(FilePath);
    }

    public string Dir { get; }
    public string FilePath { get; }
    public SqliteStore Store { get; private set; }
    IParleyStore IStoreHarness.Store => Store;

    public SqliteStore Reopen()
    {
        Store.Dispose();
        Store = SqliteStore.Open(FilePath);
        return Store;
    }

    IParleyStore IStoreHarness.Reopen() => Reopen();

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
