namespace Parley.Core;

/// <summary>
/// One article: cleaned text, metadata, and its annotation layers. Tokens and sentences are flat
/// arrays of structs indexed by position; <see cref="Token"/> and <see cref="Sentence"/> are views.
/// Every offset is a UTF-16 position into <see cref="Text"/>, end exclusive.
/// A document is written by one pipeline on one thread at a time.
/// </summary>
public sealed class Document
{
    private TokenData[] _tokens = [];
    private int _tokenCount;
    private SentenceData[] _sentences = [];
    private int _sentenceCount;

    public Document(string id, string text)
    {
        Id = id;
        Text = text;
    }

    /// <summary>Stable id: the input's id, or a hash of the cleaned text.</summary>
    public string Id { get; set; }
    public string Text { get; set; }
    public string? Title { get; set; }
    public DateOnly? Published { get; set; }
    /// <summary>ISO 639-1 code.</summary>
    public string Language { get; set; } = "en";
    /// <summary>Confidence of the language identification, 0..1.</summary>
    public double LanguageScore { get; set; } = 1.0;
    public string? Source { get; set; }
    public string? Url { get; set; }
    /// <summary>Where the document came from (a file path, a feed item, stdin:N).</summary>
    public string? Origin { get; set; }
    /// <summary>Maps cleaned offsets back to the original input text; null when the text was not cleaned.</summary>
    public OffsetMap? OriginalOffsets { get; set; }
    /// <summary>Notes raised while processing (e.g. "language:de not processed by English models").</summary>
    public List<string> Flags { get; } = [];
    /// <summary>Layers that have been computed.</summary>
    public Layers Done { get; set; }

    public List<EntityMention> Entities { get; } = [];
    public List<PlaceMention> Places { get; } = [];
    public List<DateMention> Dates { get; } = [];
    public List<QuoteMention> Quotes { get; } = [];
    public List<EventRecord> Events { get; } = [];
    /// <summary>Labelled spans marked by components outside the standard pipeline (<see cref="Layers.Spans"/>).</summary>
    public List<SpanMark> Spans { get; } = [];

    // ---- tokens ----
    public int TokenCount => _tokenCount;
    public ReadOnlySpan<TokenData> Tokens => _tokens.AsSpan(0, _tokenCount);
    /// <summary>The token array itself, for components that write a layer in place.</summary>
    public Span<TokenData> TokensMutable => _tokens.AsSpan(0, _tokenCount);
    internal TokenData[] TokenArray => _tokens;
    public Token Token(int index) => new(this, index);

    public void ClearTokens() => _tokenCount = 0;

    public int AddToken(in TokenData token)
    {
        if (_tokenCount == _tokens.Length) Array.Resize(ref _tokens, Math.Max(64, _tokens.Length * 2));
        _tokens[_tokenCount] = token;
        return _tokenCount++;
    }

    /// <summary>Makes room for this many tokens and sentences in all, so appending them does not regrow the arrays.</summary>
    public void EnsureCapacity(int tokens, int sentences)
    {
        if (tokens > _tokens.Length) Array.Resize(ref _tokens, tokens);
        if (sentences > _sentences.Length) Array.Resize(ref _sentences, sentences);
    }

    /// <summary>Replaces the token layer with <paramref name="count"/> tokens of <paramref name="tokens"/> (taken over, not copied).</summary>
    public void SetTokens(TokenData[] tokens, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, tokens.Length);
        _tokens = tokens;
        _tokenCount = count;
    }

    // ---- sentences ----
    public int SentenceCount => _sentenceCount;
    public ReadOnlySpan<SentenceData> Sentences => _sentences.AsSpan(0, _sentenceCount);
    public Span<SentenceData> SentencesMutable => _sentences.AsSpan(0, _sentenceCount);
    internal SentenceData[] SentenceArray => _sentences;
    public Sentence Sentence(int index) => new(this, index);

    public void ClearSentences() => _sentenceCount = 0;

    public int AddSentence(in SentenceData sentence)
    {
        if (_sentenceCount == _sentences.Length) Array.Resize(ref _sentences, Math.Max(16, _sentences.Length * 2));
        _sentences[_sentenceCount] = sentence;
        return _sentenceCount++;
    }

    /// <summary>Index of the sentence containing character <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = _sentenceCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            ref readonly var s = ref _sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the token containing character <paramref name="offset"/>, or -1.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = _tokenCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            ref readonly var t = ref _tokens[mid];
            if (offset < t.Start) hi = mid - 1;
            else if (offset >= t.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The publication date as YYYY-MM-DD, or null.</summary>
    public string? PublishedText => DateValue.FormatDay(Published);
}
