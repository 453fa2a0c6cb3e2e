using Parley.Core;

namespace Parley.Events.Quotes;

/// <summary>Ties a speaker phrase to an entity: the PER/ORG entity inside it, its coreference cluster, or for a pronoun without coreference the nearest PER/ORG before it.</summary>
internal static class SpeakerEntities
{
    public static EntityMention? Resolve(Document doc, int start, int end, SpeechWords speech, out string? name)
    {
        name = null;
        var entities = doc.Entities;
        EntityMention? best = null;
        int bestOverlap = 0;
        foreach (var e in entities)
        {
            int overlap = Math.Min(end, e.End) - Math.Max(start, e.Start);
            if (overlap <= 0) continue;
            bool person = IsSpeakerType(e.Type);
            bool bestPerson = best is not null && IsSpeakerType(best.Type);
            if (best is null || person && !bestPerson || person == bestPerson && overlap > bestOverlap)
            {
                best = e;
                bestOverlap = overlap;
            }
        }
        var span = doc.Text.AsSpan(start, end - start);
        bool pronoun = speech.IsPronoun(span);
        if (best is not null)
        {
            var source = best.Cluster >= 0 && (best.Name is null || best.Actor is null) ? ClusterRepresentative(entities, best) : best;
            name = source.Name ?? best.Name ?? (pronoun ? source.Text : null);
            return source.Actor is not null ? source : best.Actor is not null ? best : source;
        }
        if (!pronoun || (doc.Done & Layers.Coreference) != 0) return null;
        bool personal = speech.IsPersonPronoun(span);
        EntityMention? nearest = null;
        foreach (var e in entities)
        {
            if (e.End > start) continue;
            if (personal ? e.Type != "PER" : !IsSpeakerType(e.Type)) continue;
            if (nearest is null || e.End > nearest.End) nearest = e;
        }
        if (nearest is null) return null;
        name = nearest.Name ?? nearest.Text;
        return nearest;
    }

    private static bool IsSpeakerType(string type) => type is "PER" or "ORG";

    /// <summary>The cluster member that knows most: a knowledge-base link, else a name, else the longest text.</summary>
    private static EntityMention ClusterRepresentative(List<EntityMention> entities, EntityMention mention)
    {
        var best = mention;
        foreach (var e in entities)
        {
            if (e.Cluster != mention.Cluster) continue;
            if (Rank(e) > Rank(best)) best = e;
        }
        return best;
    }

    private static int Rank(EntityMention e) =>
        (e.Actor is not null ? 4000 : 0) + (e.Kb is not null ? 2000 : 0) + (e.Name is not null ? 1000 : 0) + Math.Min(999, e.Text.Length);
}
