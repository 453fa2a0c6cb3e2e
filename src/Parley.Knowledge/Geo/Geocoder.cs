using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Geo;

/// <summary>
/// Resolves place mentions (LOC entities, countries, capitals) to GeoNames and writes <see cref="Document.Places"/>.
/// A country's name always resolves to the country (feature code PCLI), placed at its capital's coordinates;
/// demonyms ("Afghan") are not places. Among namesakes the choice weighs population, the countries and
/// first-order divisions the article names, capitals and division seats, and explicit containment
/// ("Kandahar, Afghanistan"; "Bagram Air Base" -> Bagram; "Helmand province" -> Helmand).
/// </summary>
public sealed class Geocoder : IPipelineComponent
{
    private static readonly string[] FacilitySuffixes =
    [
        " international airport", " airport", " air base", " airbase", " airfield", " air field", " military base", " base",
        " province", " district", " city", " county", " region", " governorate", " state", " prefecture", " oblast",
        " municipality", " valley", " area",
    ];

    private static readonly string[] AreaPrefixes =
    [
        "city of ", "province of ", "state of ", "northern ", "southern ", "eastern ", "western ", "central ",
        "north-eastern ", "north-western ", "south-eastern ", "south-western ", "northeastern ", "northwestern ",
        "southeastern ", "southwestern ", "downtown ", "greater ",
    ];

    private readonly KnowledgeBase _kb;

    public Geocoder(KnowledgeBase kb) => _kb = kb;

    public string Name => "geocoder";
    public Layers Reads => Layers.Entities;
    public Layers Writes => Layers.Places;

    private sealed class Context
    {
        public readonly Dictionary<string, double> Countries = new(StringComparer.Ordinal);
        public readonly HashSet<(string Iso3, string Admin1)> Admin1 = [];
        public double Total;

        public void AddCountry(string iso3, double weight)
        {
            Countries[iso3] = Countries.GetValueOrDefault(iso3) + weight;
            Total += weight;
        }
    }

    private readonly record struct Resolution(int Country, int Place, string Text);

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Places.Clear();
        var ctx = new Context();
        var pending = new List<(EntityMention Mention, List<int> Candidates, int Country, int ConstraintCountry, int ConstraintAdmin1)>();

