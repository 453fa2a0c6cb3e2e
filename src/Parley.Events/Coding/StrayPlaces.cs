using Parley.Core;

namespace Parley.Events;

/// <summary>
/// Towns whose actor code is only the geocoder's guess of a far-away namesake ("Torbay", an English town, placed in
/// Canada; "Heathrow" in Florida): an entity linked to a country only through a town or division of that country is no
/// actor when nothing else in the article names that country. A capital or a country itself is always its country, and a
/// town in a country the article speaks of ("Basra" in an article about Iraq) keeps it.
/// </summary>
internal static class StrayPlaces
{
    /// <summary>For each entity of <paramref name="doc"/>, whether its actor code is a stray town's guess; null when none is.</summary>
    public static bool[]? Find(Document doc)
    {
        if (doc.Places.Count == 0) return null;
        // Countries the article names other than through a town: countries and capitals, demonyms, entities linked to a
        // country in the knowledge base, actors coded with a role (GBRGOV) or by their own name.
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in doc.Places)
            if (p.Country is { } c && !IsTown(p)) named.Add(c);
        foreach (var m in doc.Entities)
            if (m.Actor is { Length: >= 3 } a && (a.Length > 3 || m.Kb?.StartsWith("country:", StringComparison.Ordinal) == true)) named.Add(a[..3]);
        bool[]? stray = null;
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var m = doc.Entities[i];
            if (m.Actor is not { Length: 3 } code || named.Contains(code)) continue;
            foreach (var p in doc.Places)
            {
                if (p.Start != m.Start || p.End != m.End || p.Country != code || !IsTown(p)) continue;
                (stray ??= new bool[doc.Entities.Count])[i] = true;
                break;
            }
        }
        return stray;
    }

    /// <summary>Entity <paramref name="entity"/> of <paramref name="doc"/> is a town (<see cref="IsTown"/>) where it is named.</summary>
    public static bool IsTownEntity(Document doc, int entity)
    {
        if (entity < 0 || entity >= doc.Entities.Count) return false;
        var m = doc.Entities[entity];
        foreach (var p in doc.Places)
            if (p.Start == m.Start && p.End == m.End && IsTown(p)) return true;
        return false;
    }

    /// <summary>A populated place or division that is not a capital nor a country, named as a place.</summary>
    private static bool IsTown(PlaceMention p) => p.Role is null or PlaceRole.Place or PlaceRole.ContainedIn
        && p.FeatureCode is { } f && !f.StartsWith("PCL", StringComparison.Ordinal) && f != "PPLC";
}
