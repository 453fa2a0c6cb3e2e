using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>
/// A knowledge base made of PETRARCH dictionaries alone (an actor file, an agent file, a discard list), with no
/// countries or places: the construction suites define their own fictional actors (Arnor, Gondor...) and are coded with
/// them in place of the real dictionaries. Names match exactly, as in PETRARCH (its dictionaries' final underscores
/// are leftovers of TABARI's stemming).
/// </summary>
public static class PetrarchKnowledge
{
    public static KnowledgeBase FromDictionaries(TextReader actors, TextReader? agents, TextReader? discards, string folder = "")
    {
        var entries = new List<ActorEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in PetrarchActorReader.Read(actors))
        {
            if (raw.Codes.Count == 0) continue;
            var names = new List<string>();
            foreach (var n in raw.Names)
            {
                string display = n.Replace('_', ' ').Trim();
                if (NameKey.FromPhrase(display).Length > 0) names.Add(display);
            }
            if (names.Count == 0) continue;
            string id = raw.Root.Trim('_').ToUpperInvariant();
            while (!seen.Add(id)) id += "'";
            bool dated = raw.Codes.Exists(c => c.IsDated);
            entries.Add(new ActorEntry
            {
                Id = id, Name = names[0], Kind = dated ? ActorKind.Person : ActorKind.Organization,
                Names = [.. names], Codes = [.. raw.Codes], Source = "suite",
            });
        }
        var agentEntries = agents is null ? [] : PetrarchAgentReader.Read(agents);
        var discardKeys = new HashSet<string>(StringComparer.Ordinal);
        if (discards is not null)
        {
            while (discards.ReadLine() is { } line)
            {
                int hash = line.IndexOf('#');
                string phrase = (hash >= 0 ? line[..hash] : line).Trim().TrimStart('+');
                if (phrase.Length > 0) discardKeys.Add(NameKey.FromPhrase(phrase));
            }
        }
        return KnowledgeBase.Create(folder, [], [], entries, agentEntries, discardKeys);
    }
}
