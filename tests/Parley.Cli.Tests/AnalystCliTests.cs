using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>What an analyst meets on the command line: options, ingest output and exit codes (issue 13's defects).</summary>
public class CommandLineOptionTests
{
    [Theory]
    [InlineData("--date", "code", "samples/us-taliban-talks.txt", "--dat", "2024-01-01")]
    [InlineData("--db", "stats", "--dbb", "x.db")]
    [InlineData("--format", "export", "--formt", "csv")]
    [InlineData("--quiet", "ingest", "samples", "--quite")]
    public void A_mistyped_option_is_an_error_with_a_suggestion(string suggestion, params string[] args)
    {
        using var tmp = new TempDir();
        var resolved = args.Select(a => a.StartsWith("samples", StringComparison.Ordinal) ? Path.Combine(CliRunner.RepoRoot, a) : a).ToArray();
        var r = CliRunner.Run(tmp.Path, null, resolved);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains($"unknown option '{args.First(a => a.StartsWith("--", StringComparison.Ordinal))}'", lines[0]);
        Assert.Contains($"did you mean {suggestion}?", lines[0]);
        Assert.DoesNotContain("no such file", r.Stderr);
    }

    [Fact]
    public void Export_help_shows_defaults_a_person_can_read()
    {
        using var tmp = new TempDir();
        var r = CliRunner.Run(tmp.Path, null, "export", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("9223372036854775807", r.Stdout);
        Assert.Contains("(default: all of them)", r.Stdout);
        Assert.Contains("--sort", r.Stdout);
    }

    [Theory]
    [InlineData("build", "cameo")]
    [InlineData("build", "kb")]
    [InlineData("bench", "nlp")]
    [InlineData("train", "ner")]
    public void Shared_data_defaults_are_found_not_written_in(string group, string command)
    {
        using var tmp = new TempDir();
        string shared = Directory.CreateDirectory(Path.Combine(tmp.Path, "my-shared-data")).FullName;
        var r = CliRunner.Run(tmp.Path, null, new Dictionary<string, string?> { ["PARLEY_SHARED_DATA"] = shared }, group, command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(shared, r.Stdout);
        Assert.DoesNotContain("/work/shared", r.Stdout);
    }
}

public class IngestOutputTests
{
    /// <summary>A dump with two good articles, one repeated, one record without text and one broken line.</summary>
    private static string Dump(TempDir tmp)
    {
        string path = tmp.File("dump.jsonl");
        File.WriteAllText(path,
            "{\"id\":\"a\",\"title\":\"Talks\",\"date\":\"2020-03-02\",\"text\":\"Envoys met in Doha on Monday to discuss a ceasefire.\"}\n" +
            "{\"id\":\"b\",\"text\":\"\"}\n" +
            "{\"id\":\"a\",\"title\":\"Talks\",\"date\":\"2020-03-02\",\"text\":\"Envoys met in Doha on Monday to discuss a ceasefire.\"}\n" +
            "not json at all\n" +
            "{\"id\":\"c\",\"date\":\"2020-03-03\",\"text\":\"Rebels attacked a convoy near the border on Tuesday.\"}\n");
        return path;
    }

    [Fact]
    public void The_summary_names_time_articles_events_and_problems_and_repeats_are_not_already_stored()
    {
        using var tmp = new TempDir();
        var r = CliRunner.Run(tmp.Path, null, "ingest", Dump(tmp), "--db", tmp.File("s.db"), "--layers", "sentences");
        Assert.Equal(2, r.ExitCode);
        var summary = r.Stderr.Split('\n').Single(l => l.StartsWith("parley: ingested", StringComparison.Ordinal));
        Assert.Matches(@"^parley: ingested 3 articles in \d+:\d\d \(2 added, 1 repeated in the input\): 0 events, \d+ stor(y|ies), 2 problems", summary);
        Assert.DoesNotContain("already stored", summary);
        // The unreadable line is named; the empty record is counted, not listed.
        Assert.Contains("dump.jsonl:4: malformed JSON", r.Stderr);
        Assert.DoesNotContain("dump.jsonl:2", r.Stderr);
        Assert.Contains("problems: 1 unreadable input (named above); 1 empty record (list them with --verbose or --problems FILE)", r.Stderr);
    }

    [Fact]
    public void Verbose_lists_every_problem_and_quiet_lists_only_unreadable_inputs()
    {
        using var tmp = new TempDir();
        string dump = Dump(tmp);
        var verbose = CliRunner.Run(tmp.Path, null, "ingest", dump, "--db", tmp.File("v.db"), "--layers", "sentences", "--verbose");
        Assert.Contains("dump.jsonl:2: empty record: no text", verbose.Stderr);
        Assert.Contains("dump.jsonl:4: malformed JSON", verbose.Stderr);

        var quiet = CliRunner.Run(tmp.Path, null, "ingest", dump, "--db", tmp.File("q.db"), "--layers", "sentences", "-q");
        Assert.Equal(2, quiet.ExitCode);
        Assert.DoesNotContain("dump.jsonl:2", quiet.Stderr);
        Assert.DoesNotContain("progress:", quiet.Stderr);
        Assert.DoesNotContain("parley: ingested", quiet.Stderr);
        Assert.Contains("dump.jsonl:4: malformed JSON", quiet.Stderr);
    }

    [Fact]
    public void Problems_go_to_a_file_on_request()
    {
        using var tmp = new TempDir();
        string file = tmp.File("problems.tsv");
        var r = CliRunner.Run(tmp.Path, null, "ingest", Dump(tmp), "--db", tmp.File("p.db"), "--layers", "sentences", "--problems", file);
        Assert.Equal(2, r.ExitCode);
        var rows = File.ReadAllLines(file).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("dump.jsonl:2", "empty record"), (Path.GetFileName(rows[0][0]), rows[0][1]));
        Assert.Equal(("dump.jsonl:4", "unreadable"), (Path.GetFileName(rows[1][0]), rows[1][1]));
    }

    [Fact]
    public void Records_that_are_merely_empty_do_not_fail_the_run()
    {
        using var tmp = new TempDir();
        string path = tmp.File("sparse.jsonl");
        File.WriteAllText(path, "{\"id\":\"x\",\"text\":\"\"}\n{\"id\":\"y\",\"text\":\"Talks resumed in Doha.\"}\n{\"id\":\"z\",\"body\":null}\n");
        var r = CliRunner.Run(tmp.Path, null, "ingest", path, "--db", tmp.File("e.db"), "--layers", "sentences");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("2 empty records", r.Stderr);
    }

    [Fact]
    public void Piped_progress_lines_name_every_figure()
    {
        using var tmp = new TempDir();
        string path = tmp.File("many.jsonl");
        using (var w = new StreamWriter(path))
            for (int i = 0; i < 6000; i++) w.WriteLine(JsonSerializer.Serialize(new { id = $"m{i}", text = $"Officials in town {i} met envoys on Monday." }));
        var r = CliRunner.Run(tmp.Path, null, "ingest", path, "--db", tmp.File("m.db"), "--layers", "sentences", "--batch", "50");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var progress = r.Stderr.Split('\n').Where(l => l.StartsWith("progress:", StringComparison.Ordinal) || l.StartsWith("done:", StringComparison.Ordinal)).ToList();
        Assert.All(progress, line => Assert.Matches(@"ingesting: (\d+% read, )?[\d,]+ articles, [\d,]+ events, [\d,]+ problems, [\d,]+ articles/s, elapsed \d+:\d\d", line));
    }
}

public class PublishedProgramTests
{
    private static string Publish(TempDir tmp)
    {
        string output = Path.Combine(tmp.Path, "published");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = CliRunner.RepoRoot };
        foreach (var a in new[] { "publish", Path.Combine("src", "Parley.Cli"), "-c", "Release", "--no-build", "-o", output, "-v", "q" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet publish did not finish");
        Assert.True(p.ExitCode == 0, stdout.Result + stderr.Result);
        return output;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunIn(string dir, string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        psi.ArgumentList.Add(Path.Combine(dir, "parley.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PARLEY_MODELS");
        psi.Environment.Remove("PARLEY_DATA");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)));
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_published_copy_runs_anywhere_and_a_copy_without_models_says_where_it_looked()
    {
        using var tmp = new TempDir();
        string published = Publish(tmp);
        foreach (var folder in new[] { "models/nlp-en-ewt", "models/ner-en", "data/kb", "data/cameo", "samples" })
            Assert.True(Directory.Exists(Path.Combine(published, folder)), folder + " beside the executable");

        // Moved away from the repository and run from elsewhere: it finds its models beside itself.
        string moved = Path.Combine(tmp.Path, "elsewhere", "parley");
        CopyFolder(published, moved);
        string article = Path.Combine(moved, "samples", "us-taliban-talks.txt");
        var ok = RunIn(moved, tmp.Path, "code", article, "--date", "2019-12-04");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        using (var doc = JsonDocument.Parse(ok.Stdout))
            Assert.True(doc.RootElement.GetProperty("events").GetArrayLength() > 0, "the published program codes events");

        // Without its models and data: a clear error naming where it looked, and a failure code, never 0 events and 0.
        Directory.Delete(Path.Combine(moved, "models"), recursive: true);
        Directory.Delete(Path.Combine(moved, "data"), recursive: true);
        var missing = RunIn(moved, tmp.Path, "code", article, "--date", "2019-12-04");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("", missing.Stdout);
        Assert.Contains("not installed", missing.Stderr);
        Assert.Contains(Path.Combine(moved, "models"), missing.Stderr);
        Assert.Contains("PARLEY_MODELS", missing.Stderr);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

public class ServeSamplesTests
{
    [Fact]
    public async Task The_canonical_sample_is_stored_with_its_date_and_on_the_timeline()
    {
        using var tmp = new TempDir();
        int port = FreePort();
        using var server = CliRunner.Start(tmp.Path, "serve", "--db", tmp.File("served.db"), "--urls", $"http://127.0.0.1:{port}");
        server.StandardInput.Close();
        var stderr = server.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                Assert.False(server.HasExited, "serve stopped");
                try { if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) break; }
                catch (HttpRequestException) { }
                Assert.True(DateTime.UtcNow < deadline, "serve did not answer");
                await Task.Delay(250);
            }
            using var found = JsonDocument.Parse(await http.GetStringAsync("/api/documents?q=Khalilzad%20Taliban&limit=5"));
            var hit = found.RootElement.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("title").GetString() == "US may resume talks with Taliban next week");
            Assert.Equal("2019-12-04", hit.GetProperty("published").GetString());
            string id = hit.GetProperty("id").GetString()!;

            using var events = JsonDocument.Parse(await http.GetStringAsync($"/api/events?document={Uri.EscapeDataString(id)}&limit=100"));
            var items = events.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, e => Assert.False(e.GetProperty("day").ValueKind == JsonValueKind.Null && e.GetProperty("date_grain").ValueKind == JsonValueKind.Null));
            // Khalilzad's role is resolved for the article's date: the US government's envoy, not a US elite.
            Assert.Contains(items, e => e.GetProperty("source").ValueKind == JsonValueKind.Object
                && (e.GetProperty("source").GetProperty("name").GetString() ?? "").Contains("Khalilzad", StringComparison.Ordinal)
                && e.GetProperty("source").GetProperty("actor").GetString() == "USAGOV");

            using var timeline = JsonDocument.Parse(await http.GetStringAsync($"/api/timeline?document={Uri.EscapeDataString(id)}"));
            Assert.Contains(timeline.RootElement.GetProperty("bins").EnumerateArray(), b => b.GetProperty("start").GetString()!.StartsWith("2019-1", StringComparison.Ordinal));
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
        Assert.Contains("parley: samples: ingested 41 articles", await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The live progress line on a terminal (run under `script`, which gives the program a pseudo-terminal).</summary>
public class LiveProgressTests
{
    private static readonly System.Text.RegularExpressions.Regex Escapes = new(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>])", System.Text.RegularExpressions.RegexOptions.Compiled);

    [Fact]
    public async Task Problem_lines_stand_on_their_own_above_a_labelled_bar()
    {
        using var tmp = new TempDir();
        string path = tmp.File("dump.jsonl");
        using (var w = new StreamWriter(path))
        {
            w.WriteLine("{\"id\":\"bad\",\"text\":\"unterminated");
            for (int i = 0; i < 4000; i++) w.WriteLine(JsonSerializer.Serialize(new { id = $"t{i}", text = $"Officials in town {i} met envoys on Monday to discuss the ceasefire." }));
            w.WriteLine("not json either");
        }
        string command = $"dotnet {Quote(CliRunner.ParleyDll)} ingest {Quote(path)} --db {Quote(tmp.File("t.db"))} --layers sentences --batch 50";
        var psi = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = tmp.Path,
        };
        psi.Environment["COLUMNS"] = "140";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3))) await p.WaitForExitAsync(timeout.Token);
        var lines = Escapes.Replace(await output, "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        // The bar was drawn, with its figures named.
        Assert.Contains(lines, l => l.Contains("articles ·", StringComparison.Ordinal) && l.Contains("elapsed", StringComparison.Ordinal));
        // Each problem is a line of its own: never drawn into the bar's line.
        foreach (var problem in new[] { "dump.jsonl:1: malformed JSON", "dump.jsonl:4002: malformed JSON" })
        {
            var holding = lines.Where(l => l.Contains(problem, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(holding);
            Assert.All(holding, l => Assert.StartsWith("parley:", l));
            Assert.All(holding, l => Assert.DoesNotContain("articles ·", l));
        }
        Assert.Contains(lines, l => l.StartsWith("parley: ingested 4,000 articles in", StringComparison.Ordinal));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
