namespace Parley.Ingest;

/// <summary>An article as read from its input, before cleaning.</summary>
public sealed class RawArticle
{
    /// <summary>Where it came from: a file path, "path:line" for JSONL, "path#item" for feeds, "stdin", a URL.</summary>
    public required string Origin { get; init; }
    public string? Id { get; init; }
    public string? Title { get; init; }
    public DateOnly? Published { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    /// <summary>The text the cleaner works on; <see cref="Parley.Core.Document.OriginalOffsets"/> point into it.</summary>
    public required string Body { get; init; }
    /// <summary>True when <see cref="Body"/> is HTML (extracted page content, feed item HTML).</summary>
    public bool IsHtml { get; init; }
    /// <summary>Notes from reading, copied to the document's flags (e.g. "encoding:windows-1252").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
