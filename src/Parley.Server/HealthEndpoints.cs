using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;

namespace Parley.Server;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithTags("health").WithSummary("200 when the store answers, 503 when it does not.");
        return app;
    }

    private static Results<Ok<HealthItem>, JsonHttpResult<HealthItem>> Health(IParleyStore store)
    {
        try
        {
            return TypedResults.Ok(new HealthItem("ok", store.GetStats().Documents));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            return TypedResults.Json(new HealthItem("store unavailable: " + e.Message, 0), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
