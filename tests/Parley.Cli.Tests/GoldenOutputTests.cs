using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>
/// Behaviour unchanged: `parley code` on the bundled samples prints what Golden/samples.jsonl holds (made by the command
/// in Golden/README.md). A difference is reported by document and field.
/// </summary>
public sealed class GoldenOutputTests
{
    private static string Golden => Path.Combine(CliRunner.RepoRoot, "tests", "Parley.Cli.Tests", "Golden", "samples.jsonl");

    [Fact]
    public void Code_on_the_bundled_samples_prints_the_golden_output()
    {
        using var tmp = new TempDir();
        string samples = Path.Combine(CliRunner.RepoRoot, "samples");
        var r = CliRunner.Run(tmp.Path, null, "code", Path.Combine(samples, "us-taliban-talks.txt"),
            Path.Combine(samples, "wikinews-2019-2020.jsonl"), "--date", "2019-12-04");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var expected = File.ReadAllLines(Golden);
        var actual = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.Length == actual.Length, $"{actual.Length} documents, the golden output has {expected.Length}");
        var differences = new List<string>();
        for (int i = 0; i < expected.Length; i++)
        {
            using var e = JsonDocument.Parse(expected[i]);
            using var a = JsonDocument.Parse(actual[i]);
            string id = e.RootElement.GetProperty("id").GetString()!;
            Compare(id, e.RootElement, a.RootElement, differences);
        }
        Assert.True(differences.Count == 0,
            $"{differences.Count} differences from the golden output (if meant, regenerate it: Golden/README.md); the first:\n"
            + string.Join("\n", differences.Take(30)));
    }

    /// <summary>Adds a line per leaf that differs, named by its path ("wikinews-012 events[3].cameo").</summary>
    private static void Compare(string path, JsonElement expected, JsonElement actual, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name));
                foreach (var name in names)
                {
                    bool inExpected = expected.TryGetProperty(name, out var ev), inActual = actual.TryGetProperty(name, out var av);
                    if (inExpected && inActual) Compare($"{path}.{name}", ev, av, differences);
                    else differences.Add($"{path}.{name}: " + (inExpected ? "missing" : $"not in the golden output: {Short(av)}"));
                }
                break;
            case JsonValueKind.Array:
                int n = expected.GetArrayLength(), m = actual.GetArrayLength();
                if (n != m) differences.Add($"{path}: {m} items, expected {n}");
                for (int i = 0; i < Math.Min(n, m); i++) Compare($"{path}[{i}]", expected[i], actual[i], differences);
                break;
            default:
                if (expected.GetRawText() != actual.GetRawText()) differences.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                break;
        }
    }

    private static string Short(JsonElement e)
    {
        string text = e.GetRawText();
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
