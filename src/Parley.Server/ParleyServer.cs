using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Engine;

namespace Parley.Server;

/// <summary>The HTTP API and dashboard of `parley serve`: wiring only, each feature maps its own endpoints.</summary>
public static class ParleyServer
{
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ParleyServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddSingleton(new EngineHolder(options.EngineFactory ?? (() => ParleyEngine.Create()), options.Store));
        builder.Services.AddSingleton(DashboardAssets.Load());
        builder.Services.AddSingleton(options.Labels ?? Parley.Engine.Export.CodeLabels.Shared);
        builder.Services.Configure<JsonOptions>(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Numbers are numbers (the web defaults would also accept and describe them as strings).
            j.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddParleyOpenApi();
        options.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // The dashboard loads nothing from elsewhere; a strict policy keeps injected markup inert too.
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Content-Security-Policy"] =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            await next(context);
        });
        app.UseJsonErrors();
        app.MapOpenApi();
        app.MapOpenApi("/openapi.json");
        app.MapHealth();
        app.MapDocuments();
        app.MapEvents();
        app.MapEventExports();
        app.MapAggregates();
        app.MapDashboard();
        return app;
    }
}

/// <summary>The engine and ingest service for posted articles, created on first use (loading models takes seconds).</summary>
internal sealed class EngineHolder(Func<ParleyEngine> factory, Parley.Storage.IParleyStore store)
{
    private readonly Lazy<IngestRunner> _ingest = new(() => new IngestRunner(factory(), store), LazyThreadSafetyMode.ExecutionAndPublication);
    public ParleyEngine Engine => _ingest.Value.Engine;
    public IngestRunner Ingest => _ingest.Value;
}
