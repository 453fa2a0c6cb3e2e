using System.Runtime.InteropServices;

namespace Parley.Core;

/// <summary>
/// One token of a document, stored by value in the document's flat token array.
/// No reference fields: strings live in <see cref="StringStore"/> and are referred to by id,
/// so an array of these is one block of memory the GC never scans.
/// Offsets are UTF-16 positions into <see cref="Document.Text"/>, end exclusive.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TokenData
{
    public int Start;
    public int End;
    /// <summary>Index of the sentence that holds this token.</summary>
    public int Sentence;
    /// <summary>Absolute index (in the document) of the syntactic head; -1 for the root of a sentence or when unparsed.</summary>
    public int Head;
    public int Lemma;
    public int Xpos;
    public int Feats;
    public int Deprel;
    /// <summary>A normalised form (e.g. straight quotes for curly ones) when it differs from the text; 0 when it does not.</summary>
    public int Norm;
    public UPos Upos;
    public TokenFlags Flags;
}

[Flags]
public enum TokenFlags : byte
{
    None = 0,
    /// <summary>Whitespace follows the token in the text.</summary>
    SpaceAfter = 1,
    /// <summary>First token of a sentence.</summary>
    SentenceStart = 2,
    /// <summary>Part of a multiword token split from one surface word (e.g. "do" of "don't" is not; "gonna" parts are).</summary>
    MultiwordPart = 4,
}

/// <summary>A sentence: its character span and its half-open range of tokens.</summary>
public struct SentenceData
{
    public int Start;
    public int End;
    public int FirstToken;
    public int EndToken;

    public SentenceData(int start, int end, int firstToken = 0, int endToken = 0)
    {
        Start = start; End = end; FirstToken = firstToken; EndToken = endToken;
    }

    public readonly int TokenCount => EndToken - FirstToken;
}
