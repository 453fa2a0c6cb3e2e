using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Geo;

/// <summary>
/// Places a location the gazetteer lacks (a street, building, venue or neighbourhood: "Frenchmen Street", "Barclays
/// Center", "Colchester General Hospital") at the place that contains it, as the article tells it: a place that qualifies
/// it in the same phrase ("Royal Street, New Orleans", "the gas station in Riverdale", "Brooklyn's Barclays Center"),
/// else the article's focus: the town or county it names most (the dateline's counting twice), else the first-level
/// division it names most. Such a place carries the container's GeoNames feature and point, with role
/// <see cref="PlaceRole.ContainedIn"/> so a user can tell it is approximate. Only names the analysis calls locations
/// are placed so (never organisations or people, nor names linked to an actor); a natural feature a town cannot
/// contain ("the Indian Ocean", "the Cauvery river", "the Appalachians"), a people's adjective ("Kurdish") and a name the
/// gazetteer knows but the words around it ruled out ("The Washington Post") are left unplaced rather than put in the
/// wrong place.
/// </summary>
internal static class ContainingPlace
{
    /// <param name="givenLocations">Every location entity is a place the caller vouches for (gold spans); otherwise a
    /// location NER found is placed so only when its name ends in a street's, a building's or a venue's word.</param>
    public static void Add(Document doc, List<GeoMention> mentions, KnowledgeBase kb, GeoWords words, bool givenLocations)
    {
        var resolved = mentions.Where(m => m.Chosen >= 0).ToList();
        var unplaced = new List<EntityMention>();
        foreach (var e in doc.Entities)
        {
            if (e.Type != "LOC" || !MentionKinds.IsNamed(e) || e.Via == MentionKinds.CorefSurname || e.End <= e.Start) continue;
            if (e.Kb is { } id && id.StartsWith(MentionKinds.ActorPrefix, StringComparison.Ordinal)) continue;
            if (doc.Places.Exists(p => p.Start < e.End && e.Start < p.End)) continue;
            if (!Containable(e.Text, words) || !givenLocations && !NamesFacility(e.Text, words) || KnownPlaceName(kb, e.Text)) continue;
            unplaced.Add(e);
        }
        if (unplaced.Count == 0) return;
        int focus = Focus(resolved, kb);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        // A qualifier in the same phrase first, for every mention; then one sense per discourse, then the focus.
        var chosen = new int[unplaced.Count];
        for (int i = 0; i < unplaced.Count; i++)
        {
            chosen[i] = Qualifier(doc, unplaced[i], resolved, kb, words);
            if (chosen[i] >= 0) byName.TryAdd(unplaced[i].Text, chosen[i]);
        }
        for (int i = 0; i < unplaced.Count; i++)
        {
            var e = unplaced[i];
            int place = chosen[i] >= 0 ? chosen[i] : byName.TryGetValue(e.Text, out int same) ? same : focus;
            if (place < 0) continue;
            var p = kb.Places[place];
            doc.Places.Add(new PlaceMention
            {
                Start = e.Start, End = e.End, Text = e.Text, Name = p.Name, Country = p.Iso3.Length > 0 ? p.Iso3 : null,
                Lat = p.Lat, Lon = p.Lon, GeonameId = p.GeonameId, FeatureCode = p.FeatureCode,
                Admin1 = p.Admin1.Length > 0 ? p.Admin1 : null, Role = PlaceRole.ContainedIn,
            });
        }
    }

    /// <summary>
    /// False for a name a town cannot contain: a natural feature by its last word ("Indian Ocean", "Mississippi River") and
    /// a people's adjective written alone ("Kurdish", "Korean").
    /// </summary>
    internal static bool Containable(string text, GeoWords words)
    {
        var t = text.AsSpan().Trim();
        int space = t.LastIndexOf(' ');
        var last = space < 0 ? t : t[(space + 1)..];
        if (words.IsNaturalFeature(last)) return false;
        if (space < 0 && words.IsAdjectiveEnding(t)) return false;
        return t.Length > 0 && char.IsLetterOrDigit(t[0]);
    }

