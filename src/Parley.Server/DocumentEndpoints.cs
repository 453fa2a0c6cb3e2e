using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Parley.Core;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Server;

/// <summary>/api/documents: search and listing, one document as the contract's object, and ingest by POST.</summary>
internal static class DocumentEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("documents");
        group.MapGet("", Search)
            .WithSummary("Documents: full-text search and listing")
            .WithDescription("With q: documents ranked by relevance (bm25), with a snippet marking the matches (U+0002 ... U+0003). " +
                "Without: newest first, the snippet being the start of the text. from/to bound the publication date; the event filters (actor, source, target, country, " +
                "cameo, quad_class, story, distinct) keep documents reporting at least one such event.")
            .WithQueryParameters(ApiParameters.DocumentFilters, ApiParameters.Page);
        // A catch-all: ids may hold "/" (feed items are often identified by their URL), escaped (%2F) or not.
        group.MapGet("/{**id}", Get)
            .WithSummary("One document object, exactly as `parley code` prints it")
            .WithDescription("Text, sentences, entities, places, dates, quotes and events of a stored document. The id may hold \"/\" and " +
                "may be percent-escaped. A document stored as a duplicate of another is answered with the original.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", responseType: typeof(DocumentObject));
        // The body is read as text whatever its declared media type (a JSONL line is JSON), so no Accepts constraint:
        // the OpenAPI description declares the body (see OpenApiSetup).
        group.MapPost("", Post)
            .WithSummary("Ingests one article")
            .WithDescription("The body is one JSON object as a JSONL input line (text; optional id, title, date or published, url, source). " +
                "Needs header X-Api-Key equal to the configured key (401 otherwise; 403 when the server has no key). Answers 201 with the " +
                "stored id and a Location header.")
            .WithMetadata(new RequestBodyMetadata(typeof(ArticleInput), "The article: a JSON object as one line of a JSONL input."))
            .WithMetadata(new RequiresApiKeyMetadata())
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    private static Results<Ok<Page<DocumentItem>>, BadRequest<ApiError>> Search(HttpRequest request, IParleyStore store, ServerOptions options)
    {
        if (!ApiQuery.TryDocumentQuery(request, options.MaxPageSize, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error!));
        var hits = store.SearchDocuments(query, out int total);
        var items = new List<DocumentItem>(hits.Count);
        foreach (var h in hits)
            items.Add(new DocumentItem(h.Id, h.Title, ApiFormat.Day(h.Published), h.Source, h.Url, h.Language, h.Sentences, h.Events, h.Snippet));
        return TypedResults.Ok(new Page<DocumentItem>(total, query.Limit, query.Offset, items));
    }

    private static Results<ContentHttpResult, NotFound<ApiError>> Get(string id, IParleyStore store)
    {
        var doc = store.LoadDocument(id);
        // The server leaves "%2F" escaped in paths; every other escape is already decoded.
        if (doc is null && id.Contains('%', StringComparison.Ordinal))
        {
            string unescaped = Uri.UnescapeDataString(id);
            if (unescaped != id)
            {
                doc = store.LoadDocument(unescaped);
                if (doc is not null) id = unescaped;
            }
        }
        if (doc is null && store.ResolveId(id) is { } original && original != id) doc = store.LoadDocument(original);
        if (doc is null) return TypedResults.NotFound(new ApiError($"no document with id '{id}'"));
        return TypedResults.Text(DocumentJson.ToJson(doc), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Created<IngestItem>, BadRequest<ApiError>, UnauthorizedHttpResult, ProblemHttpResult, JsonHttpResult<ApiError>>> Post(
        HttpRequest request, ServerOptions options, EngineHolder engine, CancellationToken cancellationToken)
    {
        if (options.ApiKey is null)
            return TypedResults.Json(new ApiError("writes are disabled: start the server with --api-key or PARLEY_API_KEY"), statusCode: StatusCodes.Status403Forbidden);
        if (!KeyMatches(request.Headers[ApiKeyHeader].ToString(), options.ApiKey))
            return TypedResults.Unauthorized();
        if (request.ContentLength is long declared && declared > options.MaxBodyBytes)
            return TypedResults.Json(new ApiError($"body larger than {options.MaxBodyBytes} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);

        byte[] body;
        try
        {
            body = await ReadBody(request, options.MaxBodyBytes, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Json(new ApiError(e.Message), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Json(new ApiError($"body larger than {options.MaxBodyBytes} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        // The bytes as sent: invalid UTF-8 is refused exactly as in a JSONL file, not replaced.
        var item = ArticleReader.ParseJson(body, "POST /api/documents");
        if (item.Article is null) return TypedResults.BadRequest(new ApiError(item.Problem?.Message ?? "not an article"));

        Document doc;
        DocumentSaveResult saved;
        try
        {
            (doc, saved) = engine.Ingest.IngestOne(item.Article, cancellationToken);
        }
        catch (BadInputException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
        string id = saved.Status == SaveStatus.Duplicate && saved.DuplicateOf is { } of ? of : saved.Id;
        var notes = new List<string>(engine.Engine.MissingStages);
        if (item.Problem is { } p) notes.Add(p.Message);
        return TypedResults.Created($"/api/documents/{Uri.EscapeDataString(id)}",
            new IngestItem(id, saved.Status.ToString().ToLowerInvariant(), doc.Events.Count, notes));
    }

    /// <summary>Compares in constant time so the key cannot be guessed from response times.</summary>
    private static bool KeyMatches(string given, string expected)
    {
        if (string.IsNullOrEmpty(given)) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + n > max) throw new InvalidDataException($"body larger than {max} bytes");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
