using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Parley.Server;

/// <summary>One file of the dashboard: its bytes, media type and validator.</summary>
internal sealed record DashboardAsset(byte[] Content, string ContentType, string ETag);

/// <summary>
/// The dashboard's static files, embedded in this assembly (wwwroot/**) and held in memory, so the server needs
/// no files on disk and no build step beyond `dotnet build`.
/// </summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "wwwroot/";
    private readonly FrozenDictionary<string, DashboardAsset> _files;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> files) => _files = files;

    public int Count => _files.Count;

    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            string etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8) + "\"";
            files[name[Prefix.Length..].Replace('\\', '/')] = new DashboardAsset(bytes, ContentType(name), etag);
        }
        return new DashboardAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public DashboardAsset? Find(string path) => _files.TryGetValue(path, out var a) ? a : null;

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "text/plain; charset=utf-8",
    };
}

internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext c, DashboardAssets assets) => Serve(c, assets, "index.html")).ExcludeFromDescription();
        app.MapGet("/{**path}", (string path, HttpContext c, DashboardAssets assets) =>
        {
            if (path.StartsWith("api/", StringComparison.Ordinal))
                return Results.Json(new ApiError($"no endpoint /{path}"), statusCode: StatusCodes.Status404NotFound);
            return Serve(c, assets, path);
        }).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, DashboardAssets assets, string path)
    {
        var asset = assets.Find(path);
        if (asset is null) return Results.NotFound();
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = path.StartsWith("vendor/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
