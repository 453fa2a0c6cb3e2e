using System.Text;

namespace Parley.Ingest.Reading;

/// <summary>
/// One linear pass that turns any HTML into HTML of bounded shape before the content extractor parses it: elements
/// nest at most <see cref="MaxDepth"/> deep (deeper start tags and their end tags are dropped, their text kept), every
/// element is closed in order (implied ends of p, li, td... are made explicit, stray end tags dropped), each element
/// keeps at most <see cref="MaxAttributes"/> attributes from the few the extractor reads (id, class, href, itemprop,
/// meta content, dates...), each at most <see cref="MaxAttributeChars"/> long, and comments, scripts (except JSON-LD
/// metadata), styles, SVG and templates are gone. No element has more than <see cref="MaxChildren"/> child elements
/// of its own: further children go into added wrapper elements, spans (a DOM finds an element's next sibling by searching its
/// parent's children, so 40,000 siblings cost a Readability walk 40,000 searches of 40,000). A page of more than
/// <see cref="MaxElements"/> elements is cut there (<c>truncated</c>). A parser and a Readability port on such input do
/// work linear in its size: 100,000 nested or unclosed tags, links or attributes cost about what their text does.
/// </summary>
internal static class HtmlFlattener
{
    public const int MaxDepth = 48;
    public const int MaxChildren = 256;
    public const int MaxElements = 250_000;
    public const int MaxAttributes = 8;
    public const int MaxAttributeChars = 2048;
    private const int MaxNameChars = 32;

    private static readonly HashSet<string> KeptAttributes = new(StringComparer.Ordinal)
    {
        "id", "class", "href", "rel", "itemprop", "itemtype", "itemscope", "property", "name", "content", "datetime",
        "pubdate", "lang", "type", "charset", "http-equiv", "role", "title",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    };

