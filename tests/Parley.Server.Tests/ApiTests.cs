using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Parley.Server.Tests;

public sealed class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Client => fixture.Client;

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement items, string field)
    {
        var list = new List<string>();
        foreach (var item in items.EnumerateArray()) list.Add(item.GetProperty(field).GetString()!);
        return list;
    }

    [Fact]
    public async Task Health_answers_ok_with_the_document_count()
    {
        var health = await GetJson("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("documents").GetInt64() >= 3);
    }

    [Fact]
    public async Task Search_finds_the_taliban_article_with_a_marked_snippet()
    {
        var page = await GetJson("/api/documents?q=Khalilzad");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var hit = page.GetProperty("items")[0];
        Assert.Equal(TestStore.SeedId, hit.GetProperty("id").GetString());
        Assert.Equal("2019-12-05", hit.GetProperty("published").GetString());
        Assert.Equal("test-wire", hit.GetProperty("source").GetString());
        Assert.Contains("\u0002Khalilzad\u0003", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Listing_without_query_pages_newest_first()
    {
        var page = await GetJson("/api/documents?limit=2&offset=0");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal([TestStore.OtherId, TestStore.HostileId], Strings(page.GetProperty("items"), "id"));
        var next = await GetJson("/api/documents?limit=2&offset=2");
        Assert.Equal([TestStore.SeedId], Strings(next.GetProperty("items"), "id"));
    }

    [Fact]
    public async Task Document_by_id_is_exactly_the_contract_object()
    {
        using var response = await Client.GetAsync($"/api/documents/{TestStore.SeedId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        var expected = Parley.Core.DocumentJson.ToJson(fixture.Store.Store.LoadDocument(TestStore.SeedId)!);
        Assert.Equal(expected, body);
        var doc = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, doc.GetProperty("events").GetArrayLength());
        Assert.Equal("036", doc.GetProperty("events")[0].GetProperty("cameo").GetString());
        Assert.Equal("USAGOV", doc.GetProperty("entities")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Unknown_document_is_404_with_a_json_message()
    {
        var error = await GetJson("/api/documents/nope", HttpStatusCode.NotFound);
        Assert.Contains("nope", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Events_carry_document_evidence_and_sentence()
    {
        var page = await GetJson("/api/events?actor=USA");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var e = page.GetProperty("items")[0];
        Assert.Equal(TestStore.SeedId, e.GetProperty("document_id").GetString());
        Assert.Equal("USAGOV", e.GetProperty("source").GetProperty("actor").GetString());
        Assert.Equal(0, e.GetProperty("evidence").GetProperty("start").GetInt32());
        Assert.Equal("US envoy Zalmay Khalilzad met the Taliban in Doha on Wednesday.", e.GetProperty("sentence_text").GetString());
        Assert.Equal("2019-12-04", e.GetProperty("day").GetString());
    }

    [Theory]
    [InlineData("cameo=19", 1, "190")]
    [InlineData("cameo=1", 3, null)]
    [InlineData("cameo=14", 1, "1411")]
    [InlineData("cameo=036", 1, "036")]
    [InlineData("quad_class=4", 2, null)]
    [InlineData("country=FRA", 1, "1411")]
    [InlineData("country=qat", 1, "036")]
    [InlineData("from=2019-12-05&to=2019-12-31", 2, null)]
    [InlineData("from=2020-01-01", 1, "1411")]
    [InlineData("actor=AFGREB&quad_class=1", 1, "036")]
    [InlineData("q=Paris", 1, "1411")]
    [InlineData("document=seed-taliban", 2, null)]
    public async Task Event_filters_combine(string query, int total, string? onlyCameo)
    {
        var page = await GetJson("/api/events?" + query);
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        if (onlyCameo is not null) Assert.Equal([onlyCameo], Strings(page.GetProperty("items"), "cameo"));
    }

    [Theory]
    [InlineData("/api/events?limit=abc")]
    [InlineData("/api/events?limit=501")]
    [InlineData("/api/events?limit=-1")]
    [InlineData("/api/events?offset=x")]
    [InlineData("/api/events?quad_class=5")]
    [InlineData("/api/events?quad_class=one")]
    [InlineData("/api/events?from=2019-13-01")]
    [InlineData("/api/events?to=yesterday")]
    [InlineData("/api/events?from=2020-01-02&to=2020-01-01")]
    [InlineData("/api/events?cameo=abc")]
    [InlineData("/api/events?country=FRANCE")]
    [InlineData("/api/documents?limit=100000")]
    [InlineData("/api/timeline?from=bad")]
    [InlineData("/api/actors?limit=zz")]
    [InlineData("/api/events.csv?quad_class=9")]
    [InlineData("/api/events?distinct=maybe")]
    [InlineData("/api/events?source=US%20GOV")]
    public async Task Bad_values_are_400_with_a_json_message(string url)
    {
        var error = await GetJson(url, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Aggregates_answer_for_the_dashboard()
    {
        var actors = await GetJson("/api/actors");
        Assert.Contains("AFGREB", Strings(actors, "actor"));
        var pairs = await GetJson("/api/actor-pairs?cameo=19");
        Assert.Equal("AFGREB", pairs[0].GetProperty("source").GetString());
        Assert.Equal(-10.0, pairs[0].GetProperty("mean_goldstein").GetDouble());
        var timeline = await GetJson("/api/timeline");
        Assert.Equal("day", timeline.GetProperty("bin").GetString());
        Assert.Equal(4, timeline.GetProperty("bins").GetArrayLength());
        Assert.Equal(0, timeline.GetProperty("periods").GetArrayLength());
        var countries = await GetJson("/api/countries");
        Assert.Contains("QAT", Strings(countries, "country"));
        var places = await GetJson("/api/places");
        Assert.Contains("Doha", Strings(places, "name"));
        var stories = await GetJson("/api/stories");
        Assert.Equal("story-1", stories.GetProperty("items")[0].GetProperty("id").GetString());
        var stats = await GetJson("/api/stats");
        Assert.Equal(4, stats.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Exports_stream_the_filtered_events()
    {
        string csv = await Client.GetStringAsync("/api/events.csv?country=AFG");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("document_id,index,document_title,document_url", lines[0]);
        Assert.Equal(4, lines.Length);
        // Text starting with a formula character is kept as text in spreadsheets.
        Assert.DoesNotContain(",=", csv);

        string jsonl = await Client.GetStringAsync("/api/events.jsonl?cameo=0");
        var rows = jsonl.TrimEnd('\n').Split('\n');
        Assert.Single(rows);
        Assert.Equal("036", JsonDocument.Parse(rows[0]).RootElement.GetProperty("cameo").GetString());

        string tsv = await Client.GetStringAsync("/api/events.tsv?cameo=19");
        var row = tsv.TrimEnd('\n').Split('\n');
        Assert.Single(row);
        var fields = row[0].Split('\t');
        Assert.Equal(61, fields.Length);
        Assert.Equal("20191205", fields[1]);
        Assert.Equal("190", fields[26]);
        Assert.Equal("4", fields[29]);
        // SOURCEURL is the stored URL, not the document id.
        Assert.Equal("https://example.org/seed", fields[60]);
    }

    [Fact]
    public async Task Hostile_text_is_returned_as_data()
    {
        var doc = await GetJson($"/api/documents/{TestStore.HostileId}");
        Assert.Contains(TestStore.HostileMarkup, doc.GetProperty("text").GetString());
        Assert.Equal(TestStore.HostileTitle, doc.GetProperty("title").GetString());
        var events = await GetJson($"/api/events?document={TestStore.HostileId}");
        Assert.Contains("<img", events.GetProperty("items")[0].GetProperty("source").GetProperty("text").GetString());
        using var response = await Client.GetAsync($"/api/documents/{TestStore.HostileId}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task OpenApi_description_lists_the_endpoints()
    {
        var spec = await GetJson("/openapi/v1.json");
        var paths = spec.GetProperty("paths");
        foreach (var path in new[] { "/health", "/api/documents", "/api/documents/{id}", "/api/events", "/api/timeline", "/api/events.csv" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var alias = await GetJson("/openapi.json");
        Assert.True(alias.GetProperty("paths").TryGetProperty("/api/events", out _));
    }

    [Fact]
    public async Task Dashboard_is_served_at_the_root_without_external_resources()
    {
        string html = await Client.GetStringAsync("/");
        Assert.Contains("<script type=\"module\" src=\"/js/app.js\">", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        using var js = await Client.GetAsync("/js/app.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        using var missing = await Client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

/// <summary>Writes, on a fixture of their own so the read tests see a fixed store.</summary>
public sealed class PostTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Client => fixture.Client;

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Post_without_the_key_is_401_and_stores_nothing()
    {
        long before = fixture.Store.Store.GetStats().Documents;
        using var content = new StringContent("{\"id\":\"unauth-1\",\"text\":\"Unauthorised article about talks in Doha.\"}", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/documents", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
        {
            Content = new StringContent("{\"id\":\"unauth-2\",\"text\":\"Another article.\"}", Encoding.UTF8, "application/json"),
        };
        wrong.Headers.Add("X-Api-Key", "wrong-key");
        using var wrongResponse = await Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        Assert.Equal(before, fixture.Store.Store.GetStats().Documents);
        Assert.Null(fixture.Store.Store.LoadDocument("unauth-1"));
    }

    [Fact]
    public async Task Post_with_the_key_stores_the_article_and_answers_201()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
        {
            Content = new StringContent("{\"id\":\"posted-1\",\"title\":\"Posted\",\"date\":\"2020-02-01\",\"text\":\"Envoys met in Geneva on Monday to discuss a ceasefire.\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", ApiFixture.Key);
        using var response = await Client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("/api/documents/posted-1", response.Headers.Location?.OriginalString);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("posted-1", answer.GetProperty("id").GetString());
        var doc = await GetJson("/api/documents/posted-1");
        Assert.Equal("Envoys met in Geneva on Monday to discuss a ceasefire.", doc.GetProperty("text").GetString());
        Assert.Equal("2020-02-01", doc.GetProperty("published").GetString());
    }

    [Fact]
    public async Task Post_goes_through_the_ingest_service_same_text_is_a_duplicate_and_the_article_joins_a_story()
    {
        const string text = "Negotiators met in Vienna on Tuesday to revive the nuclear accord.";
        async Task<JsonElement> Send(string id)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
            {
                Content = new StringContent($"{{\"id\":\"{id}\",\"title\":\"Vienna talks\",\"date\":\"2021-04-06\",\"text\":\"{text}\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", ApiFixture.Key);
            using var response = await Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        Assert.Equal("added", (await Send("vienna-1")).GetProperty("status").GetString());
        var again = await Send("vienna-2");
        Assert.Equal("duplicate", again.GetProperty("status").GetString());
        Assert.Equal("vienna-1", again.GetProperty("id").GetString());
        Assert.Contains(fixture.Store.Store.ListStories(), s => s.DocumentIds.Contains("vienna-1"));
    }

    [Fact]
    public async Task Post_with_a_broken_body_is_400_and_an_oversized_body_is_413()
    {
        using var broken = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("{\"text\": ", Encoding.UTF8, "application/json") };
        broken.Headers.Add("X-Api-Key", ApiFixture.Key);
        using var brokenResponse = await Client.SendAsync(broken);
        Assert.Equal(HttpStatusCode.BadRequest, brokenResponse.StatusCode);

        string big = "{\"text\":\"" + new string('a', 3 * 1024 * 1024) + "\"}";
        using var huge = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent(big, Encoding.UTF8, "application/json") };
        huge.Headers.Add("X-Api-Key", ApiFixture.Key);
        using var hugeResponse = await Client.SendAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeResponse.StatusCode);
    }
}

public sealed class WritesDisabledTests
{
    [Fact]
    public async Task Post_is_403_when_no_key_is_configured()
    {
        using var store = new TestStore();
        await using var app = ParleyServer.Build(new ServerOptions
        {
            Store = store.Store,
            ConfigureBuilder = b => b.WebHost.UseTestServer(),
        });
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("{\"text\":\"x y z\"}") };
        request.Headers.Add("X-Api-Key", "anything");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(3, store.Store.GetStats().Documents);
    }
}
