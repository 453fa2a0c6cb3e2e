using System.Net;
using System.Text.Json;
using Parquet;
using Xunit.Abstractions;

namespace Parley.Server.Tests;

/// <summary>Exports of any size over HTTP: every row arrives, in flat memory, in every format.</summary>
[Collection(LargeStoreCollection.Name)]
public sealed class ExportStreamingTests(LargeStoreFixture fixture, ITestOutputHelper output)
{
    private HttpClient Http => fixture.Http;

    private async Task<int> Total(string filters)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/api/events?limit=1&" + filters));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task Exports_past_64_KB_are_not_empty()
    {
        // Issue 13: limit=250 gave an empty 200 answer once the rows outgrew the 64 KB write buffer.
        foreach (var format in new[] { "csv", "jsonl", "tsv" })
        {
            string body = await Http.GetStringAsync($"/api/events.{format}?limit=600");
            Assert.True(body.Length > 64 * 1024, $"{format}: {body.Length} bytes");
            int lines = body.Count(c => c == '\n');
            if (format == "csv") Assert.Equal(601, CsvRecords(body));
            else Assert.Equal(600, lines);
        }
    }

    [Fact]
    public async Task A_50_MB_export_streams_every_row_in_flat_memory()
    {
        int total = await Total("");
        Assert.True(total >= 99_000, $"the store holds {total} events");
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, bytes = 0, lines = 0, nextCheck = 0;
        using (var response = await Http.GetAsync("/api/events.jsonl", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("parley-events.jsonl", response.Content.Headers.ContentDisposition?.ToString());
            // No length up front: the answer is streamed, not built first.
            Assert.Null(response.Content.Headers.ContentLength);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                bytes += n;
                for (int i = 0; i < n; i++) if (buffer[i] == (byte)'\n') lines++;
                if (bytes >= nextCheck)
                {
                    // Live memory (after a full collection) while the export runs: what a server that built the answer
                    // first, or buffered it, would hold.
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    nextCheck += 5 * 1024 * 1024;
                }
            }
        }
        output.WriteLine($"exported {lines:N0} events, {bytes / (1024.0 * 1024):N1} MB; live memory grew by at most {peak / (1024.0 * 1024):N1} MB");
        Assert.True(bytes >= 50L * 1024 * 1024, $"the export is {bytes / (1024 * 1024)} MB; the test needs at least 50 MB");
        Assert.Equal(total, lines);
        Assert.True(peak < 24L * 1024 * 1024, $"live memory grew by {peak / (1024 * 1024)} MB during a {bytes / (1024 * 1024)} MB export");
    }

    [Fact]
    public async Task Csv_and_gdelt_exports_hold_every_matching_event()
    {
        const string filters = "country=SDN&quad_class=4";
        int total = await Total(filters);
        Assert.True(total > 1000, $"{total} events match");
        string csv = await Http.GetStringAsync("/api/events.csv?" + filters);
        Assert.Equal(total + 1, CsvRecords(csv));
        string tsv = await Http.GetStringAsync("/api/events.tsv?" + filters);
        var rows = tsv.TrimEnd('\n').Split('\n');
        Assert.Equal(total, rows.Length);
        Assert.All(rows, r =>
        {
            var f = r.Split('\t');
            Assert.Equal(61, f.Length);
            Assert.Equal("4", f[29]);
            Assert.StartsWith("https://news.example.org/", f[60]);
            Assert.Matches("^[0-9]{8}$", f[1]);
        });
    }

    [Fact]
    public async Task Parquet_comes_over_the_api_with_typed_columns()
    {
        const string filters = "actor=RUSMIL&cameo=19";
        int total = await Total(filters);
        using var response = await Http.GetAsync("/api/events.parquet?" + filters);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType?.MediaType);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        await using var reader = await ParquetReader.CreateAsync(body, new ParquetOptions { UseDateOnlyTypeForDates = true });
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }
        Assert.Equal(total, rows);
        var fields = reader.Schema.DataFields;
        Assert.Equal(typeof(DateOnly), fields.Single(f => f.Name == "published").ClrType);
        Assert.Equal(typeof(DateOnly), fields.Single(f => f.Name == "day").ClrType);
        Assert.Equal(typeof(DateTime), fields.Single(f => f.Name == "added").ClrType);
        Assert.Equal(typeof(double), fields.Single(f => f.Name == "goldstein").ClrType);
        using var first = reader.OpenRowGroupReader(0);
        var actors = new string?[first.RowCount];
        await first.ReadAsync(fields.Single(f => f.Name == "source_actor"), actors.AsMemory());
        var labels = new string?[first.RowCount];
        await first.ReadAsync(fields.Single(f => f.Name == "source_label"), labels.AsMemory());
        Assert.All(actors, a => Assert.True(a == "RUSMIL" || a!.StartsWith("UKR", StringComparison.Ordinal) || a.StartsWith("RUS", StringComparison.Ordinal), a));
        Assert.Contains("Russia military", labels);
    }

    /// <summary>Records of an RFC 4180 text: line ends outside quotes.</summary>
    internal static int CsvRecords(string text)
    {
        int records = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) records++;
        }
        return records;
    }
}
