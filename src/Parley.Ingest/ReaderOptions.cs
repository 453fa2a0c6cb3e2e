namespace Parley.Ingest;

/// <summary>Limits and services used by <see cref="ArticleReader"/>.</summary>
public sealed record ReaderOptions
{
    /// <summary>Largest input file, downloaded page or JSONL line accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 20_000_000;

    /// <summary>When a feed item has only a summary, fetch its http(s) link and extract the page.</summary>
    public bool FollowFeedLinks { get; init; } = true;

    /// <summary>Client used for URLs and feed links; null means an internal client with <see cref="HttpTimeout"/>.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>Timeout of the internal client (ignored when <see cref="Http"/> is given).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A file that is not valid UTF-8 but is plainly text is decoded as Windows-1252 (and still reported
    /// as a problem, with the article). When false it is only reported and skipped.
    /// </summary>
    public bool DecodeLegacyEncodings { get; init; } = true;
}
