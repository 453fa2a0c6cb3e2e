using System.Globalization;

namespace Parley.Events.Cameo;

/// <summary>
/// The parties in government of the knowledge base (data/kb/governments.tsv.gz, from supplement/governments.tsv): a party's
/// knowledge-base id ("actor:LABOUR_PARTY"), its country's GOV code and the dates it governed, both ends inclusive. CAMEO
/// codes governing parties and coalition partners as the government (issue 11).
/// </summary>
internal sealed class GoverningParties
{
    private readonly Dictionary<string, List<(string Code, DateOnly From, DateOnly To)>> _byParty = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public static GoverningParties Load(string path)
    {
        var table = new GoverningParties();
        if (!File.Exists(path)) return table;
        foreach (var c in CameoData.ReadTsv(path))
            if (c.Length >= 4) table.Add(c[0], c[1], Day(c[2]) ?? DateOnly.MinValue, Day(c[3]) ?? DateOnly.MaxValue);
        return table;
    }

    private static DateOnly? Day(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Add(string party, string code, DateOnly from, DateOnly to)
    {
        if (!_byParty.TryGetValue(party, out var list)) _byParty[party] = list = [];
        list.Add((code, from, to));
        Count++;
    }

    /// <summary>The government code (GBRGOV) of the party with knowledge-base id <paramref name="party"/> on
    /// <paramref name="date"/>, or null when it was not in office then (or no date is known).</summary>
    public string? InOffice(string? party, DateOnly? date)
    {
        if (party is null || date is not { } d || !_byParty.TryGetValue(party, out var list)) return null;
        foreach (var (code, from, to) in list)
            if (d >= from && d <= to) return code;
        return null;
    }
}
