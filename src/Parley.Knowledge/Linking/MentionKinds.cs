using Parley.Core;

namespace Parley.Knowledge.Linking;

/// <summary>
/// How the knowledge components mark the mentions they add to <see cref="Document.Entities"/>, and helpers
/// to tell named mentions (NER or dictionary names) from the nominal and pronoun mentions added for the event coder.
/// </summary>
public static class MentionKinds
{
    /// <summary>A name found by the knowledge-base dictionary (NER missed it or did not run).</summary>
    public const string Dictionary = "kb";
    /// <summary>A country (or capital) with an agent noun: "Afghan officials", "the U.S. military", "official Kabul".</summary>
    public const string Agent = "kb:agent";
    public const string CorefSurname = "coref:surname";
    public const string CorefTitle = "coref:title";
    public const string CorefPronoun = "coref:pronoun";

    /// <summary>Knowledge-base id prefixes.</summary>
    public const string CountryPrefix = "country:";
    public const string ActorPrefix = "actor:";
    public const string PlacePrefix = "geonames:";

    /// <summary>True for mentions that are names (from NER or the dictionary), false for agent phrases, titles and pronouns.</summary>
    public static bool IsNamed(EntityMention m) => m.Via is null or "ner" or Dictionary || m.Via == CorefSurname;

    /// <summary>True for mentions added by coreference (titles and pronouns standing for an earlier entity).</summary>
    public static bool IsCoreferent(EntityMention m) => m.Via is CorefTitle or CorefPronoun;

    internal static void SortByPosition(List<EntityMention> mentions) =>
        mentions.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
}
