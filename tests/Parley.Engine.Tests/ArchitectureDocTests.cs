using Parley.Core;

namespace Parley.Engine.Tests;

/// <summary>docs/ARCHITECTURE.md's table of stages says what the descriptors say, in run order.</summary>
public sealed class ArchitectureDocTests
{
    [Fact]
    public void The_table_of_stages_matches_the_standard_descriptors()
    {
        var rows = File.ReadLines(Path.Combine(Samples.RepoRoot, "docs", "ARCHITECTURE.md"))
            .SkipWhile(l => !l.StartsWith("## Stages", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => (Name: c[1].Trim('`'), Requires: Parse(c[2]), Assigns: Parse(c[3]), Amends: Parse(c[4])))
            .ToList();
        var descriptors = StandardPipeline.Builder().Descriptors.Select(d => (d.Name, d.Requires, d.Assigns, d.Amends)).ToList();
        Assert.Equal(descriptors, rows);
    }

    private static Layers Parse(string cell) =>
        cell == "-" ? Layers.None : cell.Split(',', StringSplitOptions.TrimEntries).Aggregate(Layers.None, (all, name) => all | Enum.Parse<Layers>(name));
}