    /// <summary>Elements whose whole content is dropped (the cleaner drops it too).</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "math", "iframe", "noscript", "object", "canvas", "select", "textarea", "noembed", "noframes",
    };

    /// <summary>Elements whose content is text up to their end tag (no markup inside).</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "title", "xmp", "plaintext" };

    /// <summary>Start tags that end an open p, as HTML does.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li",
        "dd", "dt",
    };

    /// <summary>Elements that bound the search for an implied end (a list item does not end the list around its own list).</summary>
    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal)
    {
        "html", "body", "table", "td", "th", "ul", "ol", "dl", "div", "section", "article", "blockquote", "main", "aside", "nav",
    };

    public static string Flatten(string html) => Flatten(html, out _);

    public static string Flatten(string html, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new StringBuilder(html.Length + 256);
        var open = new OpenElements();
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var span = html.AsSpan();
        int i = 0;
        truncated = false;
        while (i < span.Length)
        {
            if (open.Elements >= MaxElements)
            {
                truncated = true;
                break;
            }
            int lt = span[i..].IndexOf('<');
            if (lt < 0)
            {
                output.Append(span[i..]);
                break;
            }
            output.Append(span.Slice(i, lt));
            i += lt;
            i = Markup(span, i, output, open, dropped);
        }
        for (int k = open.Count - 1; k >= 0; k--) output.Append("</").Append(open[k]).Append('>');
        return output.ToString();
    }

    /// <summary>The stack of open elements, with each one's number of child elements and whether it is an added wrapper.</summary>
    private sealed class OpenElements
    {
        private readonly List<string> _names = new(MaxDepth);
        private readonly List<int> _children = new(MaxDepth);
        private readonly List<bool> _wrapper = new(MaxDepth);
        private int _rootChildren;

        public int Count => _names.Count;
        public int Elements { get; private set; }
        public string this[int index] => _names[index];

        public int LastIndexOf(string name) => _names.LastIndexOf(name);

        public void RemoveRange(int index, int count)
        {
            _names.RemoveRange(index, count);
            _children.RemoveRange(index, count);
            _wrapper.RemoveRange(index, count);
        }

        /// <summary>Makes room for one more child element under the current element (closing a full wrapper, opening a new one); false when too deep.</summary>
        public bool MakeRoom(StringBuilder output)
        {
            while (true)
            {
                int top = _names.Count - 1;
                int children = top >= 0 ? _children[top] : _rootChildren;
                if (children < MaxChildren) return true;
                if (top >= 0 && _wrapper[top])
                {
                    output.Append("</").Append(_names[top]).Append('>');
                    RemoveRange(top, 1);
                    continue;
                }
                if (_names.Count >= MaxDepth) return false;
                string wrapper = WrapperFor(top >= 0 ? _names[top] : "body");
                output.Append('<').Append(wrapper).Append('>');
                Push(wrapper, isWrapper: true);
                return true;
            }
        }

        public void Counted()
        {
            Elements++;
            if (_names.Count > 0) _children[^1]++;
            else _rootChildren++;
        }

        public void Push(string name, bool isWrapper = false)
        {
            if (isWrapper) Counted();
            _names.Add(name);
            _children.Add(0);
            _wrapper.Add(isWrapper);
        }

        /// <summary>
        /// An element that may hold what its parent holds without changing how a parser reads the page: a tbody in a
        /// table, else a span (a span is no candidate of its own for a Readability port, where a div would be one).
        /// </summary>
        private static string WrapperFor(string parent) => parent is "table" or "thead" or "tbody" or "tfoot" ? "tbody" : "span";
    }

    /// <summary>Handles the markup at <paramref name="start"/> (a '&lt;'); returns the position after it.</summary>
    private static int Markup(ReadOnlySpan<char> html, int start, StringBuilder output, OpenElements open, Dictionary<string, int> dropped)
    {
        int i = start + 1;
        if (i >= html.Length)
        {
            output.Append("&lt;");
            return i;
        }
        char c = html[i];
        if (c == '!')
        {
            if (html[i..].StartsWith("!--"))
            {
                int close = html[(i + 3)..].IndexOf("-->");
                return close < 0 ? html.Length : i + 3 + close + 3;
            }
            int gt = html[i..].IndexOf('>');
            int end = gt < 0 ? html.Length : i + gt + 1;
            if (html[i..].StartsWith("!doctype", StringComparison.OrdinalIgnoreCase) && end - start < 256) output.Append(html[start..end]);
            return end;
        }
        if (c == '?')
        {
            int gt = html[i..].IndexOf('>');
            return gt < 0 ? html.Length : i + gt + 1;
        }
        bool closing = c == '/';
        if (closing) i++;
        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
        {
            output.Append("&lt;");
            return start + 1;
        }
        int nameStart = i;
        while (i < html.Length && !IsTagNameEnd(html[i])) i++;
        string name = TagName(html[nameStart..i]);
        var tag = new TagScan();
        int after = ScanAttributes(html, i, closing ? null : tag);
        if (closing)
        {
            EndTag(name, output, open, dropped);
            return after;
        }
        if (DroppedWithContent.Contains(name))
        {
            int contentEnd = FindEndTag(html, after, name, out int next);
            if (name == "script" && tag.IsJsonLd && open.MakeRoom(output) && open.Count < MaxDepth)
            {
                open.Counted();
                output.Append("<script type=\"application/ld+json\">").Append(html[after..contentEnd]).Append("</script>");
            }
            return next;
        }
        if (RawText.Contains(name))
        {
            int contentEnd = FindEndTag(html, after, name, out int next);
            if (open.MakeRoom(output) && open.Count < MaxDepth)
            {
                open.Counted();
                output.Append('<').Append(name).Append('>').Append(html[after..contentEnd]).Append("</").Append(name).Append('>');
            }
            return next;
        }
        StartTag(name, tag, output, open, dropped);
        return after;
    }

    private static void StartTag(string name, TagScan tag, StringBuilder output, OpenElements open, Dictionary<string, int> dropped)
    {
        // Implied ends: a new paragraph, list item, cell or row ends the open one, as an HTML parser would.
        if (ClosesParagraph.Contains(name)) CloseImplied(open, output, "p");
        if (name is "li") CloseImplied(open, output, "li");
        else if (name is "dt" or "dd") { CloseImplied(open, output, "dt"); CloseImplied(open, output, "dd"); }
        else if (name is "td" or "th") { CloseImplied(open, output, "td"); CloseImplied(open, output, "th"); }
        else if (name is "tr") { CloseImplied(open, output, "td"); CloseImplied(open, output, "th"); CloseImplied(open, output, "tr"); }
        else if (name is "a" or "option" or "button") CloseImplied(open, output, name);
        bool isVoid = VoidElements.Contains(name);
        if (!open.MakeRoom(output) || !isVoid && open.Count >= MaxDepth)
        {
            if (!isVoid) dropped[name] = dropped.GetValueOrDefault(name) + 1;
            return;
        }
        output.Append('<').Append(name);
        tag.AppendTo(output);
        output.Append('>');
        if (isVoid) open.Counted();
        else
        {
            open.Counted();
            open.Push(name);
        }
    }

    private static void EndTag(string name, StringBuilder output, OpenElements open, Dictionary<string, int> dropped)
    {
        if (dropped.TryGetValue(name, out int n) && n > 0)
        {
            dropped[name] = n - 1;
            return;
        }
        int at = open.LastIndexOf(name);
        if (at < 0)
        {
            if (name is "br" or "p") output.Append('<').Append(name).Append('>'); // "</br>" and a stray "</p>" are breaks in HTML
            return;
        }
        for (int k = open.Count - 1; k >= at; k--) output.Append("</").Append(open[k]).Append('>');
        open.RemoveRange(at, open.Count - at);
    }

    /// <summary>Closes the nearest open <paramref name="name"/> unless a scope element lies between.</summary>
    private static void CloseImplied(OpenElements open, StringBuilder output, string name)
    {
        for (int k = open.Count - 1; k >= 0; k--)
        {
            if (open[k] == name)
            {
                for (int j = open.Count - 1; j >= k; j--) output.Append("</").Append(open[j]).Append('>');
                open.RemoveRange(k, open.Count - k);
                return;
            }
            if (Scopes.Contains(open[k])) return;
        }
    }

    private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    private static string TagName(ReadOnlySpan<char> raw)
    {
        if (raw.Length > MaxNameChars) raw = raw[..MaxNameChars];
        Span<char> lower = stackalloc char[raw.Length];
        int n = 0;
        foreach (char ch in raw)
            if (char.IsAsciiLetterOrDigit(ch) || ch is '-' or ':') lower[n++] = char.ToLowerInvariant(ch);
        return n == 0 ? "span" : new string(lower[..n]);
    }

    /// <summary>
    /// Reads the attributes of a tag from <paramref name="i"/> to its '&gt;' (quotes respected) and returns the position
    /// after it; the kept ones go into <paramref name="tag"/> (null for end tags: everything is skipped).
    /// </summary>
    private static int ScanAttributes(ReadOnlySpan<char> html, int i, TagScan? tag)
    {
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '>') return i + 1;
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '/')
            {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < html.Length && html[i] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>' or '=')) i++;
            var attrName = html[nameStart..i];
            while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r' or '\f') i++;
            ReadOnlySpan<char> value = default;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r' or '\f') i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    char quote = html[i];
                    int close = html[(i + 1)..].IndexOf(quote);
                    int valueEnd = close < 0 ? html.Length : i + 1 + close;
                    value = html[(i + 1)..valueEnd];
                    i = Math.Min(html.Length, valueEnd + 1);
                }
                else
                {
                    int valueStart = i;
                    while (i < html.Length && html[i] is not (' ' or '\t' or '\n' or '\r' or '\f' or '>')) i++;
                    value = html[valueStart..i];
                }
            }
            tag?.Offer(attrName, value);
        }
        return html.Length;
    }

    /// <summary>The start of the end tag of <paramref name="name"/> at or after <paramref name="from"/> (or the end), and the position after that tag.</summary>
    private static int FindEndTag(ReadOnlySpan<char> html, int from, string name, out int next)
    {
        int j = from;
        while (j < html.Length)
        {
            int lt = html[j..].IndexOf("</");
            if (lt < 0) break;
            int at = j + lt;
            int nameAt = at + 2;
            if (html.Length - nameAt >= name.Length && html.Slice(nameAt, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (nameAt + name.Length == html.Length || IsTagNameEnd(html[nameAt + name.Length])))
            {
                int gt = html[nameAt..].IndexOf('>');
                next = gt < 0 ? html.Length : nameAt + gt + 1;
                return at;
            }
            j = at + 2;
        }
        next = html.Length;
        return html.Length;
    }

    /// <summary>The attributes kept from one start tag.</summary>
    private sealed class TagScan
    {
        private readonly List<(string Name, string Value)> _kept = [];

        public bool IsJsonLd { get; private set; }

        public void Offer(ReadOnlySpan<char> rawName, ReadOnlySpan<char> value)
        {
            if (_kept.Count >= MaxAttributes || rawName.Length > MaxNameChars) return;
            Span<char> lower = stackalloc char[rawName.Length];
            int n = rawName.ToLowerInvariant(lower);
            var key = KeptAttributes.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!key.TryGetValue(lower[..n], out var name)) return;
            foreach (var (kept, _) in _kept)
                if (kept == name) return; // the first of repeated attributes wins, as in HTML
            if (value.Length > MaxAttributeChars) return;
            if (name == "type" && value.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)) IsJsonLd = true;
            _kept.Add((name, value.ToString()));
        }

        public void AppendTo(StringBuilder output)
        {
            foreach (var (name, value) in _kept)
            {
                output.Append(' ').Append(name).Append("=\"");
                foreach (char ch in value)
                {
                    if (ch == '"') output.Append("&quot;");
                    else if (ch == '<') output.Append("&lt;");
                    else output.Append(ch);
                }
                output.Append('"');
            }
        }
    }
}
