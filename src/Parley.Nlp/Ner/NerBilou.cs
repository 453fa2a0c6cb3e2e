namespace Parley.Nlp.Ner;

/// <summary>
/// The tagger's internal label set, BILOU (Ratinov and Roth 2009): O = 0, then for type t: B = 1 + 4t (begins a
/// multi-token entity), I = 2 + 4t (inside), L = 3 + 4t (last), U = 4 + 4t (a one-token entity). Richer than IOB2
/// for learning; converted to IOB2 (<see cref="NerLabels"/>) for output.
/// </summary>
internal static class NerBilou
{
    public const int Count = 1 + 4 * 4;
    private const int B = 0, I = 1, Last = 2, U = 3;

    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) >> 2;
    private static int PartOf(int label) => (label - 1) & 3;

    /// <summary>Labels usable in a domain: the web domain (UNER) has no MISC, the last type.</summary>
    public static int Limit(NerDomain domain) => domain == NerDomain.Web ? 1 + 4 * 3 : Count;

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (<paramref name="previous"/> = -1 at the sentence start).</summary>
    public static bool Allowed(int previous, int label)
    {
        bool open = previous > 0 && PartOf(previous) is B or I;
        if (open)
            return label > 0 && TypeOf(label) == TypeOf(previous) && PartOf(label) is I or Last;
        return label == 0 || PartOf(label) is B or U;
    }

    /// <summary>Whether a sentence may end with this label (no entity left open).</summary>
    public static bool CanEnd(int label) => label == 0 || PartOf(label) is Last or U;

    public static void FromIob2(ReadOnlySpan<int> iob2, Span<int> bilou)
    {
        for (int k = 0; k < iob2.Length; k++)
        {
            int label = iob2[k];
            if (label == NerLabels.O) { bilou[k] = 0; continue; }
            int type = NerLabels.TypeOf(label);
            bool begins = NerLabels.IsBegin(label) || k == 0 || NerLabels.TypeOf(iob2[k - 1]) != type;
            bool continues = k + 1 < iob2.Length && NerLabels.IsInside(iob2[k + 1]) && NerLabels.TypeOf(iob2[k + 1]) == type;
            int part = begins ? (continues ? B : U) : (continues ? I : Last);
            bilou[k] = 1 + 4 * type + part;
        }
    }

    public static void ToIob2(ReadOnlySpan<int> bilou, Span<int> iob2)
    {
        for (int k = 0; k < bilou.Length; k++)
        {
            int label = bilou[k];
            if (label == 0) { iob2[k] = NerLabels.O; continue; }
            int type = TypeOf(label);
            iob2[k] = PartOf(label) is B or U ? NerLabels.Begin(type) : NerLabels.Inside(type);
        }
    }
}
