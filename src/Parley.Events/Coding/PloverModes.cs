using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// PLOVER's mode of an event from the words of its clause (data/lang/en/plover-modes.tsv): "bombed the town from the air"
/// is ASSAULT aerial, "went on hunger strike" PROTEST hunger. The trigger's lemma is looked at first, then the words of its
/// arguments; without a cue the mode the CAMEO code maps to stands.
/// </summary>
internal sealed class PloverModes
{
    public const string FileName = "plover-modes.tsv";

    private readonly Dictionary<string, List<(string Mode, HashSet<int> Cues)>> _byType = new(StringComparer.Ordinal);

    public static PloverModes Load(string? folder)
    {
        var modes = new PloverModes();
        if (folder is null) return modes;
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return modes;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            var cues = new HashSet<int>();
            foreach (var w in c[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) cues.UnionWith(VerbDictionary.LemmaIds(w));
            if (!modes._byType.TryGetValue(c[0], out var list)) modes._byType[c[0]] = list = [];
            list.Add((c[1], cues));
        }
        return modes;
    }

    /// <summary>The mode the clause of <paramref name="trigger"/> gives an event of PLOVER type <paramref name="type"/>, or null.</summary>
    public string? ModeOf(string? type, in SentenceGraph g, int trigger)
    {
        if (type is null || !_byType.TryGetValue(type, out var list)) return null;
        foreach (var (mode, cues) in list)
            if (cues.Contains(g.Lemma(trigger))) return mode;
        foreach (var (mode, cues) in list)
            if (InArguments(g, trigger, cues, 3)) return mode;
        return null;
    }

    /// <summary>The cue lemmas of one mode ("ASSAULT", "explosives": bomb, blast, ...), or an empty set.</summary>
    public HashSet<int> Cues(string type, string mode)
    {
        if (_byType.TryGetValue(type, out var list))
            foreach (var (m, cues) in list)
                if (m == mode) return cues;
        return [];
    }

    private static bool InArguments(in SentenceGraph g, int x, HashSet<int> cues, int depth)
    {
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r is Rel.Nsubj or Rel.Punct or Rel.Ccomp or Rel.Advcl or Rel.Parataxis or Rel.Relcl) continue;
            if (cues.Contains(g.Lemma(c))) return true;
            if (depth > 1 && InArguments(g, c, cues, depth - 1)) return true;
        }
        return false;
    }
}
