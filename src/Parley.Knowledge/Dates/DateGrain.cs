namespace Parley.Knowledge.Dates;

public enum DateGrain : byte { Day, Week, Month, Year }

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

    public readonly string? Format() => Date is not { } d ? null : Grain switch
    {
        DateGrain.Day => DateArithmetic.FormatDay(d),
        DateGrain.Week => DateArithmetic.FormatWeek(d),
        DateGrain.Month => DateArithmetic.FormatMonth(d),
        _ => DateArithmetic.FormatYear(d),
    };

    public static string GrainName(DateGrain grain) => grain switch
    {
        DateGrain.Day => "day",
        DateGrain.Week => "week",
        DateGrain.Month => "month",
        _ => "year",
    };
}
