using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine.Tests;

/// <summary>The bundled samples (samples/ of the repository) as cleaned documents, ready for a pipeline.</summary>
internal static class Samples
{
    /// <summary>The repository root: the folder above the test's binaries that holds Parley.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder => Path.Combine(RepoRoot, "samples");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no Parley.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Publication dates of the samples that carry none (samples/dates.tsv: "file TAB yyyy-mm-dd"), as `parley serve`
    /// uses them when it fills an empty store.
    /// </summary>
    public static IReadOnlyDictionary<string, DateOnly> Dates()
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Folder, "dates.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var parts = line.Split('\t');
            dates[parts[0]] = DateValue.TryParseDay(parts[1]) ?? throw new InvalidDataException($"samples/dates.tsv: bad date '{parts[1]}'");
        }
        return dates;
    }

    /// <summary>The article files of samples/ (text, JSONL), in name order.</summary>
    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Folder).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every article of the samples read and cleaned by <paramref name="engine"/>, not yet annotated.</summary>
    public static IEnumerable<Document> CleanDocuments(ParleyEngine engine)
    {
        var dates = Dates();
        foreach (var file in Files())
        {
            DateOnly? date = dates.TryGetValue(Path.GetFileName(file), out var d) ? d : null;
            foreach (var item in engine.Reader.Read([file]))
            {
                if (item.Article is not { } article) throw new InvalidDataException($"{file}: {item.Problem}");
                yield return engine.Cleaner.ToDocument(article, date);
            }
        }
    }
}
