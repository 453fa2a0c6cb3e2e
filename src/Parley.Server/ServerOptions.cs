using Parley.Engine;
using Parley.Storage;

namespace Parley.Server;

/// <summary>What <see cref="ParleyServer.Build"/> needs: the store, where to listen, and who may write.</summary>
public sealed record ServerOptions
{
    public required IParleyStore Store { get; init; }

    /// <summary>Addresses to listen on; loopback only unless told otherwise.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5000"];

    /// <summary>Key that POST /api/documents must carry in X-Api-Key. Null: writes are refused (403).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Creates the engine that processes posted articles (called once, on the first POST).</summary>
    public Func<ParleyEngine>? EngineFactory { get; init; }

    /// <summary>Largest request body accepted (bytes).</summary>
    public long MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Largest page of any list endpoint.</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>Largest number of rows one export streams.</summary>
    public int MaxExportRows { get; init; } = 1_000_000;

    /// <summary>Names beside codes (default: the installation's data/cameo).</summary>
    public Parley.Engine.Export.CodeLabels? Labels { get; init; }

    /// <summary>Extra configuration of the host (tests use it to swap Kestrel for TestServer).</summary>
    public Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
