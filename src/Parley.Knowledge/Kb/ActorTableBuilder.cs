using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>
/// Builds the actor table from the Phoenix dictionaries (countries, international, non-state armed groups)
/// and the hand-curated supplement. Country blocks of Phoenix.Countries (e.g. <c>AFGHANISTAN_ [AFG]</c>)
/// feed the country table's names instead (their city and province synonyms are left to the gazetteer).
/// Entries with the same root are merged; a supplement entry replaces the codes of the entry it names.
/// </summary>
internal static class ActorTableBuilder
{
    private sealed class Draft
    {
        public required string Id { get; init; }
        public required string Name { get; set; }
        public required string Source { get; set; }
        public ActorKind? ForcedKind { get; set; }
        public bool FromCountryInfo { get; set; }
        public List<string> Names { get; } = [];
        public List<RoleCode> Codes { get; set; } = [];
    }

    public static List<ActorEntry> Build(KbSources src, Dictionary<string, CountryDraft> countries,
        HashSet<string> placeKeys, HashSet<string> agentKeys, TextWriter? log)
    {
        var countryByKey = new Dictionary<string, CountryDraft>(StringComparer.Ordinal);
        foreach (var c in countries.Values)
            foreach (var key in c.Names.Keys) countryByKey.TryAdd(key, c);

        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var order = new List<Draft>();
        foreach (var (file, source) in new[] { ("Phoenix.Countries.actors.txt", "countries"), ("Phoenix.International.actors.txt", "international"), ("Phoenix.MilNonState.actors.txt", "milnonstate") })
        {
            string path = Path.Combine(src.Dictionaries, file);
            if (!File.Exists(path)) continue;
            List<RawActor> raws;
            using (var reader = File.OpenText(path)) raws = PetrarchActorReader.Read(reader);
            foreach (var raw in raws)
            {
                string rootKey = NameKey.FromPhrase(CountryTableBuilder.StripParentheses(raw.Root.Replace('_', ' ')));
                // A country block: its root is a country's name, or its only code is a country's bare code ([USA]).
                CountryDraft? country = null;
                if (source == "countries" && raw.Codes.Count == 1 && !raw.Codes[0].IsDated && raw.Codes[0].Code.Length == 3)
                    countries.TryGetValue(raw.Codes[0].Code, out country);
                if (country is null && source == "countries" && countryByKey.TryGetValue(rootKey, out var byName) && IsCountryBlock(raw, byName)) country = byName;
                if (country is not null)
                {
                    foreach (var name in raw.Names)
                    {
                        string key = NameKey.FromPhrase(name);
                        if (!placeKeys.Contains(key) && !agentKeys.Contains(key) && country.IsSpellingOfCountry(key)) country.AddVariant(CountryTableBuilder.StripParentheses(name.Replace('_', ' ')));
                    }
                    continue;
                }
                Merge(drafts, order, raw, source + ":" + rootKey, source, replaceCodes: false);
            }
        }

        int supplementCount = 0;
        // actors.txt: actors the dictionaries lack or code oddly; roles.txt: the dated offices of persons in the news of
        // 2016-2021 and of British politics in 2004-05, each entry the person's whole record (it replaces the dictionaries').
        foreach (string file in SupplementFiles)
        {
            string supplement = Path.Combine(src.SupplementDir, file);
            if (!File.Exists(supplement)) continue;
            List<RawActor> raws;
            using (var reader = File.OpenText(supplement)) raws = PetrarchActorReader.Read(reader);
            foreach (var raw in raws)
            {
                string rootKey = NameKey.FromPhrase(raw.Root);
                var d = Merge(drafts, order, raw, rootKey, "supplement", replaceCodes: true);
                d.ForcedKind = KindFromSupplement(raw.Root, supplement);
                supplementCount++;
            }
        }

        var countryKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in countries.Values) { countryKeys.UnionWith(c.Names.Keys); countryKeys.UnionWith(c.Demonyms.Keys); }

