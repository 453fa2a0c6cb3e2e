namespace Parley.Storage;

/// <summary>How a store cuts an event's sentence out of its document's text.</summary>
public static class StoredText
{
    /// <summary>The text between the stored offsets, or null when they are missing or do not fit the text.</summary>
    public static string? Sentence(string text, int? start, int? end) =>
        start is int s && end is int e && s >= 0 && e <= text.Length && s <= e ? text[s..e] : null;
}
