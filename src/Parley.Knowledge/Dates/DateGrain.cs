using Parley.Core;

namespace Parley.Knowledge.Dates;

/// <summary>A matched expression: its word range, grain, and resolved date (null when it needs a publication date that is missing).</summary>
internal struct DateMatch
{
    public int First;
    /// <summary>One past the last word.</summary>
    public int End;
    public DateGrain Grain;
    public DateOnly? Date;

    public DateMatch(int first, int end, DateGrain grain, DateOnly? date)
    {
        First = first; End = end; Grain = grain; Date = date;
    }

    /// <summary>The value as the contract writes it (see <see cref="DateValue"/>), null when unresolved.</summary>
    public readonly string? Format() => Date is { } d ? DateValue.Of(Grain, d).ToString() : null;

    public static string GrainName(DateGrain grain) => DateValue.GrainText(grain);
}
