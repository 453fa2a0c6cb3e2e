namespace Parley.Ingest;

/// <summary>Limits and services used by <see cref="ArticleReader"/>.</summary>
public sealed record ReaderOptions
{
    /// <summary>
    /// Largest article accepted, in bytes: a .txt/.html file, a downloaded page, a feed item, one JSONL line. A JSONL
    /// file or a feed may be of any size: it is read record by record and only a record over the limit is refused.
    /// </summary>
    public long MaxBytes { get; init; } = 20_000_000;

    /// <summary>When a feed item has only a summary, fetch its http(s) link and extract the page.</summary>
    public bool FollowFeedLinks { get; init; } = true;

    /// <summary>Client used for URLs and feed links; null means an internal client that checks every address it connects to.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>Longest a single read may wait for the server (connect, headers, each part of the body).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest one fetch may take in all, retries included: a server that trickles bytes cannot hold a run.</summary>
    public TimeSpan FetchDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries after the first for transient failures (connection errors, timeouts, HTTP 429 and 5xx), with back-off.</summary>
    public int FetchRetries { get; init; } = 2;

    /// <summary>Wait before the first retry; doubled for each further one (a Retry-After header within the deadline wins).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Feed item links and redirects may lead to loopback, link-local and private (RFC 1918, unique-local) addresses.
    /// Off by default: a feed from the open web must not make Parley reach into the network it runs in. A URL named
    /// as an input is always fetched, wherever it points.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>User-Agent header of every request.</summary>
    public string UserAgent { get; init; } = "Parley/1.0 (news event coder)";

    /// <summary>
    /// A file that is not valid UTF-8 but is plainly text is decoded as Windows-1252 (and still reported
    /// as a problem, with the article). When false it is only reported and skipped.
    /// </summary>
    public bool DecodeLegacyEncodings { get; init; } = true;
}
