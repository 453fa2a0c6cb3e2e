namespace Parley.Core;

/// <summary>A light view of one token: the document and an index. Copying it copies two fields.</summary>
public readonly struct Token
{
    private readonly Document _doc;
    public readonly int Index;

    public Token(Document doc, int index) { _doc = doc; Index = index; }

    public ref readonly TokenData Data => ref _doc.TokenArray[Index];
    public int Start => Data.Start;
    public int End => Data.End;
    public ReadOnlySpan<char> Span => _doc.Text.AsSpan(Data.Start, Data.End - Data.Start);
    public string Text => _doc.Text.Substring(Data.Start, Data.End - Data.Start);
    /// <summary>The normalised form when one was set, else the text.</summary>
    public string Form => Data.Norm != 0 ? StringStore.Get(Data.Norm) : Text;
    public string Lemma => StringStore.Get(Data.Lemma);
    public UPos Upos => Data.Upos;
    public string Xpos => StringStore.Get(Data.Xpos);
    public string Feats => StringStore.Get(Data.Feats);
    public string Deprel => StringStore.Get(Data.Deprel);
    public int HeadIndex => Data.Head;
    public bool IsRoot => Data.Head < 0;
    public Token Head => Data.Head < 0 ? this : new Token(_doc, Data.Head);
    public int SentenceIndex => Data.Sentence;
    public Document Document => _doc;

    public override string ToString() => Text;
}

/// <summary>A light view of one sentence.</summary>
public readonly struct Sentence
{
    private readonly Document _doc;
    public readonly int Index;

    public Sentence(Document doc, int index) { _doc = doc; Index = index; }

    public ref readonly SentenceData Data => ref _doc.SentenceArray[Index];
    public int Start => Data.Start;
    public int End => Data.End;
    public ReadOnlySpan<char> Span => _doc.Text.AsSpan(Data.Start, Data.End - Data.Start);
    public string Text => _doc.Text.Substring(Data.Start, Data.End - Data.Start);
    public int FirstToken => Data.FirstToken;
    public int EndToken => Data.EndToken;
    public int TokenCount => Data.EndToken - Data.FirstToken;
    public Token this[int i] => new(_doc, Data.FirstToken + i);
    public ReadOnlySpan<TokenData> Tokens => _doc.Tokens.Slice(Data.FirstToken, Data.EndToken - Data.FirstToken);

    public override string ToString() => Text;
}
