using System.Text;
using Parley.Core;
using Parley.Ingest.Reading;

namespace Parley.Ingest;

/// <summary>
/// Reads articles from files (.txt, .html/.htm, .jsonl, .jsonl.gz, .xml/.rss/.atom), folders (recursive,
/// ordinal path order), "-" (standard input) and http(s) URLs. Every bad input becomes a
/// <see cref="ReadItem"/> with a one-line problem; no exception escapes except cancellation.
/// Thread-safe: one instance may serve several Read calls.
/// </summary>
public sealed class ArticleReader
{
    private readonly ReaderOptions _options;
    private readonly Lazy<WebFetcher> _fetcher;

    public ArticleReader(ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _fetcher = new Lazy<WebFetcher>(() => new WebFetcher(options));
    }

    public ReaderOptions Options => _options;

    /// <summary>Reads the inputs in order; <paramref name="meter"/>, when given, follows the bytes read against the inputs' total size.</summary>
    public IEnumerable<ReadItem> Read(IEnumerable<string> inputs, TextReader? stdin = null, CancellationToken ct = default, ReadMeter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (meter is not null)
        {
            var list = inputs as IReadOnlyCollection<string> ?? inputs.ToList();
            foreach (string input in list) meter.AddTotal(InputBytes(input));
            inputs = list;
        }
        foreach (string input in inputs)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var item in ReadInput(input, stdin, ct, meter)) yield return item;
        }
    }

    /// <summary>The stored size of a file, or of the readable files under a folder; 0 when unknown.</summary>
    private static long InputBytes(string input)
    {
        try
        {
            if (File.Exists(input)) return new FileInfo(input).Length;
            if (!Directory.Exists(input)) return 0;
            long total = 0;
            foreach (var f in new DirectoryInfo(input).EnumerateFiles("*", FolderOptions))
                if (InputKinds.FromPath(f.FullName) != InputKind.Unknown) total += f.Length;
            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static readonly EnumerationOptions FolderOptions = new()
    {
        RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>One JSON object as sent to the API (a JSONL input line).</summary>
    public static ReadItem ParseJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseJson(Encoding.UTF8.GetBytes(json), origin);
    }

    /// <summary>One JSON object as UTF-8 bytes (a POST body): the same strict rules as a JSONL line, invalid UTF-8 included.</summary>
    public static ReadItem ParseJson(ReadOnlySpan<byte> utf8, string origin)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var article = JsonArticleParser.Parse(utf8, origin, out string? error, out string? warning);
        if (article is null) return ReadItem.FromJsonError(origin, error!);
        return new ReadItem(article, warning is null ? null : new InputProblem(origin, warning));
    }

    private IEnumerable<ReadItem> ReadInput(string input, TextReader? stdin, CancellationToken ct, ReadMeter? meter)
    {
        if (string.IsNullOrWhiteSpace(input)) return [ReadItem.Bad("(empty path)", "no input named")];
        if (input == "-") return stdin is null ? ReadStdinBytes(ct) : ReadStdin(stdin, ct);
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return ReadUrl(input, ct);
        try
        {
            if (Directory.Exists(input)) return ReadFolder(input, ct, meter);
            if (File.Exists(input))
            {
                var kind = InputKinds.FromPath(input);
                return kind == InputKind.Unknown
                    ? [ReadItem.Bad(input, "unsupported file type (expected .txt, .html, .htm, .jsonl, .jsonl.gz, .xml, .rss or .atom)")]
                    : ReadFile(input, kind, ct, meter);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Bad(input, e.Message)];
        }
        return [ReadItem.Bad(input, "no such file or directory")];
    }

    private IEnumerable<ReadItem> ReadFolder(string folder, CancellationToken ct, ReadMeter? meter)
    {
        List<string> files;
        string? problem = null;
        try
        {
            files = [];
            foreach (string f in Directory.EnumerateFiles(folder, "*", FolderOptions))
                if (InputKinds.FromPath(f) != InputKind.Unknown) files.Add(f);
            files.Sort(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = [];
            problem = e.Message;
        }
        if (problem is not null)
        {
            yield return ReadItem.Bad(folder, problem);
            yield break;
        }
        foreach (string file in files)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var item in ReadFile(file, InputKinds.FromPath(file), ct, meter)) yield return item;
        }
    }

    private IEnumerable<ReadItem> ReadFile(string path, InputKind kind, CancellationToken ct, ReadMeter? meter)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Bad(path, e.Message)];
        }
        if (length == 0) return [ReadItem.Bad(path, "empty file")];
        // A JSONL dump holds many articles: it is streamed whatever its size, and the limit applies to each line.
        if (kind is InputKind.JsonLines or InputKind.JsonLinesGzip) return ReadJsonLinesFile(path, kind == InputKind.JsonLinesGzip, ct, meter);
        // One article per file: the size is checked before reading, so a huge file costs nothing.
        if (length > _options.MaxBytes)
        {
            meter?.AddRead(length);
            return [ReadItem.Bad(path, $"too large for one article ({length:N0} bytes, limit {_options.MaxBytes:N0})")];
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            meter?.AddRead(bytes.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Bad(path, e.Message)];
        }
        return FromBytes(bytes, path, kind, url: null, ct);
    }

    private IEnumerable<ReadItem> FromBytes(byte[] bytes, string input, InputKind kind, string? url, CancellationToken ct)
    {
        // A feed in a legacy encoding says so in its XML declaration: let the parser decode it.
        if (kind == InputKind.Feed && !System.Text.Unicode.Utf8.IsValid(bytes) && FeedArticleSource.DeclaresEncoding(bytes) &&
            InputDecoder.BinaryReason(bytes) is null)
            return FeedArticleSource.Read(bytes, input, _options, () => _fetcher.Value, ct);
        var decoded = InputDecoder.Decode(bytes, _options.DecodeLegacyEncodings);
        if (decoded.Failed) return [ReadItem.Bad(input, decoded.Problem!)];
        return FromText(decoded.Text!, input, kind, url, decoded, ct);
    }

    private IEnumerable<ReadItem> FromText(string text, string input, InputKind kind, string? url, DecodedText decoded, CancellationToken ct)
    {
        IReadOnlyList<string> notes = decoded.Note is null ? [] : [decoded.Note];
        var warning = decoded.Problem is null ? null : new InputProblem(input, decoded.Problem);
        switch (kind)
        {
            case InputKind.Text:
                return [new ReadItem(PlainTextParser.Parse(text, input, notes), warning)];
            case InputKind.Html:
            {
                var article = HtmlArticleExtractor.Extract(text, input, url, notes, out string? error);
                if (article is null) return [ReadItem.Bad(input, error!)];
                if (warning is null && article.Notes.Contains(HtmlArticleExtractor.TruncatedNote))
                    warning = new InputProblem(input, HtmlArticleExtractor.TruncatedProblem);
                return [new ReadItem(article, warning)];
            }
            case InputKind.Feed:
                return WithWarning(FeedArticleSource.Read(text, input, _options, () => _fetcher.Value, ct), warning);
            case InputKind.JsonLines:
                return WithWarning(ReadJsonLinesText(text, input, ct), warning);
            default:
                return [ReadItem.Bad(input, "unsupported input")];
        }
    }

    private static IEnumerable<ReadItem> WithWarning(IEnumerable<ReadItem> items, InputProblem? warning)
    {
        if (warning is not null) yield return new ReadItem(null, warning);
        foreach (var item in items) yield return item;
    }

    private IEnumerable<ReadItem> ReadJsonLinesFile(string path, bool gzip, CancellationToken ct, ReadMeter? meter)
    {
        Stream? stream = null;
        string? openError = null;
        try
        {
            openError = BinaryHead(path, gzip);
            if (openError is null) stream = OpenJsonLines(path, gzip, meter);
        }
        catch (InvalidDataException e)
        {
            stream?.Dispose();
            openError = e.Message.TrimEnd('.');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            openError = e.Message;
        }
        if (openError is not null)
        {
            yield return ReadItem.Bad(path, openError);
            yield break;
        }
        using (stream)
        {
            foreach (var item in ReadJsonLines(stream!, path, ct)) yield return item;
        }
    }

    private static Stream OpenJsonLines(string path, bool gzip, ReadMeter? meter = null)
    {
        var file = File.OpenRead(path);
        if (gzip) return new CheckedGzipStream(file, meter);
        return meter is null ? file : new MeteredStream(file, meter);
    }

    /// <summary>A binary file is refused as a whole, not reported line by line: look at its first 64 KB (a NUL byte further on fails its line's JSON).</summary>
    private static string? BinaryHead(string path, bool gzip)
    {
        using var stream = OpenJsonLines(path, gzip);
        byte[] head = new byte[65536];
        int n = 0, read;
        while (n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0) n += read;
        return InputDecoder.BinaryReason(head.AsSpan(0, n));
    }

    private IEnumerable<ReadItem> ReadJsonLinesText(string text, string input, CancellationToken ct)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        foreach (var item in ReadJsonLines(stream, input, ct)) yield return item;
    }

    /// <summary>Streams JSONL: each bad line is reported as "input:line: problem" and reading goes on.</summary>
    private IEnumerable<ReadItem> ReadJsonLines(Stream stream, string input, CancellationToken ct)
    {
        using var lines = LineSplitter.Lines(stream, _options.MaxBytes, ct).GetEnumerator();
        int articles = 0, nonBlank = 0;
        while (true)
        {
            ByteLine line;
            string? streamError = null;
            try
            {
                if (!lines.MoveNext()) break;
                line = lines.Current;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                line = default;
                streamError = e.Message.TrimEnd('.');
            }
            if (streamError is not null)
            {
                yield return ReadItem.Bad(input, streamError);
                yield break;
            }
            string origin = input + ":" + line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (line.TooLong)
            {
                nonBlank++;
                yield return ReadItem.Bad(origin, $"line too long for one article (limit {_options.MaxBytes:N0} bytes); skipped");
                continue;
            }
            var bytes = line.Bytes.Span;
            if (line.Number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            if (IsBlankAscii(bytes)) continue;
            nonBlank++;
            var article = JsonArticleParser.Parse(bytes, origin, out string? error, out string? warning);
            if (article is null)
            {
                yield return ReadItem.FromJsonError(origin, error!);
                continue;
            }
            articles++;
            yield return new ReadItem(article, warning is null ? null : new InputProblem(origin, warning));
        }
        if (nonBlank == 0) yield return ReadItem.Bad(input, "empty file (no JSON lines)");
    }

    private static bool IsBlankAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>The process's standard input as bytes, so it gets the same strict decoding as a file.</summary>
    private IEnumerable<ReadItem> ReadStdinBytes(CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[65536];
            int read;
            while ((read = stdin.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes) return [ReadItem.Bad("stdin", $"too large (limit {_options.MaxBytes:N0} bytes)")];
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
        }
        catch (IOException e)
        {
            return [ReadItem.Bad("stdin", e.Message)];
        }
        var decoded = InputDecoder.Decode(bytes, _options.DecodeLegacyEncodings);
        if (decoded.Failed) return [ReadItem.Bad("stdin", decoded.Problem!.StartsWith("empty file", StringComparison.Ordinal) ? "empty input" : decoded.Problem)];
        var kind = decoded.Text.AsSpan().TrimStart().StartsWith("{") ? InputKind.JsonLines : InputKind.Text;
        return FromText(decoded.Text!, "stdin", kind, null, decoded, ct);
    }

    private IEnumerable<ReadItem> ReadStdin(TextReader reader, CancellationToken ct)
    {
        string text;
        string? problem = null;
        try
        {
            text = ReadCapped(reader, _options.MaxBytes, out bool tooLarge);
            if (tooLarge) problem = $"too large (limit {_options.MaxBytes:N0} characters)";
        }
        catch (IOException e)
        {
            text = "";
            problem = e.Message;
        }
        if (problem is null && InputDecoder.IsBlank(text)) problem = "empty input";
        if (problem is not null) return [ReadItem.Bad("stdin", problem)];
        if (text.IndexOf('\0', StringComparison.Ordinal) >= 0) return [ReadItem.Bad("stdin", "binary input (NUL character)")];
        var kind = text.AsSpan().TrimStart().StartsWith("{") ? InputKind.JsonLines : InputKind.Text;
        return FromText(text, "stdin", kind, null, default, ct);
    }

    private static string ReadCapped(TextReader reader, long max, out bool tooLarge)
    {
        var sb = new StringBuilder();
        char[] buffer = new char[16384];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (sb.Length + read > max)
            {
                tooLarge = true;
                return "";
            }
            sb.Append(buffer, 0, read);
        }
        tooLarge = false;
        return sb.ToString();
    }

    private IEnumerable<ReadItem> ReadUrl(string input, CancellationToken ct)
    {
        if (!Uri.TryCreate(input, UriKind.Absolute, out var uri)) return [ReadItem.Bad(input, "not a valid URL")];
        var page = _fetcher.Value.Fetch(uri, named: true, ct, out string? error);
        if (page is null) return [ReadItem.Bad(input, error!)];
        var kind = InputKinds.FromContent(page.MediaType, page.Bytes);
        if (page.Charset is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var encoding = Encoding.GetEncoding(charset);
                return FromText(encoding.GetString(page.Bytes), input, kind, page.Address.AbsoluteUri, default, ct);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall back to detection.
            }
        }
        return FromBytes(page.Bytes, input, kind, page.Address.AbsoluteUri, ct);
    }
}
