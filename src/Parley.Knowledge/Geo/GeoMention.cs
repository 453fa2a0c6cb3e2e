using Parley.Core;

namespace Parley.Knowledge.Geo;

/// <summary>Where the geocoder found a mention.</summary>
internal enum GeoSource : byte
{
    /// <summary>A named entity (NER or the dictionary) naming a place or a country.</summary>
    Entity,
    /// <summary>A demonym ("Afghan", "European"): the country or region of its people.</summary>
    Demonym,
    /// <summary>A place name inside the name of an organisation ("Syrian Observatory for Human Rights").</summary>
    InName,
    /// <summary>The qualifier after a town's name that no entity covers ("Alexandria, <u>La.</u>").</summary>
    Qualifier,
    /// <summary>The dateline at the head of the article ("BEIRUT (AP) —") when no entity covers it.</summary>
    Dateline,
    /// <summary>An actor that unites countries, standing for their region ("EU countries": Europe); the entity stays the actor.</summary>
    Union,
}

/// <summary>What kind of feature the words around a name ask for ("Helmand province", "Orange County", "the city of X").</summary>
internal enum WantedKind : byte { Any, City, Admin1, Admin2, Division }

/// <summary>One place mention being resolved: its span, key, candidates (indices into the knowledge base's places) and choice.</summary>
internal sealed class GeoMention
{
    public int Start;
    public int End;
    public required string Text;
    /// <summary>The lookup key of the name itself (qualifier, suffix and prefix words removed).</summary>
    public string Key = "";
    public EntityMention? Entity;
    public GeoSource Source;
    public WantedKind Wanted;
    /// <summary>Candidate places; <see cref="Alias"/> is parallel (true when only an alternate name matched).</summary>
    public readonly List<int> Candidates = [];
    public readonly List<bool> Alias = [];
    /// <summary>Candidates found only as an abbreviation standing alone ("BC", "WA"): meant only in an article about their country.</summary>
    public readonly HashSet<int> ByAbbreviation = [];
    /// <summary>True when the name is a country's name (not a demonym): the country then wins, whatever else the name means.</summary>
    public bool NamesCountry;
    /// <summary>Places the text says contain this one ("Alexandria, <u>La.</u>"), or empty.</summary>
    public readonly List<int> Containers = [];
    /// <summary>The mention that is this one's qualifier ("La." for "Alexandria"), or null.</summary>
    public GeoMention? QualifierMention;
    /// <summary>The mention this one qualifies, or null.</summary>
    public GeoMention? Qualified;
    public bool IsDateline;
    /// <summary>The text writes "the" before the name ("the Atlantic", "the Republic"): not a town's name.</summary>
    public bool AfterThe;
    /// <summary>The text writes "The" capitalised in mid-sentence before the name ("told The Atlantic"): a title, not a sea or a town.</summary>
    public bool AfterTitleThe;
    /// <summary>Mentions with the same key and containers are one place (one sense per discourse).</summary>
    public int Group = -1;
    public int Chosen = -1;
    /// <summary>How far the choice is ahead of the next candidate (score points); large for unambiguous names.</summary>
    public double Margin;

    public void Add(int place, bool alias)
    {
        int at = Candidates.IndexOf(place);
        if (at >= 0) { if (!alias) Alias[at] = false; return; }
        Candidates.Add(place);
        Alias.Add(alias);
    }

    public string? Role => IsDateline ? PlaceRole.Dateline : Source switch
    {
        GeoSource.Demonym => PlaceRole.Demonym,
        GeoSource.InName => PlaceRole.InName,
        _ => PlaceRole.Place,
    };
}
