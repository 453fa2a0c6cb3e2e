namespace Parley.Storage;

/// <summary>How a store cuts text out of a stored document: an event's sentence, a search hit's lead.</summary>
public static class StoredText
{
    /// <summary>Characters of a document's text given as its snippet when there is no full-text query to mark.</summary>
    public const int LeadChars = 240;

    /// <summary>The text between the stored offsets, or null when they are missing or do not fit the text.</summary>
    public static string? Sentence(string text, int? start, int? end) =>
        start is int s && end is int e && s >= 0 && e <= text.Length && s <= e ? text[s..e] : null;
}
