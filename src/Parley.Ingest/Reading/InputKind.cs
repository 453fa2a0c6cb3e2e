namespace Parley.Ingest.Reading;

internal enum InputKind { Unknown, Text, Html, JsonLines, JsonLinesGzip, Feed }

internal static class InputKinds
{
    public static InputKind FromPath(string path)
    {
        string name = Path.GetFileName(path);
        if (name.StartsWith('.')) return InputKind.Unknown; // hidden files (editor backups, .DS_Store)
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
            return InputKind.JsonLinesGzip;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" or ".text" => InputKind.Text,
            ".html" or ".htm" or ".xhtml" => InputKind.Html,
            ".jsonl" or ".ndjson" => InputKind.JsonLines,
            ".xml" or ".rss" or ".atom" => InputKind.Feed,
            _ => InputKind.Unknown,
        };
    }

    /// <summary>What a downloaded resource is: by its media type, else by its first characters.</summary>
    public static InputKind FromContent(string? mediaType, ReadOnlySpan<byte> bytes)
    {
        string type = mediaType?.ToLowerInvariant() ?? "";
        if (type.Contains("rss") || type.Contains("atom") || type.EndsWith("/xml", StringComparison.Ordinal)) return InputKind.Feed;
        if (type.Contains("html")) return InputKind.Html;
        if (type.Contains("ndjson") || type.Contains("jsonl") || type.EndsWith("/json", StringComparison.Ordinal)) return InputKind.JsonLines;
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        head = head[i..];
        if (head.StartsWith("<?xml"u8) || head.StartsWith("<rss"u8) || head.StartsWith("<feed"u8) || head.StartsWith("<rdf"u8))
        {
            // An XHTML page also starts with <?xml: look for the feed's root element.
            return head.IndexOf("<html"u8) >= 0 ? InputKind.Html : InputKind.Feed;
        }
        if (head.StartsWith("<"u8)) return InputKind.Html;
        if (head.StartsWith("{"u8)) return InputKind.JsonLines;
        return type.StartsWith("text/", StringComparison.Ordinal) || type.Length == 0 ? InputKind.Text : InputKind.Unknown;
    }
}