        foreach (var e in doc.Entities)
        {
            if (e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal) && e.Via != MentionKinds.Agent && !MentionKinds.IsCoreferent(e))
            {
                int ci = _kb.CountryIndex(kb[MentionKinds.CountryPrefix.Length..]);
                if (ci >= 0) ctx.AddCountry(_kb.Countries[ci].Iso3, e.Type == "MISC" ? 0.5 : 1);
            }
            else if (e.Kb is { } akb && akb.StartsWith(MentionKinds.ActorPrefix, StringComparison.Ordinal) && e.Actor is { Length: >= 3 } actor)
            {
                if (_kb.CountryIndex(actor[..3]) >= 0) ctx.AddCountry(actor[..3], 0.3);
            }
        }

        foreach (var e in doc.Entities)
        {
            if (!IsPlaceMention(e)) continue;
            var (country, candidates, constraintCountry, constraintAdmin1) = Candidates(e, ctx);
            if (country < 0 && candidates.Count == 0) continue;
            pending.Add((e, candidates, country, constraintCountry, constraintAdmin1));
            if (country < 0 && candidates.Count == 1)
            {
                var p = _kb.Places[candidates[0]];
                ctx.AddCountry(p.Iso3, 0.5);
                if (p.FeatureCode == "ADM1") ctx.Admin1.Add((p.Iso3, p.Admin1));
            }
        }

        foreach (var (e, candidates, country, cc, ca) in pending)
        {
            if (country >= 0) { AddCountryPlace(doc, e, _kb.Countries[country]); continue; }
            int best = -1;
            double bestScore = double.MinValue;
            foreach (int i in candidates)
            {
                double s = Score(_kb.Places[i], ctx, cc, ca);
                if (s > bestScore) { bestScore = s; best = i; }
            }
            if (best >= 0) AddPlace(doc, e, _kb.Places[best]);
        }
    }

    private static bool IsPlaceMention(EntityMention e)
    {
        if (e.Via == MentionKinds.Agent || MentionKinds.IsCoreferent(e)) return false;
        if (e.Type == "LOC" || e.Type == "GPE" || e.Type == "FAC") return true;
        return false;
    }

    private (int Country, List<int> Candidates, int ConstraintCountry, int ConstraintAdmin1) Candidates(EntityMention e, Context ctx)
    {
        string text = EntityLinker.StripName(e.Text);
        var candidates = new List<int>();
        int constraintCountry = -1, constraintAdmin1 = -1;
        int comma = text.IndexOf(',');
        if (comma > 0)
        {
            // "Kandahar, Afghanistan" / "Springfield, Illinois": the part after the comma contains the part before.
            string outer = NameKey.FromPhrase(text[(comma + 1)..]);
            var outerHits = _kb.LookupArray(outer);
            if (outerHits is not null)
                foreach (var h in outerHits)
                {
                    if (h.Kind == NameKind.Country) { constraintCountry = h.Index; break; }
                    if (h.Kind is NameKind.Place or NameKind.PlaceAlias && _kb.Places[h.Index].FeatureCode == "ADM1" && constraintAdmin1 < 0) constraintAdmin1 = h.Index;
                }
            text = text[..comma];
        }
        string key = NameKey.FromPhrase(text);
        int country = Collect(key, candidates, ctx);
        if (country >= 0 || candidates.Count > 0) return (country, candidates, constraintCountry, constraintAdmin1);
        if (IsDemonymOrActor(key)) return (-1, candidates, -1, -1);
        foreach (var suffix in FacilitySuffixes)
        {
            if (key.Length > suffix.Length + 2 && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                country = Collect(key[..^suffix.Length], candidates, ctx);
                if (country >= 0 || candidates.Count > 0) return (country, candidates, constraintCountry, constraintAdmin1);
            }
        }
        candidates.AddRange(_kb.PlacesByCompactKey(key));
        if (candidates.Count > 0) return (-1, candidates, constraintCountry, constraintAdmin1);
        foreach (var prefix in AreaPrefixes)
        {
            if (key.Length > prefix.Length + 2 && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                country = Collect(key[prefix.Length..], candidates, ctx);
                if (country >= 0 || candidates.Count > 0) return (country, candidates, constraintCountry, constraintAdmin1);
            }
        }
        return (-1, candidates, constraintCountry, constraintAdmin1);
    }

    /// <summary>Adds place candidates of a key; returns a country index when the key names a country (which then wins).</summary>
    private int Collect(string key, List<int> candidates, Context? ctx)
    {
        var hits = _kb.LookupArray(key);
        if (hits is null) return -1;
        int country = -1;
        foreach (var h in hits) if (h.Kind == NameKind.Country) { country = h.Index; break; }
        foreach (var h in hits) if (h.Kind is NameKind.Place or NameKind.PlaceAlias) candidates.Add(h.Index);
        if (country < 0) return -1;
        // A country's name is the country, except a first-order division of the same name in a country the article
        // is about while the namesake country is not otherwise named ("Georgia" in a story about US senators).
        if (ctx is not null && ctx.Countries.GetValueOrDefault(_kb.Countries[country].Iso3) <= 1)
        {
            foreach (int i in candidates)
            {
                var p = _kb.Places[i];
                if (p.FeatureCode == "ADM1" && ctx.Countries.TryGetValue(p.Iso3, out double w) && w >= 2)
                {
                    candidates.Clear();
                    candidates.Add(i);
                    return -1;
                }
            }
        }
        candidates.Clear();
        return country;
    }

    private bool IsDemonymOrActor(string key)
    {
        var hits = _kb.LookupArray(key);
        return hits is not null && hits.Length > 0;
    }

    private double Score(PlaceEntry p, Context ctx, int constraintCountry, int constraintAdmin1)
    {
        double s = Math.Log10(p.Population + 1);
        if (ctx.Countries.TryGetValue(p.Iso3, out double w)) s += 3 + 2 * w / Math.Max(1, ctx.Total);
        if (ctx.Admin1.Contains((p.Iso3, p.Admin1)) && p.FeatureCode != "ADM1") s += 2;
        s += p.FeatureCode switch { "PPLC" => 1.5, "PPLA" => 0.7, "ADM1" => -0.5, "PPLX" => -0.5, _ => 0 };
        if (constraintCountry >= 0) s += _kb.Countries[constraintCountry].Iso3 == p.Iso3 ? 10 : -10;
        if (constraintAdmin1 >= 0)
        {
            var a = _kb.Places[constraintAdmin1];
            s += a.Iso3 == p.Iso3 && a.Admin1 == p.Admin1 ? 10 : 0;
        }
        return s;
    }

    private static void AddCountryPlace(Document doc, EntityMention e, CountryEntry c)
    {
        doc.Places.Add(new PlaceMention
        {
            Start = e.Start, End = e.End, Text = e.Text, Name = c.Name, Country = c.Iso3, Lat = c.Lat, Lon = c.Lon,
            GeonameId = c.GeonameId, FeatureCode = "PCLI",
        });
        e.Kb ??= MentionKinds.CountryPrefix + c.Iso3;
        e.Actor ??= c.Iso3;
    }

    private void AddPlace(Document doc, EntityMention e, PlaceEntry p)
    {
        doc.Places.Add(new PlaceMention
        {
            Start = e.Start, End = e.End, Text = e.Text, Name = p.Name, Country = p.Iso3, Lat = p.Lat, Lon = p.Lon,
            GeonameId = p.GeonameId, FeatureCode = p.FeatureCode, Admin1 = _kb.Admin1Of(p)?.Name,
        });
        if (e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal))
        {
            // The geocoder found the name means a division, not the country the linker assumed.
            e.Kb = null;
            e.Actor = null;
        }
        e.Kb ??= MentionKinds.PlacePrefix + p.GeonameId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        e.Name = p.Name;
        e.Actor ??= p.Iso3;
    }
}
