using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests;

/// <summary>Issue 16 at the command line: calendar edges (failure 4), the WAL checkpoint (failure 9), concurrent ingests.</summary>
public class HostileCliTests
{
    [Fact]
    public void An_article_dated_0001_01_01_is_coded_with_a_warning_not_an_internal_error()
    {
        using var tmp = new TempDir();
        string input = tmp.File("d1.jsonl");
        File.WriteAllText(input, "{\"id\":\"d1\",\"date\":\"0001-01-01\",\"text\":\"Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.\"}\n");
        var r = CliRunner.Run(tmp.Path, null, "code", input, "--quiet");
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.Contains("d1.jsonl:1: date 0001-01-01 is outside 1800-01-01..2200-12-31; ignored", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout.Split('\n')[0]);
        Assert.Equal("d1", doc.RootElement.GetProperty("id").GetString());
        Assert.NotEqual(0, doc.RootElement.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public void A_default_date_outside_the_sane_range_is_refused_with_one_line()
    {
        using var tmp = new TempDir();
        string input = tmp.File("a.txt");
        File.WriteAllText(input, "The talks resume next Tuesday in Doha, officials said.\n");
        var r = CliRunner.Run(tmp.Path, null, "code", input, "--date", "9999-12-31", "--quiet");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--date: date 9999-12-31 is outside 1800-01-01..2200-12-31", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("worker")]
    public void Ingest_and_worker_share_the_annotated_length_option(string command)
    {
        // The check runs while parsing, before any store or queue is opened: the queue address need not answer.
        using var tmp = new TempDir();
        var r = CliRunner.Run(tmp.Path, null, command, command == "worker" ? "--queue" : "a.txt", command == "worker" ? "nats://127.0.0.1:9" : "--quiet",
            "--max-annotated-chars", "10");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--max-annotated-chars must be at least", r.Stderr);
        var help = CliRunner.Run(tmp.Path, null, command, "--help");
        Assert.Contains("--max-annotated-chars", help.Stdout);
    }

    [Fact]
    public void After_ingest_the_db_file_alone_holds_everything()
    {
        using var tmp = new TempDir();
        string db = tmp.File("store.db");
        var r = CliRunner.Run(tmp.Path, null, "ingest", Path.Combine(CliRunner.RepoRoot, "samples"), "--db", db, "--layers", "sentences", "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(!File.Exists(db + "-wal") || new FileInfo(db + "-wal").Length == 0, "the write-ahead log still holds data");
        string copy = tmp.File("copy.db");
        File.Copy(db, copy); // the .db file alone, as a user would copy it
        using var c = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM documents";
        Assert.Equal(41L, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task Two_ingests_into_one_store_at_once_store_every_article_once()
    {
        using var tmp = new TempDir();
        string a = tmp.File("a.jsonl"), b = tmp.File("b.jsonl");
        using (var wa = new StreamWriter(a))
        using (var wb = new StreamWriter(b))
        {
            for (int i = 0; i < 3000; i++)
            {
                // Half the articles are in both inputs.
                string line = JsonSerializer.Serialize(new { id = $"c{i}", text = $"Officials in city {i} said on Monday that talks would resume." });
                wa.WriteLine(line);
                if (i % 2 == 0) wb.WriteLine(line);
                else wb.WriteLine(JsonSerializer.Serialize(new { id = $"only-b-{i}", text = $"Protesters in town {i} gathered on Sunday." }));
            }
        }
        string db = tmp.File("shared.db");
        using var first = CliRunner.Start(tmp.Path, "ingest", a, "--db", db, "--layers", "clean", "--quiet", "--batch", "50");
        using var second = CliRunner.Start(tmp.Path, "ingest", b, "--db", db, "--layers", "clean", "--quiet", "--batch", "50");
        first.StandardInput.Close();
        second.StandardInput.Close();
        var errors = new[] { first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync() };
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(4)) && second.WaitForExit(TimeSpan.FromMinutes(4)), "the ingests did not finish");
        Assert.True(first.ExitCode == 0, await errors[0]);
        Assert.True(second.ExitCode == 0, await errors[1]);
        var stats = CliRunner.Run(tmp.Path, null, "stats", "--db", db);
        using var json = JsonDocument.Parse(stats.Stdout);
        Assert.Equal(4500, json.RootElement.GetProperty("documents").GetInt64());
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task The_api_answers_every_query_while_an_ingest_writes_the_same_store()
    {
        using var tmp = new TempDir();
        string input = tmp.File("many.jsonl");
        using (var w = new StreamWriter(input))
            for (int i = 0; i < 6000; i++)
                w.WriteLine(JsonSerializer.Serialize(new { id = $"s{i}", text = $"Officials in city {i} said on Monday that talks would resume in Doha." }));
        string db = tmp.File("served.db");
        var init = CliRunner.Run(tmp.Path, null, "ingest", Path.Combine(CliRunner.RepoRoot, "samples"), "--db", db, "--layers", "clean", "--quiet");
        Assert.True(init.ExitCode == 0, init.Stderr);

        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var server = CliRunner.Start(tmp.Path, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}", "--no-samples");
        server.StandardInput.Close();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var up = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; }
                catch (HttpRequestException) { }
                Assert.True(DateTime.UtcNow < up, "the server did not start");
                await Task.Delay(200);
            }
            using var ingest = CliRunner.Start(tmp.Path, "ingest", input, "--db", db, "--layers", "clean", "--quiet", "--batch", "100");
            ingest.StandardInput.Close();
            var stderr = ingest.StandardError.ReadToEndAsync();
            int answers = 0;
            long last = 0;
            while (!ingest.HasExited)
            {
                foreach (string url in new[] { "/api/stats", "/api/documents?q=talks&limit=5", "/api/events?limit=5", "/api/stories?limit=5" })
                {
                    using var response = await http.GetAsync(url);
                    string body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
                    using var json = JsonDocument.Parse(body);
                    if (url == "/api/stats")
                    {
                        long documents = json.RootElement.GetProperty("documents").GetInt64();
                        Assert.True(documents >= last, "the document count went backwards");
                        last = documents;
                    }
                    answers++;
                }
            }
            Assert.True(ingest.ExitCode == 0, await stderr);
            using var final = JsonDocument.Parse(await http.GetStringAsync("/api/stats"));
            Assert.Equal(6041, final.RootElement.GetProperty("documents").GetInt64());
            Assert.True(answers > 0);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }
}
