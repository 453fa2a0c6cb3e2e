using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Parley.Storage;

namespace Parley.Server.Tests;

/// <summary>What the robustness probe of issue 16 found at the API: failures 4, 6, 7 and 10 (headers), and errors without a body.</summary>
public sealed class HostileApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Client => fixture.Client;

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string json) => await Post(Encoding.UTF8.GetBytes(json));

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", ApiFixture.Key);
        using var response = await Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"HTTP {(int)response.StatusCode} with an empty body");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url)
    {
        using var response = await Client.GetAsync(url);
        string text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{url}: HTTP {(int)response.StatusCode} with an empty body");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task An_article_dated_at_the_end_of_the_calendar_is_stored_with_a_note_not_a_500()
    {
        var (status, body) = await Post("{\"id\":\"d1\",\"date\":\"0001-01-01\",\"text\":\"Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.\"}");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains(body.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("outside 1800-01-01..2200-12-31", StringComparison.Ordinal));
        var (_, doc) = await Get("/api/documents/d1");
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("published").ValueKind);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("https://example.org/news/2019/12/04/talks?page=2")]
    [InlineData("with space and ünïcode")]
    public async Task A_posted_id_can_be_read_back_escaped_or_not(string id)
    {
        var (status, body) = await Post(JsonSerializer.Serialize(new { id, text = "Envoys met in Geneva on Monday to discuss a ceasefire about " + id + "." }));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(id, body.GetProperty("id").GetString());
        var (escaped, doc) = await Get("/api/documents/" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.OK, escaped);
        Assert.Equal(id, doc.GetProperty("id").GetString());
        if (!id.Contains('?'))
        {
            var (plain, again) = await Get("/api/documents/" + id.Replace(" ", "%20", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, plain);
            Assert.Equal(id, again.GetProperty("id").GetString());
        }
    }

    [Theory]
    [InlineData("{\"id\":\"bad\\u0001id\",\"text\":\"x\"}", "U+0001")]
    [InlineData("{\"id\":[1,2],\"text\":\"x\"}", "\"id\" must be a string or a number")]
    [InlineData("{\"text\":12345}", "\"text\" must be a string")]
    public async Task Bad_ids_and_wrong_types_are_400_with_a_message(string json, string message)
    {
        var (status, body) = await Post(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_body_with_invalid_utf8_is_refused()
    {
        var (status, body) = await Post([.. "{\"id\":\"u8\",\"text\":\"bad "u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("not valid UTF-8", body.GetProperty("error").GetString());
        Assert.Null(fixture.Store.Store.LoadDocument("u8"));
    }

    [Theory]
    [InlineData("/api/stories?limit=-1")]
    [InlineData("/api/stories?limit=abc")]
    [InlineData("/api/stories?limit=501")]
    [InlineData("/api/stories?offset=-3")]
    public async Task Stories_page_parameters_are_checked_like_events(string url)
    {
        var (status, body) = await Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Stories_are_paged()
    {
        var (status, page) = await Get("/api/stories?limit=1&offset=0");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, page.GetProperty("limit").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Single(page.GetProperty("items").EnumerateArray());
        var (_, beyond) = await Get("/api/stories?limit=10&offset=100000");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/events")]
    [InlineData("/api/nothing-here")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Unknown_paths_and_methods_answer_json()
    {
        var (status, body) = await Get("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("/api/nothing-here", body.GetProperty("error").GetString());
        using var delete = await Client.DeleteAsync("/api/events");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.StartsWith("{", await delete.Content.ReadAsStringAsync());
    }
}

/// <summary>A store that fails on every call: the server must still answer JSON.</summary>
public sealed class BrokenStoreTests
{
    public class Failing : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("the disk is on fire");
    }

    [Theory]
    [InlineData("/api/stats")]
    [InlineData("/api/events")]
    [InlineData("/api/stories")]
    [InlineData("/api/documents/x")]
    public async Task An_exception_in_an_endpoint_is_a_json_500(string url)
    {
        await using var app = ParleyServer.Build(new ServerOptions
        {
            Store = DispatchProxy.Create<IParleyStore, Failing>(),
            ConfigureBuilder = b => b.WebHost.UseTestServer(),
        });
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("internal error (InvalidOperationException)", body.GetProperty("error").GetString());
        Assert.DoesNotContain("on fire", body.GetProperty("error").GetString());
    }
}
