using System.Globalization;
using Parley.Core;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>What a name in the index refers to.</summary>
public enum NameKind : byte { Country, Demonym, Place, Actor, PlaceAlias }

/// <summary>One referent of a name: a kind and an index into that kind's table.</summary>
public readonly record struct NameHit(NameKind Kind, int Index);

/// <summary>
/// The loaded knowledge base: countries, GeoNames places, CAMEO actors and agents, with a name index
/// keyed by normalised lowercase word sequences (see <see cref="NameKey"/>). Immutable and thread-safe.
/// Build the files with <c>parley build kb</c>; load them with <see cref="LoadDefault"/> or <see cref="Load"/>.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, NameHit[]> _names;
    private readonly Dictionary<string, NameHit[]>.AlternateLookup<ReadOnlySpan<char>> _namesBySpan;
    private readonly Dictionary<string, string> _agents;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _agentsBySpan;
    private readonly HashSet<string> _prefixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixesBySpan;
    private readonly Dictionary<string, int> _countryByIso3;
    private readonly Dictionary<(string Iso3, string Admin1), int> _admin1;
    private readonly HashSet<string> _discards;
    private readonly Dictionary<string, int[]> _placesByCompactKey;
    private readonly Dictionary<string, int> _capitalOf;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _capitalOfBySpan;
    private readonly Dictionary<(string Iso3, string Admin1, string Admin2), int> _admin2;
    private readonly Dictionary<string, int[]> _abbreviations;
    private readonly Dictionary<string, int> _placeDemonyms;
    private readonly Dictionary<string, int> _placeOfActor;
    private readonly Dictionary<string, int> _countryByTld;
    private readonly int[] _countryPlace;
    private readonly int _gazetteerCount;

    public IReadOnlyList<CountryEntry> Countries { get; }
    /// <summary>
    /// The gazetteer's places followed by one PCLI entry per country with a point (see <see cref="CountryPlace"/>),
    /// so that the geocoder weighs a country and a town of the same name alike.
    /// </summary>
    public IReadOnlyList<PlaceEntry> Places { get; }
    public IReadOnlyList<ActorEntry> Actors { get; }
    /// <summary>Most words in any name or agent phrase (bounds the longest-match search).</summary>
    public int MaxWords { get; }
    public string Folder { get; }

    private KnowledgeBase(string folder, List<CountryEntry> countries, List<PlaceEntry> places, List<ActorEntry> actors,
        List<AgentEntry> agents, HashSet<string> discards, bool dropAltNames = false)
    {
        Folder = folder;
        Countries = countries;
        _gazetteerCount = places.Count;
        _countryPlace = new int[countries.Count];
        for (int i = 0; i < countries.Count; i++)
        {
            var c = countries[i];
            if (c.Lat is not double lat || c.Lon is not double lon) { _countryPlace[i] = -1; continue; }
            _countryPlace[i] = places.Count;
            places.Add(new PlaceEntry
            {
                GeonameId = c.GeonameId, Name = c.Name, Lat = lat, Lon = lon, FeatureCode = "PCLI", Iso3 = c.Iso3, Admin1 = "",
                Population = c.Population, AltNames = [],
            });
        }
        Places = places;
        Actors = actors;
        _discards = discards;
        _countryByIso3 = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < countries.Count; i++) _countryByIso3[countries[i].Iso3] = i;
        _admin1 = [];
        _admin2 = [];
        _abbreviations = new Dictionary<string, int[]>(StringComparer.Ordinal);
        _placeDemonyms = new Dictionary<string, int>(StringComparer.Ordinal);
        _placeOfActor = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < places.Count; i++)
        {
            var p = places[i];
            if (p.FeatureCode == "ADM1") _admin1.TryAdd((p.Iso3, p.Admin1), i);
            else if (p.FeatureCode == "ADM2") _admin2.TryAdd((p.Iso3, p.Admin1, p.Admin2), i);
            foreach (var a in p.Abbreviations)
            {
                ref var ids = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_abbreviations, a, out bool had);
                ids = had ? [.. ids!, i] : [i];
            }
            foreach (var d in p.Demonyms) _placeDemonyms.TryAdd(NameKey.FromPhrase(d), i);
            foreach (var a in p.Actors) _placeOfActor.TryAdd(a, i);
        }
        _countryByTld = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < countries.Count; i++) if (countries[i].Tld.Length > 0) _countryByTld.TryAdd(countries[i].Tld, i);

        _capitalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < countries.Count; i++)
            foreach (var cap in countries[i].Capitals) _capitalOf.TryAdd(NameKey.FromPhrase(cap), i);
        _capitalOfBySpan = _capitalOf.GetAlternateLookup<ReadOnlySpan<char>>();

        // Sized for the gazetteer's names and alternates so the tables are not rehashed while they fill.
        _names = new Dictionary<string, NameHit[]>(Math.Max(16, places.Count * 3 + actors.Count * 2), StringComparer.Ordinal);
        _prefixes = new HashSet<string>(Math.Max(16, places.Count / 2), StringComparer.Ordinal);
        var prefixesBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        var compact = new Dictionary<string, int[]>(Math.Max(16, places.Count / 2), StringComparer.Ordinal);
        int maxWords = 1;
        void Add(string name, NameHit hit)
        {
            string key = NameKey.FromPhrase(name);
            if (key.Length == 0) return;
            AddKey(key, hit);
            // "Saint Petersburg" = "St. Petersburg" = "St Petersburg"; "Mount", "Fort" likewise.
            if (hit.Kind is NameKind.Place or NameKind.PlaceAlias && AbbreviatedVariant(key) is { } variant)
            {
                AddKey(variant.Full, hit);
                if (variant.Other is { } other) AddKey(other, hit);
            }
        }
        void AddKey(string key, NameHit hit)
        {
            ref var hits = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_names, key, out bool exists);
            if (!exists)
            {
                hits = [hit];
                maxWords = Math.Max(maxWords, AddPrefixes(key, prefixesBySpan));
            }
            else if (Array.IndexOf(hits!, hit) < 0)
            {
                Array.Resize(ref hits, hits!.Length + 1);
                hits[^1] = hit;
            }
            // Multi-word place names also without spaces and hyphens ("Pangkal Pinang" = "Pangkalpinang"), for the geocoder.
            if (hit.Kind is NameKind.Place or NameKind.PlaceAlias && (key.Contains(' ') || key.Contains('-')))
            {
                ref var ids = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(compact, Compact(key), out bool had);
                if (!had) ids = [hit.Index];
                else if (Array.IndexOf(ids!, hit.Index) < 0) { Array.Resize(ref ids, ids!.Length + 1); ids[^1] = hit.Index; }
            }
        }
        for (int i = 0; i < countries.Count; i++)
        {
            foreach (var n in countries[i].Names) Add(n, new NameHit(NameKind.Country, i));
            foreach (var n in countries[i].Demonyms) Add(n, new NameHit(NameKind.Demonym, i));
        }
        for (int i = 0; i < actors.Count; i++)
            foreach (var n in actors[i].Names) Add(n, new NameHit(NameKind.Actor, i));
        for (int i = 0; i < _gazetteerCount; i++)
        {
            Add(places[i].Name, new NameHit(NameKind.Place, i));
            var alts = places[i].AltNames;
            for (int k = 0; k < alts.Length; k++)
            {
                // The first alternate is GeoNames' ASCII spelling of the name when it differs ("Gdansk"): as good as the name.
                bool ascii = k == 0 && !System.Text.Ascii.IsValid(places[i].Name) && string.Equals(alts[0], StripDiacritics(places[i].Name), StringComparison.Ordinal);
                Add(alts[k], new NameHit(ascii ? NameKind.Place : NameKind.PlaceAlias, i));
            }
            // Indexed, the alternate names are not needed again: 300,000 strings (about 25 MB) less to keep.
            if (dropAltNames) places[i].AltNames = [];
        }
        _placesByCompactKey = compact;
        _agents = new Dictionary<string, string>(agents.Count, StringComparer.Ordinal);
        foreach (var a in agents)
        {
            _agents[a.Key] = a.Code;
            maxWords = Math.Max(maxWords, AddPrefixes(a.Key, prefixesBySpan));
        }
        MaxWords = Math.Min(maxWords, 10);
        _namesBySpan = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _agentsBySpan = _agents.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixesBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly (string Long, string Dotted, string Short)[] TitleWords =
        [("saint ", "st. ", "st "), ("sainte ", "ste. ", "ste "), ("mount ", "mt. ", "mt "), ("fort ", "ft. ", "ft ")];

    /// <summary>The other spellings of a key that starts with Saint/St./St, Sainte, Mount or Fort, or null.</summary>
    internal static (string Full, string? Other)? AbbreviatedVariant(string key)
    {
        foreach (var (full, dotted, shortForm) in TitleWords)
        {
            if (key.StartsWith(full, StringComparison.Ordinal)) return (dotted + key[full.Length..], shortForm + key[full.Length..]);
            if (key.StartsWith(dotted, StringComparison.Ordinal)) return (full + key[dotted.Length..], shortForm + key[dotted.Length..]);
            if (key.StartsWith(shortForm, StringComparison.Ordinal)) return (full + key[shortForm.Length..], dotted + key[shortForm.Length..]);
        }
        return null;
    }

    private static string StripDiacritics(string s)
    {
        var d = s.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(d.Length);
        foreach (char c in d)
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    private static int AddPrefixes(string key, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixes)
    {
        int words = 1;
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] != ' ' && key[i] != '-') continue;
            prefixes.Add(key.AsSpan(0, i)); // allocates only a prefix not seen yet
            if (key[i] == ' ') words++;
        }
        return words;
    }

    // ---- loading ----

    private static KnowledgeBase? _default;
    private static object? _defaultGate;

    /// <summary>The committed knowledge base (data/kb, found like models: $PARLEY_DATA, beside the executable, or the repository), loaded once.</summary>
    public static KnowledgeBase LoadDefault() => LazyInitializer.EnsureInitialized(ref _default, ref _defaultGate, () =>
    {
        var root = ModelLocator.FindRoot("data") ?? throw new DirectoryNotFoundException("data/kb not found: set PARLEY_DATA or run from the repository");
        string folder = Path.Combine(root, "kb");
        if (!File.Exists(Path.Combine(folder, KbFiles.Actors)) && File.Exists(Path.Combine(root, KbFiles.Actors))) folder = root;
        return Load(folder);
    });

    /// <summary>Loads the knowledge files of a folder written by <see cref="KbBuilder"/>.</summary>
    public static KnowledgeBase Load(string folder)
    {
        var countries = new List<CountryEntry>();
        foreach (var f in KbFiles.ReadRows(Path.Combine(folder, KbFiles.Countries)))
        {
            countries.Add(new CountryEntry
            {
                Iso3 = f[0], Iso2 = f[1], Name = f[2], GeonameId = ParseLong(f[3]), Capital = f[4].Length > 0 ? f[4] : null,
                CapitalGeonameId = ParseLong(f[5]), Lat = ParseNullable(f[6]), Lon = ParseNullable(f[7]), Population = ParseLong(f[8]),
                Names = KbFiles.List(f[9]), Demonyms = KbFiles.List(f[10]), Capitals = KbFiles.List(f[11]), Continent = f.Length > 12 ? f[12] : "", Tld = f.Length > 13 ? f[13] : "",
            });
        }
        var places = new List<PlaceEntry>(260_000);
        // Codes repeat across rows: one string each (a local table is much faster than string.Intern's global one).
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Code(string s) => interned.TryGetValue(s, out var c) ? c : interned[s] = s;
        foreach (var f in KbFiles.ReadRows(Path.Combine(folder, KbFiles.Places)))
        {
            places.Add(new PlaceEntry
            {
                GeonameId = ParseLong(f[0]), Name = f[1], Lat = ParseDouble(f[2]), Lon = ParseDouble(f[3]), FeatureCode = Code(f[4]),
                Iso3 = Code(f[5]), Admin1 = Code(f[6]), Admin2 = Code(f[7]), Population = ParseLong(f[8]),
                AltNames = KbFiles.List(f[9]), Abbreviations = KbFiles.List(f[10]), Demonyms = KbFiles.List(f[11]),
                Actors = f.Length > 12 ? KbFiles.List(f[12]) : [],
            });
        }
        var actors = new List<ActorEntry>(40_000);
        foreach (var f in KbFiles.ReadRows(Path.Combine(folder, KbFiles.Actors)))
        {
            var codeTexts = KbFiles.List(f[4]);
            var codes = new RoleCode[codeTexts.Length];
            for (int i = 0; i < codes.Length; i++) codes[i] = RoleCode.Parse(codeTexts[i]);
            actors.Add(new ActorEntry { Id = f[0], Kind = Enum.Parse<ActorKind>(f[1]), Name = f[2], Source = f[3], Codes = codes, Names = KbFiles.List(f[5]) });
        }
        var agents = new List<AgentEntry>();
        foreach (var f in KbFiles.ReadRows(Path.Combine(folder, KbFiles.Agents))) agents.Add(new AgentEntry(f[0], f[1]));
        var discards = new HashSet<string>(StringComparer.Ordinal);
        string discardPath = Path.Combine(folder, KbFiles.Discards);
        if (File.Exists(discardPath)) foreach (var f in KbFiles.ReadRows(discardPath)) discards.Add(f[0]);
        return new KnowledgeBase(folder, countries, places, actors, agents, discards, dropAltNames: true);
    }

    /// <summary>A knowledge base of the given tables only (no files): for suites and tests that bring their own dictionaries.</summary>
    internal static KnowledgeBase Create(string folder, List<CountryEntry> countries, List<PlaceEntry> places, List<ActorEntry> actors,
        List<AgentEntry> agents, HashSet<string> discards) => new(folder, countries, places, actors, agents, discards);

    private static long ParseLong(string s) => s.Length == 0 ? 0 : long.Parse(s, CultureInfo.InvariantCulture);
    private static double ParseDouble(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    private static double? ParseNullable(string s) => s.Length == 0 ? null : ParseDouble(s);

    // ---- lookups ----

    /// <summary>Referents of a normalised key (empty when unknown).</summary>
    public ReadOnlySpan<NameHit> Lookup(ReadOnlySpan<char> key) => _namesBySpan.TryGetValue(key, out var hits) ? hits : default;

    internal NameHit[]? LookupArray(ReadOnlySpan<char> key) => _namesBySpan.TryGetValue(key, out var hits) ? hits : null;

    /// <summary>Referents of a free-text name (normalised first).</summary>
    public ReadOnlySpan<NameHit> LookupName(string name) => Lookup(NameKey.FromPhrase(name));

    /// <summary>The role code of an agent phrase key ("officials" -> GOV), or null.</summary>
    public string? AgentCode(ReadOnlySpan<char> key) => _agentsBySpan.TryGetValue(key, out var code) ? code : null;

    /// <summary>True when some longer name or agent phrase starts with this key followed by a space or hyphen.</summary>
    public bool IsPrefix(ReadOnlySpan<char> key) => _prefixesBySpan.Contains(key);

    /// <summary>Places whose name matches a key ignoring spaces and hyphens.</summary>
    public int[] PlacesByCompactKey(string key)
    {
        string ck = Compact(key);
        if (_placesByCompactKey.TryGetValue(ck, out var ids)) return ids;
        if (ck.Length == key.Length || !_names.TryGetValue(ck, out var hits)) return [];
        var result = new List<int>();
        foreach (var h in hits) if (h.Kind is NameKind.Place or NameKind.PlaceAlias) result.Add(h.Index);
        return [.. result];
    }

    private static string Compact(string key)
    {
        Span<char> buf = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        int n = 0;
        foreach (char c in key) if (c != ' ' && c != '-' && c != '\'') buf[n++] = c;
        return new string(buf[..n]);
    }

    /// <summary>The country whose capital this key names ("kabul" -> Afghanistan), or null.</summary>
    public CountryEntry? CountryOfCapital(ReadOnlySpan<char> key) => _capitalOfBySpan.TryGetValue(key, out int i) ? Countries[i] : null;

    public bool IsDiscard(string key) => _discards.Contains(key);

    public CountryEntry? CountryByIso3(string iso3) => _countryByIso3.TryGetValue(iso3, out int i) ? Countries[i] : null;

    public int CountryIndex(string iso3) => _countryByIso3.TryGetValue(iso3, out int i) ? i : -1;

    /// <summary>The index in <see cref="Places"/> of a country's own place (feature PCLI at its point), or -1 when it has no point.</summary>
    public int CountryPlace(int countryIndex) => _countryPlace[countryIndex];

    /// <summary>True when the place is a country's PCLI entry rather than a gazetteer place.</summary>
    public bool IsCountryPlace(int placeIndex) => placeIndex >= _gazetteerCount;

    /// <summary>
    /// First-level divisions an abbreviation stands for, written exactly so ("La." -> Louisiana, "BC" -> British Columbia;
    /// "in" is not Indiana's "IN"), or empty.
    /// </summary>
    public ReadOnlySpan<int> PlacesByAbbreviation(string text) => _abbreviations.TryGetValue(text, out var ids) ? ids : default;

    /// <summary>The continent or region an adjective names ("european" -> Europe), or -1.</summary>
    public int PlaceOfDemonym(string key) => _placeDemonyms.TryGetValue(key, out int i) ? i : -1;

    /// <summary>The region an actor that unites its countries stands for ("THE_EUROPEAN_UNION" -> Europe), or -1.</summary>
    public int PlaceOfActor(string actorId) => _placeOfActor.TryGetValue(actorId, out int i) ? i : -1;

    /// <summary>The country of an internet country-code domain ("uk" -> United Kingdom), or null.</summary>
    public CountryEntry? CountryOfTld(string tld) => _countryByTld.TryGetValue(tld, out int i) ? Countries[i] : null;

    /// <summary>The second-level division a place lies in, or null.</summary>
    public PlaceEntry? Admin2Of(PlaceEntry place) =>
        place.Admin2.Length > 0 && _admin2.TryGetValue((place.Iso3, place.Admin1, place.Admin2), out int i) ? Places[i] : null;

    /// <summary>The first-order division a place lies in, or null.</summary>
    public PlaceEntry? Admin1Of(PlaceEntry place) =>
        place.Admin1.Length > 0 && _admin1.TryGetValue((place.Iso3, place.Admin1), out int i) ? Places[i] : null;

    /// <summary>
    /// The actor's CAMEO code on a date: the dated code covering the date that started last (ends inclusive),
    /// else the undated default, else (when the codes agree on one) the actor's country code; null when none applies.
    /// Without a date the default is used, else the latest dated code. A person whose dated roles all lie before or after
    /// the date holds no office then and is one of the country's elite (ELI), as the dictionaries code former office
    /// holders ("HAROLD_WILSON_ [GBRELI 760405-950524]"), not a bare country: "John Bolton" in 2020 is USAELI.
    /// Before a person's first office the dictionaries say nothing of what the person was: their filler range
    /// ("BOB_DOLE [USAELI 410101-850103]", from 1 January of a birth-ish year to the first office), the undated elite
    /// default and the elite of the fallback are then no role, only the country ("Donald Trump" or "Li Peng" in 1987:
    /// USA, CHN); the article's titles give the role (issue 11, Reuters rounds 32-33: elites that were in office then).
    /// </summary>
    public static string? ActorCode(ActorEntry actor, DateOnly? date) => ActorCode(actor, date, out _);

    /// <inheritdoc cref="ActorCode(ActorEntry, DateOnly?)"/>
    /// <param name="roleUnknown">True when the code is a person's bare country (or IGO...) because no role of theirs is known
    /// on the date: the filler before the first office, or no dated code covering the date and no default.</param>
    public static string? ActorCode(ActorEntry actor, DateOnly? date, out bool roleUnknown)
    {
        roleUnknown = false;
        RoleCode? best = null;
        if (date is { } d)
        {
            foreach (var c in actor.Codes)
                if (c.IsDated && c.Covers(d) && (best is null || (c.From ?? DateOnly.MinValue) > (best.Value.From ?? DateOnly.MinValue))) best = c;
            if (best is { } b) return (roleUnknown = IsFiller(actor, b)) ? b.Code[..3] : b.Code;
        }
        foreach (var c in actor.Codes)
            if (!c.IsDated) return (roleUnknown = date is { } d0 && IsElite(c.Code) && BeforeFirstOffice(actor, d0)) ? c.Code[..3] : c.Code;
        if (date is null)
        {
            foreach (var c in actor.Codes)
                if (best is null || (c.To ?? DateOnly.MaxValue) > (best.Value.To ?? DateOnly.MaxValue)) best = c;
            return best?.Code;
        }
        string? country = null;
        foreach (var c in actor.Codes)
        {
            if (c.Code.Length < 3) return null;
            if (country is null) country = c.Code[..3];
            else if (!c.Code.StartsWith(country, StringComparison.Ordinal)) return null;
        }
        if (actor.Kind != ActorKind.Person || country is null) return country;
        if (!NonStatePrefixes.Contains(country) && !BeforeFirstOffice(actor, date.Value)) return country + "ELI";
        roleUnknown = true;
        return country;
    }

    private const string EliteRole = "ELI";

    private static bool IsElite(string code) => code.Length > 3 && code.AsSpan(3).SequenceEqual(EliteRole);

    /// <summary>The day a person's first dated office (a dated code other than an elite) starts, or null when the person has
    /// none or one without a start.</summary>
    private static DateOnly? FirstOffice(ActorEntry actor)
    {
        if (actor.Kind != ActorKind.Person) return null;
        DateOnly? first = null;
        foreach (var c in actor.Codes)
        {
            if (!c.IsDated || IsElite(c.Code)) continue;
            if (c.From is not { } f) return null;
            if (first is null || f < first) first = f;
        }
        return first;
    }

    /// <summary>Whether <paramref name="date"/> lies before every dated office of the person.</summary>
    private static bool BeforeFirstOffice(ActorEntry actor, DateOnly date) => FirstOffice(actor) is { } f && date < f;

    /// <summary>Whether a dated code is the dictionaries' filler before a person's first office: an elite range from 1 January
    /// to the day the first office starts ("LI_PENG [CHNELI 460101-871124]"), which tells nothing of the person's role.</summary>
    private static bool IsFiller(ActorEntry actor, RoleCode c) =>
        IsElite(c.Code) && c.From is { Month: 1, Day: 1 } && c.To is { } to && FirstOffice(actor) == to;

    /// <summary>The day the Soviet Union ended (1991-12-26).</summary>
    public static readonly DateOnly SovietEnd = new(1991, 12, 26);

    /// <summary>An actor code as of <paramref name="date"/>: before the Soviet Union ended, Russia's codes are the Union's, CAMEO's
    /// USR ("Moscow said" in 1987 is the Soviet government; Phoenix dates Soviet office holders as Russia's).</summary>
    public static string StateOn(string code, DateOnly date) =>
        date < SovietEnd && code.StartsWith("RUS", StringComparison.Ordinal) ? "USR" + code[3..] : code;

    /// <summary>CAMEO's first three letters that name no country: an ELI of these says nothing ("IGOELI").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NonStatePrefixes =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["IGO", "NGO", "IMG", "MNC", "NGM"], StringComparer.Ordinal);

    /// <summary>The three-letter country (or IGO/NGO/...) part of the actor's codes, or null.</summary>
    public static string? ActorCountry(ActorEntry actor) => actor.Codes.Length > 0 && actor.Codes[0].Code.Length >= 3 ? actor.Codes[0].Code[..3] : null;
}
