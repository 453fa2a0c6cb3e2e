using System.Text.Json;

namespace Parley.Cli.Tests;

public class CodeCommandTests
{
    private static string Seed => Path.Combine(CliRunner.RepoRoot, "samples", "us-taliban-talks.txt");

    [Fact]
    public void SeedArticleGetsItsTitleAndACleanBody()
    {
        using var tmp = new TempDir();
        var r = CliRunner.Run(tmp.Path, null, "code", Seed, "--date", "2019-12-04", "--layers", "sentences");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var json = JsonDocument.Parse(lines[0]);
        var doc = json.RootElement;
        Assert.Equal("US may resume talks with Taliban next week", doc.GetProperty("title").GetString());
        Assert.Equal("2019-12-04", doc.GetProperty("published").GetString());
        Assert.Equal("en", doc.GetProperty("language").GetString());
        string text = doc.GetProperty("text").GetString()!;
        Assert.DoesNotContain("US may resume talks with Taliban next week", text);
        Assert.DoesNotContain("..", text.Replace("...", "", StringComparison.Ordinal).Replace("…", "", StringComparison.Ordinal));
        Assert.StartsWith("As peace talks with the Taliban stall", text);
        foreach (var field in new[] { "id", "sentences", "entities", "places", "dates", "quotes", "events" })
            Assert.True(doc.TryGetProperty(field, out _), field);
    }

    [Fact]
    public void ManyArticlesOfVeryDifferentLengthsComeOutInInputOrderOnTwoThreads()
    {
        using var tmp = new TempDir();
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            // Every seventh article is long, so workers finish out of order and the window has to hold results back.
            int sentences = i % 7 == 0 ? 60 : 1;
            string text = string.Concat(Enumerable.Repeat($"Minister {i} met the ambassador in Paris on Monday. ", sentences));
            lines.Append("{\"id\":\"a").Append(i).Append("\",\"text\":\"").Append(text).Append("\"}\n");
        }
        lines.Append("{broken\n");
        var r = CliRunner.Run(tmp.Path, lines.ToString(), "code", "-", "--layers", "tags", "--threads", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("stdin:301:", r.Stderr, StringComparison.Ordinal);
        var ids = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => { using var j = JsonDocument.Parse(l); return j.RootElement.GetProperty("id").GetString(); }).ToArray();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => "a" + i), ids);
    }

    [Fact]
    public void ReadsJsonlFromStandardInput()
    {
        using var tmp = new TempDir();
        string input = "{\"id\":\"a1\",\"title\":\"T\",\"date\":\"2020-01-02\",\"text\":\"The minister met the ambassador.\"}\n";
        var r = CliRunner.Run(tmp.Path, input, "code", "-", "--layers", "clean");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout.Trim());
        Assert.Equal("a1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("2020-01-02", json.RootElement.GetProperty("published").GetString());
    }

    [Fact]
    public void UsageErrorsExitWithOne()
    {
        using var tmp = new TempDir();
        var r = CliRunner.Run(tmp.Path, null, "code", Seed, "--format", "yaml");
        Assert.Equal(1, r.ExitCode);
        r = CliRunner.Run(tmp.Path, null, "code", Seed, "--date", "04/12/2019");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void EveryCommandPrintsHelp()
    {
        using var tmp = new TempDir();
        foreach (var cmd in new[] { "code", "ingest", "stats", "stories", "bench" })
        {
            var r = CliRunner.Run(tmp.Path, null, cmd, "--help");
            Assert.True(r.ExitCode == 0, cmd + ": " + r.Stderr);
            Assert.Contains("Usage", r.Stdout);
        }
    }
}
