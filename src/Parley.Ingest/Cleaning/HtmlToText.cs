namespace Parley.Ingest.Cleaning;

/// <summary>
/// HTML to plain text in one pass, keeping each character's position: tags go, block elements become
/// paragraph breaks ("\n\n"), &lt;br&gt; a line break, source line breaks a space (as a browser shows them),
/// and script/style/template content is dropped. Entities are left for <see cref="CharNormalizer"/>.
/// </summary>
internal static class HtmlToText
{
    public static void Convert(ReadOnlySpan<char> html, MappedBuffer output)
    {
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                int next = SkipMarkup(html, i, output);
                if (next > i)
                {
                    i = next;
                    continue;
                }
                output.Append('<', i); // a lone '<' in text
                i++;
                continue;
            }
            output.Append(c is '\n' or '\r' or '\t' ? ' ' : c, i);
            i++;
        }
    }

    /// <summary>Consumes a tag, comment or declaration at <paramref name="start"/>; returns the position after it, or start when it is text.</summary>
    private static int SkipMarkup(ReadOnlySpan<char> html, int start, MappedBuffer output)
    {
        int i = start + 1;
        if (i >= html.Length) return start;
        if (html[i] == '!')
        {
            if (html[i..].StartsWith("!--"))
            {
                int close = html[(i + 3)..].IndexOf("-->");
                return close < 0 ? html.Length : i + 3 + close + 3;
            }
            int gt = html[i..].IndexOf('>');
            return gt < 0 ? html.Length : i + gt + 1;
        }
        if (html[i] == '?')
        {
            int gt = html[i..].IndexOf('>');
            return gt < 0 ? html.Length : i + gt + 1;
        }
        bool closing = html[i] == '/';
        if (closing) i++;
        if (i >= html.Length || !char.IsAsciiLetter(html[i])) return start;
        int nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':')) i++;
        var name = html[nameStart..i];
        int end = TagEnd(html, i);
        if (!closing && IsRawContent(name))
        {
            // Skip to the matching close tag.
            int j = end;
            while (j < html.Length)
            {
                int lt = html[j..].IndexOf("</");
                if (lt < 0) return html.Length;
                j += lt + 2;
                if (html.Length - j >= name.Length && html.Slice(j, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                    return TagEnd(html, j + name.Length);
            }
            return html.Length;
        }
        if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) output.Append('\n', start);
        else if (IsBlock(name))
        {
            output.Append('\n', start);
            output.Append('\n', start);
        }
        else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            output.Append(' ', start);
        return end;
    }

    private static int TagEnd(ReadOnlySpan<char> html, int i)
    {
        char quote = '\0';
        for (; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static bool IsRawContent(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("noscript", StringComparison.OrdinalIgnoreCase) || name.Equals("template", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("iframe", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("head", StringComparison.OrdinalIgnoreCase) || name.Equals("select", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] BlockTags =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody",
        "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "figure", "figcaption",
        "hr", "address", "form", "fieldset", "caption", "body", "html", "title", "center",
    ];

    private static bool IsBlock(ReadOnlySpan<char> name)
    {
        foreach (string tag in BlockTags)
            if (name.Equals(tag, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
