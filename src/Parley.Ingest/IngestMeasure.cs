using System.Diagnostics;

namespace Parley.Ingest;

/// <summary>What one read + clean run over some inputs did, and how fast.</summary>
public readonly record struct IngestMeasurement(int Articles, int Problems, long CleanedChars, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
}

/// <summary>Times reading and cleaning on one thread (for `parley bench`); documents are built and dropped.</summary>
public static class IngestMeasure
{
    public static IngestMeasurement Run(ArticleReader reader, ArticleCleaner cleaner, IEnumerable<string> inputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(cleaner);
        var watch = Stopwatch.StartNew();
        int articles = 0, problems = 0;
        long chars = 0;
        foreach (var item in reader.Read(inputs, null, ct))
        {
            if (item.Problem is not null) problems++;
            if (item.Article is null) continue;
            chars += cleaner.ToDocument(item.Article, null).Text.Length;
            articles++;
        }
        watch.Stop();
        return new IngestMeasurement(articles, problems, chars, watch.Elapsed);
    }
}
