using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    /// <summary>Intent to do what <paramref name="code"/> names ("intends to resume talks": 046 -> 036); threats for force.</summary>
    internal static string? IntentOf(string code)
    {
        int root = CameoOntology.RootOf(code);
        return root switch
        {
            1 or 2 or 3 or >= 9 and <= 13 => code,
            4 => code.StartsWith("045", StringComparison.Ordinal) ? "039" : "036",
            5 => code.StartsWith("057", StringComparison.Ordinal) ? "037" : "032",
            6 => Sub(code, "061", "0311", "062", "0312", "063", "0313", "064", "0314") ?? "031",
            7 => Sub(code, "071", "0331", "072", "0332", "073", "0333", "074", "0334") ?? "033",
            8 => Sub(code, "0831", "0341", "0832", "0342", "0833", "0343", "0834", "0344", "083", "034",
                           "081", "0351", "082", "0352", "084", "0353", "085", "0354", "086", "0355", "087", "0356") ?? "035",
            >= 14 => ThreatOf(code),
            _ => null,
        };
    }

    /// <summary>A stated future use of force or coercion as a threat ("will attack" -> 138); null where no threat code fits.</summary>
    internal static string? ThreatOf(string code)
    {
        int root = CameoOntology.RootOf(code);
        return root switch
        {
            14 => "133",
            16 => Sub(code, "161", "1313", "162", "1311", "163", "1312", "164", "134", "165", "135", "166", "136") ?? "131",
            17 => Sub(code, "1723", "1323", "1724", "1324", "172", "132") ?? "130",
            18 or 19 or 20 => "138",
            _ => null,
        };
    }

    /// <summary>Refusing to do what <paramref name="code"/> names ("refused to meet": 040 -> 125); null where no reject code fits.</summary>
    internal static string? RejectOf(string code)
    {
        int root = CameoOntology.RootOf(code);
        return root switch
        {
            1 => "011",
            2 or 3 or 10 or 11 or 12 => "120",
            4 => code.StartsWith("045", StringComparison.Ordinal) ? "126" : "125",
            5 => code.StartsWith("057", StringComparison.Ordinal) ? "127" : "120",
            6 => Sub(code, "061", "1211", "062", "1212", "064", "1214") ?? "121",
            7 => Sub(code, "071", "1221", "072", "1222", "073", "1223", "074", "1224") ?? "122",
            8 => Sub(code, "083", "123", "081", "1241", "082", "1242", "084", "1243", "085", "1244", "086", "1245", "087", "1246") ?? "124",
            _ => null,
        };
    }

    /// <summary>The replacement of the first prefix (pairs: prefix, replacement) that <paramref name="code"/> starts with.</summary>
    private static string? Sub(string code, params string[] pairs)
    {
        for (int i = 0; i + 1 < pairs.Length; i += 2)
            if (code.StartsWith(pairs[i], StringComparison.Ordinal)) return pairs[i + 1];
        return null;
    }
}
