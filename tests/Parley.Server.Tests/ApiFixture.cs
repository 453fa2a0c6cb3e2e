using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Parley.Core;
using Parley.Engine;

namespace Parley.Server.Tests;

/// <summary>The server over a <see cref="TestStore"/>, in memory (TestServer), with an API key and an engine that only cleans.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Key = "test-key-123";

    private TestStore _store = null!;
    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;
    internal TestStore Store => _store;

    public async Task InitializeAsync()
    {
        _store = new TestStore();
        _app = ParleyServer.Build(new ServerOptions
        {
            Store = _store.Store,
            ApiKey = Key,
            // No models needed: posted articles are cleaned and stored without annotation layers.
            EngineFactory = () => ParleyEngine.Create(new EngineOptions { Layers = Layers.Clean | Layers.Language }),
            ConfigureBuilder = b => b.WebHost.UseTestServer(),
        });
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