    /// <summary>
    /// True when the gazetteer knows the name as a place or a country: the words around it ruled every namesake out ("The
    /// Washington Post", "the West"), which says it is no street or building to be placed at the article's town.
    /// </summary>
    private static bool KnownPlaceName(KnowledgeBase kb, string text)
    {
        if (kb.LookupArray(NameKey.FromPhrase(EntityLinker.StripName(text))) is not { } hits) return false;
        foreach (var h in hits) if (h.Kind is NameKind.Place or NameKind.PlaceAlias or NameKind.Country) return true;
        return false;
    }

    /// <summary>True when the name ends in a street's, a building's or a venue's word ("Frenchmen Street", "Barclays Center").</summary>
    internal static bool NamesFacility(string text, GeoWords words)
    {
        var t = text.AsSpan().Trim();
        int space = t.LastIndexOf(' ');
        return space > 0 && words.IsFacilityWord(t[(space + 1)..]);
    }

    /// <summary>
    /// The place that qualifies the entity in its own phrase: right after it, after a comma or a locative preposition
    /// ("Royal Street, New Orleans", "in Riverdale"), or right before it with a possessive ("Brooklyn's Barclays Center").
    /// </summary>
    private static int Qualifier(Document doc, EntityMention e, List<GeoMention> resolved, KnowledgeBase kb, GeoWords words)
    {
        string text = doc.Text;
        foreach (var m in resolved)
        {
            if (m.Start >= e.End)
            {
                var between = text.AsSpan(e.End, m.Start - e.End).Trim();
                if (m.Start - e.End > 16 || between.ContainsAny('.', '\n', ';')) continue;
                bool qualifies = between is "," || words.IsLocativePreposition(between)
                    || between.Length > 1 && between[0] == ',' && words.IsLocativePreposition(between[1..].Trim());
                if (qualifies && Container(kb, m.Chosen)) return m.Chosen;
            }
            else if (m.End <= e.Start && e.Start - m.End <= 3)
            {
                var between = text.AsSpan(m.End, e.Start - m.End).Trim();
                if (between is "'s" or "’s" or "'" or "’" && Container(kb, m.Chosen)) return m.Chosen;
            }
        }
        return -1;
    }

    /// <summary>A place that can contain a street or a building: a town, a county, a division or a country; not a continent, a region or a sea.</summary>
    private static bool Container(KnowledgeBase kb, int place) => kb.Places[place].Iso3.Length > 0;

    /// <summary>
    /// The article's focus: the town or county its place mentions name most (the dateline counting twice; then the larger
    /// place), else the first-level division they name most; only in the country the article names most (its places'
    /// countries counted), so a namesake resolved by a close call in another country is never the focus; -1 when the
    /// article names neither.
    /// </summary>
    internal static int Focus(List<GeoMention> resolved, KnowledgeBase kb)
    {
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in resolved)
            if (Counts(m) && kb.Places[m.Chosen].Iso3 is { Length: > 0 } iso3) countries[iso3] = countries.GetValueOrDefault(iso3) + Weight(m);
        if (countries.Count == 0) return -1;
        string main = countries.MaxBy(static c => c.Value).Key;
        int best = Best(resolved, kb, main, static code => code.StartsWith("PPL", StringComparison.Ordinal) || code == "ADM2");
        return best >= 0 ? best : Best(resolved, kb, main, static code => code == "ADM1");
    }

    private static bool Counts(GeoMention m) => m.Source is GeoSource.Entity or GeoSource.Dateline or GeoSource.Qualifier;

    private static int Weight(GeoMention m) => m.IsDateline ? 2 : 1;

    private static int Best(List<GeoMention> resolved, KnowledgeBase kb, string country, Func<string, bool> kind)
    {
        var counts = new Dictionary<int, int>();
        foreach (var m in resolved)
        {
            var p = kb.Places[m.Chosen];
            if (Counts(m) && p.Iso3 == country && kind(p.FeatureCode)) counts[m.Chosen] = counts.GetValueOrDefault(m.Chosen) + Weight(m);
        }
        int best = -1, top = 0;
        foreach (var (place, count) in counts)
            if (count > top || count == top && kb.Places[place].Population > kb.Places[best].Population) { best = place; top = count; }
        return best;
    }
}
