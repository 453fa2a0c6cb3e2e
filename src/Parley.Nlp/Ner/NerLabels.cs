namespace Parley.Nlp.Ner;

/// <summary>
/// The IOB2 label set: O, then B-/I- for each type. Label ids are fixed: O = 0, B-type = 1 + 2t, I-type = 2 + 2t,
/// with types PER, ORG, LOC, MISC in that order (the web domain has no MISC).
/// </summary>
public static class NerLabels
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    public const int Count = 9;
    public const int O = 0;

    public static int Begin(int type) => 1 + 2 * type;
    public static int Inside(int type) => 2 + 2 * type;
    /// <summary>Type index of a label, or -1 for O.</summary>
    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) >> 1;
    public static bool IsBegin(int label) => label != 0 && (label & 1) == 1;
    public static bool IsInside(int label) => label != 0 && (label & 1) == 0;

    public static int TypeIndex(ReadOnlySpan<char> type)
    {
        for (int t = 0; t < Types.Length; t++)
            if (type.SequenceEqual(Types[t])) return t;
        return -1;
    }

    /// <summary>Parses an IOB2 tag (or "O"); tags of unknown types (e.g. UNER's OTH) and "B-O" become O.</summary>
    public static int Parse(ReadOnlySpan<char> tag)
    {
        if (tag.Length < 3 || tag[1] != '-') return O;
        int type = TypeIndex(tag[2..]);
        if (type < 0) return O;
        return tag[0] switch { 'B' => Begin(type), 'I' => Inside(type), _ => O };
    }

    /// <summary>
    /// Converts a sentence's IOB1 tags (CoNLL-2003: I- everywhere, B- only between two adjacent entities of one type)
    /// to IOB2 label ids, in which every entity starts with B-.
    /// </summary>
    public static int[] FromIob1(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        int previous = O;
        for (int i = 0; i < tags.Count; i++)
        {
            int label = Parse(tags[i]);
            if (IsInside(label))
            {
                int type = TypeOf(label);
                if (previous == O || TypeOf(previous) != type) label = Begin(type);
            }
            labels[i] = label;
            previous = label;
        }
        return labels;
    }

    /// <summary>Entity spans of a label sequence as (first token, end token exclusive, type); a stray I- opens a span.</summary>
    public static List<(int Start, int End, int Type)> Spans(ReadOnlySpan<int> labels)
    {
        var spans = new List<(int, int, int)>();
        int start = -1, type = -1;
        for (int i = 0; i <= labels.Length; i++)
        {
            int label = i < labels.Length ? labels[i] : O;
            int t = TypeOf(label);
            bool opens = IsBegin(label) || (IsInside(label) && (start < 0 || t != type));
            if (start >= 0 && (label == O || opens))
            {
                spans.Add((start, i, type));
                start = -1; type = -1;
            }
            if (label != O && start < 0) { start = i; type = t; }
        }
        return spans;
    }
}
