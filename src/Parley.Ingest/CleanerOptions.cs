namespace Parley.Ingest;

/// <summary>Which cleaning rules <see cref="ArticleCleaner"/> applies. Everything is on by default.</summary>
public sealed record CleanerOptions
{
    /// <summary>Repair UTF-8 read as Windows-1252 ("â€™" -> "'", "Ã©" -> "é").</summary>
    public bool RepairMojibake { get; init; } = true;
    /// <summary>Decode HTML entities left in plain text ("&amp;amp;", "&amp;#39;").</summary>
    public bool DecodeEntities { get; init; } = true;
    /// <summary>Join hard-wrapped lines inside a paragraph (newswire bodies).</summary>
    public bool JoinWrappedLines { get; init; } = true;
    /// <summary>Drop paragraphs repeating the title, and short paragraphs repeating an earlier one.</summary>
    public bool DropRepeatedParagraphs { get; init; } = true;
    /// <summary>Drop a leading paragraph that is only a date ("Friday, January 4, 2019").</summary>
    public bool DropLeadingDateline { get; init; } = true;
    /// <summary>Drop a closing "Reuter"/"Reuters" sign-off line.</summary>
    public bool DropSignOff { get; init; } = true;
    /// <summary>Identify the language (otherwise every document is "en").</summary>
    public bool IdentifyLanguage { get; init; } = true;
}
