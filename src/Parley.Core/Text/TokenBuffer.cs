namespace Parley.Core.Text;

/// <summary>A growable array of token structs, handed over to a <see cref="Document"/> without copying.</summary>
internal sealed class TokenBuffer
{
    private TokenData[] _items;

    public TokenBuffer(int capacity = 256) => _items = new TokenData[Math.Max(16, capacity)];

    public int Count { get; private set; }
    public TokenData[] Items => _items;
    public Span<TokenData> Span => _items.AsSpan(0, Count);
    public ref TokenData this[int index] => ref _items[index];

    public void Add(int start, int end, TokenFlags flags)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = new TokenData { Start = start, End = end, Flags = flags, Head = -1 };
    }

    public void Clear() => Count = 0;

    /// <summary>Makes tokens [<paramref name="first"/>, <paramref name="last"/>] the next sentence of <paramref name="doc"/>: their sentence number, the start flag and the sentence.</summary>
    public void AddSentence(Document doc, int first, int last)
    {
        int sentence = doc.SentenceCount;
        for (int k = first; k <= last; k++) _items[k].Sentence = sentence;
        _items[first].Flags |= TokenFlags.SentenceStart;
        doc.AddSentence(new SentenceData(_items[first].Start, _items[last].End, first, last + 1));
    }
}
