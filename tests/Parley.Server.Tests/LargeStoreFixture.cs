using Microsoft.AspNetCore.Builder;
using Parley.Engine.Synthetic;
using Parley.Storage;
using Parley.Storage.Sqlite;

namespace Parley.Server.Tests;

/// <summary>
/// A store of 100,000 generated events (<see cref="SyntheticNews"/>, fixed seed) served by the real server (Kestrel on a
/// free loopback port): exports of tens of megabytes and the dashboard at the scale analysts use it. Filled once for the
/// collection of tests that share it.
/// </summary>
public sealed class LargeStoreFixture : IAsyncLifetime
{
    public const int Events = 100_000;

    private WebApplication _app = null!;

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "parley-server-tests", "large-" + Guid.NewGuid().ToString("N"));
    public SqliteStore Store { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Dir);
        Store = SqliteStore.Open(Path.Combine(Dir, "large.db"));
        await Task.Run(() => SyntheticNews.Fill(Store, Events));
        Store.Optimize();
        _app = ParleyServer.Build(new ServerOptions { Store = Store, Urls = ["http://127.0.0.1:0"] });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class LargeStoreCollection : ICollectionFixture<LargeStoreFixture>
{
    public const string Name = "large store";
}
