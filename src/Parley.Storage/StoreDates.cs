using Parley.Core;

namespace Parley.Storage;

/// <summary>How every store writes and reads days (ISO yyyy-MM-dd text).</summary>
public static class Dates
{
    public static string Format(DateOnly d) => DateValue.FormatDay(d);

    public static DateOnly? Parse(string? s) => DateValue.TryParseDay(s);
}

/// <summary>
/// The date columns every store keeps for an event, beside its own date (<see cref="EventRecord.Date"/>):
/// <see cref="Day"/> is the day the event is filed under (see <see cref="StoredEvent.Day"/>): its date when that is a
/// day; the publication day when the event has no date (as GDELT files undated events under their report); null when
/// the event is dated only to a week, month or year, which stays that grain and is never turned into one of its days.
/// <see cref="Start"/> and <see cref="End"/> bound the period (one day for a day); <see cref="Grain"/> is the date's grain
/// (null when undated). A date range selects an event dated only to a period when the whole period lies in the range.
/// </summary>
public readonly record struct EventDates(DateOnly? Day, string? Grain, DateOnly? Start, DateOnly? End)
{
    public static EventDates Of(string? eventDate, DateOnly? published)
    {
        if (DateValue.Parse(eventDate) is { } v)
            return new EventDates(v.Grain == DateGrain.Day ? v.First : null, v.GrainName, v.First, v.Last);
        return new EventDates(published, null, published, published);
    }
}