        var result = new List<ActorEntry>(order.Count);
        foreach (var d in order)
        {
            if (d.Codes.Count == 0) continue;
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in d.Names)
            {
                string display = CountryDraft.Pretty(CountryTableBuilder.StripParentheses(n.Replace('_', ' ')));
                string key = NameKey.FromPhrase(display);
                if (key.Length < 2 || agentKeys.Contains(key) || countryKeys.Contains(key) || !seen.Add(key)) continue;
                names.Add(display);
            }
            if (names.Count == 0) continue;
            QualifyBareRoles(d.Codes);
            SovietCodes(d.Codes);
            bool dated = d.Codes.Exists(c => c.IsDated);
            var kind = d.ForcedKind ?? (d.FromCountryInfo || dated ? ActorKind.Person : d.Source == "milnonstate" ? ActorKind.ArmedGroup : ActorKind.Organization);
            result.Add(new ActorEntry { Id = d.Id, Name = d.Name, Kind = kind, Names = [.. names], Codes = [.. d.Codes], Source = d.Source });
        }
        log?.WriteLine($"actors: {result.Count} ({supplementCount} supplement entries)");
        return result;
    }

    /// <summary>The supplement's actor files, read in this order (a later entry replaces an earlier one's codes).</summary>
    internal static readonly string[] SupplementFiles = ["actors.txt", "roles.txt"];

    private static readonly HashSet<string> RoleCodes = new(StringComparer.Ordinal)
    {
        "ELI", "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "CVL", "BUS", "MED", "EDU", "REL",
        "LAB", "AGR", "HLH", "HRI", "REF", "UAF", "CRM", "INS", "MOD", "RAD",
    };

    /// <summary>A bare role such as [ELI] after [IGOUNO 970101-061231] means that actor's ELI: prefix the actor's own country.</summary>
    private static void QualifyBareRoles(List<RoleCode> codes)
    {
        string? prefix = null;
        foreach (var c in codes) if (c.Code.Length > 3 && !RoleCodes.Contains(c.Code[..3])) { prefix = c.Code[..3]; break; }
        if (prefix is null) return;
        for (int i = 0; i < codes.Count; i++)
            if (RoleCodes.Contains(codes[i].Code[..Math.Min(3, codes[i].Code.Length)]))
                codes[i] = codes[i] with { Code = prefix + codes[i].Code };
    }

    /// <summary>The Soviet Union by CAMEO's code, USR: Phoenix writes it SUN (CAMEO's Sunni), and dates Soviet office holders as
    /// Russia's ("Nikolay Ryzhkov" RUSGOV 1985-1991, Soviet prime minister): a Russian code whose dates end before the Union
    /// did is the Union's (<see cref="KnowledgeBase.StateOn"/>).</summary>
    private static void SovietCodes(List<RoleCode> codes)
    {
        for (int i = 0; i < codes.Count; i++)
        {
            var c = codes[i];
            if (c.Code.StartsWith("SUN", StringComparison.Ordinal)) codes[i] = c with { Code = "USR" + c.Code[3..] };
            else if (c.To is { } to) codes[i] = c with { Code = KnowledgeBase.StateOn(c.Code, to) };
        }
    }

    private static bool IsCountryBlock(RawActor raw, CountryDraft country)
    {
        foreach (var c in raw.Codes) if (!c.IsDated && c.Code.Length == 3) return true;
        return raw.Codes.Count > 0 && raw.Codes.TrueForAll(c => c.Code.StartsWith(country.Iso3, StringComparison.Ordinal) || c.Code.Length == 3);
    }

    private static Draft Merge(Dictionary<string, Draft> drafts, List<Draft> order, RawActor raw, string rootKey, string source, bool replaceCodes)
    {
        // Dictionary entries merge only on the same root; a supplement entry also finds its target by any name.
        Draft? d = null;
        if (!drafts.TryGetValue(rootKey, out d) && replaceCodes)
        {
            foreach (var n in raw.Names)
                if (drafts.TryGetValue("\u0001" + NameKey.FromPhrase(n), out d)) break;
        }
        if (d is null)
        {
            string bare = rootKey[(rootKey.IndexOf(':') + 1)..];
            string id = MakeId(bare);
            // Namesakes from different dictionaries stay apart ("JOHN_SMITH" and "JOHN_SMITH@milnonstate").
            if (drafts.ContainsKey("\u0002" + id)) id += "@" + source;
            drafts["\u0002" + id] = null!;
            d = new Draft { Id = id, Name = CountryDraft.Pretty(CountryTableBuilder.StripParentheses(raw.Root.Replace('_', ' '))), Source = source };
            drafts[rootKey] = d;
            order.Add(d);
        }
        else if (replaceCodes)
        {
            d.Codes = [];
            d.Source = "supplement";
            d.Name = CountryDraft.Pretty(raw.Root.Replace('_', ' '));
        }
        foreach (var n in raw.Names)
        {
            d.Names.Add(n);
            drafts.TryAdd("\u0001" + NameKey.FromPhrase(n), d);
        }
        d.Codes.AddRange(raw.Codes);
        d.FromCountryInfo |= raw.FromCountryInfo;
        return d;
    }

    private static string MakeId(string rootKey)
    {
        var chars = rootKey.ToUpperInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (chars[i] == ' ') chars[i] = '_';
        return new string(chars);
    }

    /// <summary>The supplement may say what an entry is with "kind:person|org|group" in its root line's comment.</summary>
    private static ActorKind? KindFromSupplement(string root, string supplementPath)
    {
        foreach (var line in File.ReadLines(supplementPath))
        {
            if (!line.StartsWith(root, StringComparison.Ordinal)) continue;
            if (line.Contains("kind:person", StringComparison.Ordinal)) return ActorKind.Person;
            if (line.Contains("kind:org", StringComparison.Ordinal)) return ActorKind.Organization;
            if (line.Contains("kind:group", StringComparison.Ordinal)) return ActorKind.ArmedGroup;
        }
        return null;
    }
}
