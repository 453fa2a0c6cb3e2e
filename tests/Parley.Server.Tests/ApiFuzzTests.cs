using System.Net;
using System.Text;
using System.Text.Json;

namespace Parley.Server.Tests;

/// <summary>
/// Hostile queries and bodies against every endpoint with a fixed seed and a bounded count (issue 16): no answer is a
/// 500 or an error without a JSON message, and the server still answers normally afterwards.
/// </summary>
public sealed class ApiFuzzTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] Paths =
    [
        "/api/documents", "/api/events", "/api/events.csv", "/api/events.jsonl", "/api/events.tsv", "/api/actors", "/api/actor-pairs",
        "/api/timeline", "/api/places", "/api/countries", "/api/stories", "/api/stats", "/health", "/api/documents/seed-taliban",
    ];

    private static readonly string[] Parameters = ["limit", "offset", "q", "actor", "source", "target", "country", "cameo", "quad_class", "from", "to", "document", "distinct"];

    private static readonly string[] Values =
    [
        "-1", "0", "abc", "99999999999999999999", "1e9", "501", "2147483648", "", " ", "NaN", "0001-01-01", "9999-12-31", "2019-02-30",
        "2019-12-04", "USA", "AFG", "19", "\"", "'", "' OR 1=1 --", "%00", "%FF", "%C3%28", "\u202E", "<script>alert(1)</script>",
        "talks AND (", "NEAR(", "*", "\"unterminated", "-", "true", "yes", new string('a', 5000), "ZZZZZZ", "1;DROP TABLE events", "a/b",
    ];

    [Fact]
    public async Task Random_hostile_queries_never_answer_500_or_an_empty_error()
    {
        var random = new Random(16);
        for (int i = 0; i < 600; i++)
        {
            var sb = new StringBuilder(Paths[random.Next(Paths.Length)]);
            int n = random.Next(0, 4);
            for (int k = 0; k < n; k++)
            {
                sb.Append(k == 0 ? '?' : '&').Append(Parameters[random.Next(Parameters.Length)]).Append('=');
                string value = Values[random.Next(Values.Length)];
                sb.Append(value.StartsWith('%') ? value : Uri.EscapeDataString(value));
            }
            string url = sb.ToString();
            using var response = await fixture.Client.GetAsync(url);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {body}");
            if (!response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(body);
                Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()), url);
            }
        }
        using var health = await fixture.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Random_mutated_posts_are_stored_or_refused_with_a_message()
    {
        var random = new Random(16);
        string valid = "{\"id\":\"fuzz\",\"title\":\"Talks\",\"date\":\"2019-12-04\",\"url\":\"https://example.org/a\",\"text\":\"Envoys met in Geneva on Monday to discuss a ceasefire.\"}";
        byte[] template = Encoding.UTF8.GetBytes(valid);
        for (int i = 0; i < 150; i++)
        {
            var bytes = new List<byte>(template);
            for (int e = random.Next(1, 6); e > 0 && bytes.Count > 0; e--)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(new[] { "[", "{", "\"", "\\u0000", "null", "12345", "\"id\":[1],", "\"date\":\"0001-01-01\"," }[random.Next(8)])); break;
                    default: bytes.InsertRange(at, new byte[] { 0xFF, 0xC3, 0x00 }.AsSpan(random.Next(3), 1).ToArray()); break;
                }
            }
            // A new id each time, so each accepted body is a new document.
            string text = Encoding.Latin1.GetString([.. bytes]).Replace("\"fuzz\"", $"\"fuzz-{i}\"", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new ByteArrayContent(Encoding.Latin1.GetBytes(text)) };
            request.Headers.Add("X-Api-Key", ApiFixture.Key);
            using var response = await fixture.Client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body} for {text}");
            using var json = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                string id = json.RootElement.GetProperty("id").GetString()!;
                using var back = await fixture.Client.GetAsync("/api/documents/" + Uri.EscapeDataString(id));
                Assert.True(back.StatusCode == HttpStatusCode.OK, $"stored id '{id}' cannot be read back");
            }
            else Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
        }
    }
}
