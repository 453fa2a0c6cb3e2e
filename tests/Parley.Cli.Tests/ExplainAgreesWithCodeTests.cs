using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Cli.Tests;

/// <summary>
/// Issue 11: `parley explain` and `parley code` agree on every sentence, titles included. Both commands run on the
/// bundled samples; every event `code` outputs must be a KEPT line of `explain` in the same section (title or body),
/// with the same code, source, target and rule, and `explain` may keep nothing `code` leaves out.
/// </summary>
public partial class ExplainAgreesWithCodeTests
{
    // "    said: KEPT 010 - q1 g0 'Federal Security Service'=RUSCOP -> (none) date=... rule=010:say+statement conf=0.54"
    [GeneratedRegex(@"KEPT (\S+) .*?'=(\S+) -> (?:'.*?'=(\S+)|\(none\)) .* rule=(\S+)")]
    private static partial Regex KeptLine();

    [Theory]
    [InlineData("us-taliban-talks.txt")]
    [InlineData("wikinews-2019-2020.jsonl")]
    public void Explain_keeps_exactly_the_events_code_outputs_titles_included(string sample)
    {
        using var tmp = new TempDir();
        string path = Path.Combine(CliRunner.RepoRoot, "samples", sample);
        var code = CliRunner.Run(tmp.Path, null, "code", path, "--date", "2019-12-04");
        Assert.True(code.ExitCode == 0, code.Stderr);
        var explain = CliRunner.Run(tmp.Path, null, "explain", path, "--date", "2019-12-04");
        Assert.True(explain.ExitCode == 0, explain.Stderr);

        var coded = new List<string>();
        foreach (var line in code.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
            {
                var target = e.GetProperty("target");
                coded.Add(string.Join(' ', e.GetProperty("section").GetString(), e.GetProperty("cameo").GetString(),
                    e.GetProperty("source").GetProperty("actor").GetString(),
                    target.ValueKind == JsonValueKind.Null ? "-" : target.GetProperty("actor").GetString(), e.GetProperty("rule").GetString()));
            }
        }

        var explained = new List<string>();
        string section = "body";
        foreach (var line in explain.Stdout.Split('\n'))
        {
            if (line.StartsWith("title:", StringComparison.Ordinal)) section = "title";
            else if (line.StartsWith("body:", StringComparison.Ordinal)) section = "body";
            else if (line.Contains(": KEPT ", StringComparison.Ordinal))
            {
                var m = KeptLine().Match(line);
                Assert.True(m.Success, "unreadable KEPT line: " + line);
                explained.Add(string.Join(' ', section, m.Groups[1].Value, m.Groups[2].Value,
                    m.Groups[3].Success ? m.Groups[3].Value : "-", m.Groups[4].Value));
            }
        }

        Assert.NotEmpty(coded);
        coded.Sort(StringComparer.Ordinal);
        explained.Sort(StringComparer.Ordinal);
        Assert.Equal(coded, explained);
        if (sample.EndsWith(".jsonl", StringComparison.Ordinal))
            Assert.Contains(coded, c => c.StartsWith("title ", StringComparison.Ordinal));
    }
}
