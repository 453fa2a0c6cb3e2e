using System.Text.Json;

namespace Parley.Server.Tests;

/// <summary>The OpenAPI description says everything a client needs: parameters, bodies, answers, content types and the key scheme.</summary>
public sealed class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private static readonly string[] EventFilterNames =
        ["actor", "source", "target", "country", "cameo", "quad_class", "from", "to", "q", "document", "story", "distinct"];

    private async Task<JsonElement> Spec()
    {
        using var json = JsonDocument.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"));
        return json.RootElement.Clone();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement spec)
    {
        foreach (var path in spec.GetProperty("paths").EnumerateObject())
            foreach (var method in Methods)
                if (path.Value.TryGetProperty(method, out var op)) yield return (path.Name, method, op);
    }

    private static HashSet<string> ParameterNames(JsonElement op, string location = "query")
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (op.TryGetProperty("parameters", out var ps))
            foreach (var p in ps.EnumerateArray())
                if (p.GetProperty("in").GetString() == location) names.Add(p.GetProperty("name").GetString()!);
        return names;
    }

    [Fact]
    public async Task Every_operation_describes_its_parameters_and_answers()
    {
        var spec = await Spec();
        var problems = new List<string>();
        int operations = 0;
        foreach (var (path, method, op) in Operations(spec))
        {
            operations++;
            string where = $"{method.ToUpperInvariant()} {path}";
            if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())) problems.Add(where + ": no summary");
            if (op.TryGetProperty("parameters", out var parameters))
            {
                foreach (var p in parameters.EnumerateArray())
                {
                    string name = p.GetProperty("name").GetString()!;
                    if (!p.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString())) problems.Add($"{where}: parameter {name} has no description");
                    if (!p.TryGetProperty("schema", out var s) || !s.TryGetProperty("type", out _)) problems.Add($"{where}: parameter {name} has no typed schema");
                }
            }
            var responses = op.GetProperty("responses");
            bool success = false;
            foreach (var r in responses.EnumerateObject())
            {
                if (!r.Value.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString())) problems.Add($"{where}: answer {r.Name} has no description");
                if (r.Name.StartsWith('2'))
                {
                    success = true;
                    if (!r.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any()) problems.Add($"{where}: answer {r.Name} has no content type");
                }
            }
            if (!success) problems.Add(where + ": no success answer");
            if (path.Contains('{', StringComparison.Ordinal) && ParameterNames(op, "path").Count == 0) problems.Add(where + ": path parameter not described");
        }
        Assert.True(operations >= 16, $"only {operations} operations described");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Filters_pages_and_orders_are_declared_where_they_are_read()
    {
        var spec = await Spec();
        var paths = spec.GetProperty("paths");
        var events = ParameterNames(paths.GetProperty("/api/events").GetProperty("get"));
        Assert.Superset(new HashSet<string>([.. EventFilterNames, "sort", "limit", "offset"]), events);
        foreach (var export in new[] { "/api/events.csv", "/api/events.jsonl", "/api/events.tsv", "/api/events.parquet" })
            Assert.Superset(new HashSet<string>([.. EventFilterNames, "sort", "limit", "offset"]), ParameterNames(paths.GetProperty(export).GetProperty("get")));
        foreach (var aggregate in new[] { "/api/actors", "/api/actor-pairs", "/api/timeline", "/api/places", "/api/countries" })
            Assert.Superset(new HashSet<string>(EventFilterNames), ParameterNames(paths.GetProperty(aggregate).GetProperty("get")));
        Assert.Contains("bin", ParameterNames(paths.GetProperty("/api/timeline").GetProperty("get")));
        Assert.Superset(new HashSet<string>(["q", "from", "to", "actor", "country", "cameo", "quad_class", "limit", "offset"]),
            ParameterNames(paths.GetProperty("/api/documents").GetProperty("get")));
        Assert.Superset(new HashSet<string>(["field", "q", "limit"]), ParameterNames(paths.GetProperty("/api/suggest").GetProperty("get")));
        var quad = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "quad_class");
        Assert.Equal("integer", quad.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("4", quad.GetProperty("schema").GetProperty("maximum").ToString());
    }

    [Fact]
    public async Task Writing_declares_its_body_and_the_api_key_scheme()
    {
        var spec = await Spec();
        var scheme = spec.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var post = spec.GetProperty("paths").GetProperty("/api/documents").GetProperty("post");
        Assert.Contains(post.GetProperty("security").EnumerateArray(), s => s.TryGetProperty("ApiKey", out _));
        var body = post.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains("text", schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        foreach (var field in new[] { "text", "id", "title", "date", "published", "url", "source" })
            Assert.True(schema.GetProperty("properties").TryGetProperty(field, out _), field);
        foreach (var status in new[] { "201", "400", "401", "403", "413" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), status);
        // Reads need no key.
        Assert.False(spec.GetProperty("paths").GetProperty("/api/events").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Answers_have_their_content_types_and_schemas()
    {
        var spec = await Spec();
        var paths = spec.GetProperty("paths");
        var byId = paths.GetProperty("/api/documents/{id}").GetProperty("get").GetProperty("responses");
        Assert.True(byId.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out var document));
        Assert.True(document.GetProperty("schema").TryGetProperty("$ref", out _));
        Assert.True(byId.TryGetProperty("404", out _));
        foreach (var (path, type) in new[] { ("/api/events.csv", "text/csv"), ("/api/events.jsonl", "application/x-ndjson"),
            ("/api/events.tsv", "text/tab-separated-values"), ("/api/events.parquet", "application/vnd.apache.parquet") })
            Assert.True(paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(type, out _), path);
    }

    /// <summary>Every key of a JSON value, as dotted paths ("source.actor"); arrays of objects contribute their items' keys.</summary>
    private static SortedSet<string> Keys(JsonElement value, string prefix = "")
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in value.EnumerateObject())
            {
                keys.Add(prefix + p.Name);
                keys.UnionWith(Keys(p.Value, prefix + p.Name + "."));
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) keys.UnionWith(Keys(item, prefix));
        }
        return keys;
    }

    private static SortedSet<string> SchemaKeys(JsonElement spec, JsonElement schema, string prefix = "")
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("$ref", out var reference))
            schema = spec.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.TryGetProperty("items", out var items)) keys.UnionWith(SchemaKeys(spec, items, prefix));
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var p in properties.EnumerateObject())
            {
                keys.Add(prefix + p.Name);
                keys.UnionWith(SchemaKeys(spec, p.Value, prefix + p.Name + "."));
            }
        }
        return keys;
    }

    [Fact]
    public async Task Schemas_name_exactly_the_fields_the_api_writes()
    {
        var spec = await Spec();
        var paths = spec.GetProperty("paths");
        using var events = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/events?document={TestStore.SeedId}"));
        var eventsSchema = paths.GetProperty("/api/events").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(Keys(events.RootElement), SchemaKeys(spec, eventsSchema));

        using var document = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/documents/{TestStore.SeedId}"));
        var documentSchema = paths.GetProperty("/api/documents/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(Keys(document.RootElement), SchemaKeys(spec, documentSchema));
    }
}
