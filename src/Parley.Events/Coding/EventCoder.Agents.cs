using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    /// <summary>The role of bare "people", "men", "persons": never given a country, and never an actor without a named one.</summary>
    private const string PeopleRole = "PPL";

    private bool HasCountry(in ActorRef a) => a.Code.Length >= 3 && _data.Countries.IsCountry(a.Code.AsSpan(0, 3));

    /// <summary>
    /// Prefixes a country to generic agents that have none ("police" -> CHLCOP), as PETRARCH does with its location
    /// context: the country of the place the sentence ties to the action, else the only country among the sentence's
    /// places, else (when allowed) the article's dominant country. Returns 1 when a sentence place was used, 2 when the article's country
    /// was (both bits possible); the actor's confidence drops with the distance of the evidence.
    /// </summary>
    private int InferAgentCountries(DocContext ctx, int sentence, EventPlace? place, Span<ActorRef> actors,
        ReadOnlySpan<ActorRef> sources, ReadOnlySpan<ActorRef> targets, bool allowArticle)
    {
        int used = 0;
        for (int i = 0; i < actors.Length; i++)
        {
            ref var a = ref actors[i];
            if (!a.Generic || a.Code == PeopleRole || HasCountry(a)) continue;
            string? country = place?.Country is { } pc && _data.Countries.IsCountry(pc) ? pc : SentenceCountry(ctx.Doc, sentence, sources, targets);
            double factor = 0.85;
            int bit = 1;
            if (country is null && allowArticle)
            {
                country = ArticleCountry(ctx);
                factor = 0.7;
                bit = 2;
            }
            if (country is null) continue;
            a.Code = country + a.Code;
            a.Confidence *= factor;
            used |= bit;
        }
        return used;
    }

    /// <summary>Keeps (compacting in place) the actors that are named or carry a country; returns how many remain.</summary>
    private int KeepWithCountry(Span<ActorRef> actors)
    {
        int k = 0;
        for (int i = 0; i < actors.Length; i++)
        {
            if (actors[i].Generic && (actors[i].Code.StartsWith(PeopleRole, StringComparison.Ordinal) || !HasCountry(actors[i]))) continue;
            actors[k++] = actors[i];
        }
        return k;
    }

    /// <summary>The one country of the geocoded places in the sentence, or null when there are none or several. Places that
    /// are the event's named actors ("the rebels are backed by Iran") are actors, not the scene.</summary>
    private string? SentenceCountry(Document doc, int sentence, ReadOnlySpan<ActorRef> sources, ReadOnlySpan<ActorRef> targets)
    {
        ref readonly var sd = ref doc.Sentences[sentence];
        string? found = null;
        foreach (var p in doc.Places)
        {
            if (p.Start < sd.Start || p.End > sd.End || p.Country is null) continue;
            if (Overlaps(p, sources) || Overlaps(p, targets)) continue;
            if (found is null) found = p.Country;
            else if (!string.Equals(found, p.Country, StringComparison.Ordinal)) return null;
        }
        return found is not null && _data.Countries.IsCountry(found) ? found : null;
    }

    private static bool Overlaps(PlaceMention p, ReadOnlySpan<ActorRef> actors)
    {
        for (int i = 0; i < actors.Length; i++)
            if (!actors[i].Generic && p.Start < actors[i].End && actors[i].Start < p.End) return true;
        return false;
    }

    /// <summary>
    /// The article's dominant country: the most frequent country among its geocoded places and its actors' country
    /// codes, when it is mentioned at least twice and more often than any other; null otherwise. Computed once per document.
    /// </summary>
    private string? ArticleCountry(DocContext ctx)
    {
        if (ctx.ArticleCountryDone) return ctx.ArticleCountry;
        ctx.ArticleCountryDone = true;
        var doc = ctx.Doc;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in doc.Places)
            if (p.Country is { } c && _data.Countries.IsCountry(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        var places = doc.Places;
        foreach (var e in doc.Entities)
        {
            if (e.Actor is not { Length: >= 3 } code || !_data.Countries.IsCountry(code.AsSpan(0, 3))) continue;
            // A place mention that is also an entity ("Kabul" as LOC with an actor code) counts once.
            bool isPlace = false;
            for (int i = 0; i < places.Count && !isPlace; i++) isPlace = places[i].Start == e.Start && places[i].End == e.End;
            if (isPlace) continue;
            string c = code[..3];
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        string? best = null;
        int top = 0, second = 0;
        foreach (var (c, n) in counts)
        {
            if (n > top) { second = top; top = n; best = c; }
            else if (n > second) second = n;
        }
        ctx.ArticleCountry = top >= 2 && top > second ? best : null;
        return ctx.ArticleCountry;
    }

    /// <summary>The country of a place among the modifiers of an agent noun ("Hong Kong police", "the army of Mali"), or null.</summary>
    private string? ModifierPlaceCountry(DocContext ctx, in SentenceGraph g, int head)
    {
        if (ctx.Doc.Places.Count == 0) return null;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Compound or Rel.Amod or Rel.Poss or Rel.Nmod)) continue;
            if (PlaceAt(ctx.Doc, g, c)?.Country is { } country && _data.Countries.IsCountry(country)) return country;
        }
        return null;
    }

    /// <summary>Agent roles of political actors (state, armed, opposition, judicial, legislative): an event between generic
    /// agents needs one of them ("the boss annoys you", "women constitute 10 % of employees" are not political events).</summary>
    private static readonly string[] PoliticalRoles = ["GOV", "MIL", "COP", "OPP", "REB", "UAF", "INS", "JUD", "LEG", "SPY", "PTY", "ELI"];

    /// <summary>
    /// Why an event whose actors are all generic (with countries) is too weak to keep, or null: no political role on
    /// either side; a monadic event whose country comes only from the article; a verb without a matching pattern and with
    /// a low-content cooperative code (below 10: "amassed delegates", "recommended a prison").
    /// </summary>
    private static string? WeakGenericEvent(ReadOnlySpan<ActorRef> sources, ReadOnlySpan<ActorRef> targets, string code, bool pattern, int inferred)
    {
        bool political = false;
        for (int i = 0; i < sources.Length && !political; i++) political = IsPolitical(sources[i].Code);
        for (int i = 0; i < targets.Length && !political; i++) political = IsPolitical(targets[i].Code);
        if (!political) return "no state, armed, opposition, judicial or legislative agent";
        if (targets.Length == 0 && (inferred & 1) == 0 && inferred != 0) return "monadic event whose country comes only from the article";
        if (!pattern && Cameo.CameoOntology.RootOf(code) < 10) return "cooperative code " + code + " without a matching pattern";
        return null;

        static bool IsPolitical(string actor)
        {
            var role = actor.AsSpan(actor.Length >= 6 ? 3 : 0);
            if (role.Length > 3) role = role[..3];
            foreach (var r in PoliticalRoles) if (role.SequenceEqual(r)) return true;
            return false;
        }
    }

    private static readonly int PastTense = StringStore.Intern("VBD"), PastParticiple = StringStore.Intern("VBN");

    /// <summary>
    /// "Turkish troops attacked Kurdish fighters": a parser slip makes the subject noun the root and the finite verb its
    /// modifier (acl), often tagging the verb as a participle. Read as subject and verb when the verb is past tense or
    /// participle with a direct object ("the sanctions imposed by the EU" has none and stays a modifier), no "to" and no
    /// subject of its own, and the noun is the sentence's root (the sentence has no other predicate).
    /// </summary>
    private static bool IsRootNounSlip(in SentenceGraph g, int t)
    {
        if (g.RelOf(t) != Rel.Acl || (g[t].Xpos != PastTense && g[t].Xpos != PastParticiple)) return false;
        int head = g.Head(t);
        if (head < 0 || g.RelOf(head) != Rel.Root || g.Upos(head) is not (UPos.NOUN or UPos.PROPN)) return false;
        if (g.Child(t, Rel.Obj) < 0 || HasToMark(g, t) || g.Child(t, Rel.Nsubj) >= 0 || g.Child(t, Rel.NsubjPass) >= 0) return false;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Cop) return false;
        return true;
    }
}
