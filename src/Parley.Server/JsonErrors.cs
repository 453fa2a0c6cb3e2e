using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Parley.Server;

/// <summary>
/// Every error answer is JSON with a message (<see cref="ApiError"/>): an exception that escapes an endpoint becomes
/// a 500 naming its type (never an empty body or a stack trace), a bad request the framework rejects keeps its status,
/// and any other error status sent without a body (404 of an unknown path, 405, 401) gets one.
/// </summary>
internal static class JsonErrors
{
    public static IApplicationBuilder UseJsonErrors(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away: nobody to answer.
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                await Write(context, e.StatusCode, e.Message);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                await Write(context, StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name})");
            }
        });
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            string reason = ReasonPhrases.GetReasonPhrase(response.StatusCode);
            string path = context.HttpContext.Request.Path.Value ?? "";
            string message = response.StatusCode == StatusCodes.Status404NotFound ? $"no such resource: {path}" : reason.ToLowerInvariant();
            await Write(context.HttpContext, response.StatusCode, message);
        });
        return app;
    }

    private static async Task Write(HttpContext context, int status, string message)
    {
        // Not Response.Clear(): that would drop the security headers set before the endpoint ran.
        context.Response.Headers.ContentLength = null;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = message }), context.RequestAborted);
    }
}
