using System.Globalization;
using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Geo;

/// <summary>
/// Resolves the place mentions of an article to GeoNames features and writes <see cref="Document.Places"/>: countries,
/// first- and second-level divisions, populated places, continents and regions, each at its own point. It reads the
/// linked entities: locations (and names NER typed otherwise but the linker tied to a country), demonyms (which give
/// their country or region), place names inside organisation names, plus the article's dateline and the abbreviation
/// after a town ("Alexandria, La.") when no entity covers them. Names linked to actors ("the White House", "the
/// Kremlin") are actors, not places. Among namesakes the choice follows <see cref="PlaceScorer"/>'s rule order:
/// what kind of name it is, the text's own qualifier, the article's other places, its dateline, its source's country,
/// then the size and rank of the place. Every mention of one name in one article is one place.
/// </summary>
public sealed class Geocoder : IPipelineComponent
{
    private readonly KnowledgeBase _kb;
    private readonly PlaceScorer _scorer;
    private readonly GeoWords _words;

    /// <summary>A geocoder over <paramref name="kb"/> with the word lists of <paramref name="language"/> (its geo-words.tsv).</summary>
    public Geocoder(KnowledgeBase kb, LanguageData language, GeoWeights? weights = null)
    {
        _kb = kb;
        _words = new GeoWords(language);
        _scorer = new PlaceScorer(kb, _words, weights);
    }

    /// <summary>A geocoder for English text.</summary>
    public Geocoder(KnowledgeBase kb, GeoWeights? weights = null) : this(kb, LanguageData.Default, weights) { }

    /// <summary>
    /// Every location entity is a place the caller vouches for (gold spans given for evaluation, or a user's own list of
    /// place names): one the gazetteer lacks is placed at the place that contains it whatever its name. Otherwise only
    /// locations named like a street, a building or a venue are ("Frenchmen Street"; see <see cref="ContainingPlace"/>).
    /// </summary>
    public bool GivenLocations { get; init; }

    /// <summary>When set, each resolved article's mentions are written here with their best candidates and scores (for development).</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Writes the places, and links the entities that name them (id, name, country as actor).</summary>
    public static readonly ComponentDescriptor Descriptor = new("geocoder", Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Entities, Layers.Places, amends: Layers.Entities)
    {
        Summary = "places resolved to GeoNames",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Places.Clear();
        var mentions = new MentionFinder(_kb, _scorer, _words).Find(doc);
        if (mentions.Count == 0)
        {
            SovietActors(doc);
            return;
        }
        var ctx = new ArticleContext(_kb) { SourceCountry = SourceCountry(doc) };
        Group(mentions);
        _scorer.Resolve(mentions, ctx);
        if (Trace is not null) _scorer.Explain(Trace, doc.Id, mentions, ctx);
        foreach (var m in mentions)
        {
            if (m.Chosen < 0) continue;
            var p = _kb.Places[m.Chosen];
            doc.Places.Add(new PlaceMention
            {
                Start = m.Start, End = m.End, Text = m.Text, Name = p.Name, Country = p.Iso3.Length > 0 ? p.Iso3 : null,
                Lat = p.Lat, Lon = p.Lon, GeonameId = p.GeonameId, FeatureCode = p.FeatureCode,
                Admin1 = p.Admin1.Length > 0 ? p.Admin1 : null, Role = m.Role,
            });
            if (m.Entity is { } e && m.Source is GeoSource.Entity or GeoSource.Dateline && m.Start == e.Start && m.End == e.End) Link(e, p);
        }
        // After the links: a place linked here may have given an entity Russia's code.
        SovietActors(doc);
        ContainingPlace.Add(doc, mentions, _kb, _words, GivenLocations);
        doc.Places.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
    }

    /// <summary>An article of the Soviet era speaks of the Soviet Union where the gazetteer and the linker name Russia ("Moscow
    /// said", "Russian officials" in 1987): the entities' actor codes as of the article's date (<see cref="KnowledgeBase.StateOn"/>).
    /// The places keep their geography.</summary>
    private static void SovietActors(Document doc)
    {
        if (doc.Published is not { } date || date >= KnowledgeBase.SovietEnd) return;
        foreach (var e in doc.Entities)
            if (e.Actor is { } code) e.Actor = KnowledgeBase.StateOn(code, date);
    }

    /// <summary>The entity names the place: its knowledge-base id, canonical name and (when it has none) its country as actor.</summary>
    private static void Link(EntityMention e, PlaceEntry p)
    {
        string id = p.FeatureCode == "PCLI" ? MentionKinds.CountryPrefix + p.Iso3 : MentionKinds.PlacePrefix + p.GeonameId.ToString(CultureInfo.InvariantCulture);
        if (e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal) && p.FeatureCode != "PCLI")
        {
            // The name means a division or a town, not the country the linker assumed ("Georgia" in a story about US senators).
            e.Kb = null;
            e.Actor = null;
        }
        e.Kb = e.Kb is null || e.Kb.StartsWith(MentionKinds.PlacePrefix, StringComparison.Ordinal) ? id : e.Kb;
        e.Name = p.Name;
        // A bare country code set from a namesake capital ("Paris" -> FRA) follows the place; a role ("Washington said": USAGOV) stays.
        if (p.Iso3.Length > 0 && (e.Actor is null || e.Actor.Length == 3)) e.Actor = p.Iso3;
    }

    /// <summary>The country of the article's web domain when it is a country-code domain ("bbc.co.uk" -> GBR), else null.</summary>
    private string? SourceCountry(Document doc)
    {
        if (doc.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        string host = uri.Host;
        int dot = host.LastIndexOf('.');
        if (dot < 0) return null;
        return _kb.CountryOfTld(host[(dot + 1)..])?.Iso3;
    }

    /// <summary>One sense per discourse: mentions with the same key and the same containers are one group.</summary>
    private static void Group(List<GeoMention> mentions)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var qualified = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            string key = m.Source + "|" + m.Key + "|" + string.Join(',', m.Containers);
            if (!groups.TryGetValue(key, out int g)) groups[key] = g = groups.Count;
            m.Group = g;
            if (m.Containers.Count > 0) qualified.TryAdd(m.Key, g);
        }
        // "Paris, Texas" earlier or later in the article: the bare "Paris" is the same town.
        foreach (var m in mentions)
            if (m.Containers.Count == 0 && m.Source == GeoSource.Entity && qualified.TryGetValue(m.Key, out int g) && !m.NamesCountry)
                m.Group = g;
    }
}
