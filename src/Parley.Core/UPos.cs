namespace Parley.Core;

/// <summary>Universal part-of-speech tags (UD v2). <see cref="None"/> means not tagged yet.</summary>
public enum UPos : byte
{
    None = 0, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

public static class UPosNames
{
    private static readonly string[] Names = Enum.GetNames<UPos>();

    public static string Name(this UPos tag) => tag == UPos.None ? "_" : Names[(int)tag];

    public static UPos Parse(ReadOnlySpan<char> name)
    {
        return Enum.TryParse<UPos>(name, ignoreCase: false, out var tag) ? tag : UPos.None;
    }

    public const int Count = 18;
}
