using System.Globalization;
using Parley.Core.Text;
using Parley.Knowledge.Text;

namespace Parley.Knowledge.Kb;

/// <summary>A country being assembled from several sources; names are deduplicated by key.</summary>
internal sealed class CountryDraft
{
    public required string Iso3 { get; init; }
    public required string Iso2 { get; init; }
    public required string Name { get; set; }
    public long GeonameId { get; set; }
    public string? Capital { get; set; }
    public long CapitalGeonameId { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long Population { get; set; }
    /// <summary>GeoNames continent code (AF, AS, EU, NA, OC, SA, AN), or empty.</summary>
    public string Continent { get; set; } = "";
    /// <summary>Internet country-code top-level domain without the dot ("af"), or empty.</summary>
    public string Tld { get; set; } = "";
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Demonyms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Capitals { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys of the names from GeoNames and the ISO table, which are never pruned.</summary>
    public HashSet<string> CoreNames { get; } = new(StringComparer.Ordinal);

    public void AddName(string display) => AddTo(Names, display);

    public void AddCoreName(string display)
    {
        AddTo(Names, display);
        CoreNames.Add(NameKey.FromPhrase(display));
    }

    /// <summary>Drops variant names that are also gazetteer places ("Scotland", "Kabul"): those are places, not the country.</summary>
    public void PruneNames(HashSet<string> placeKeys)
    {
        foreach (var key in Names.Keys.ToList())
            if (!CoreNames.Contains(key) && placeKeys.Contains(key)) Names.Remove(key);
    }
    public void AddDemonym(string display) => AddTo(Demonyms, display);
    public void AddCapital(string display) => AddTo(Capitals, display);

    private static void AddTo(Dictionary<string, string> into, string display)
    {
        display = display.Trim();
        string key = NameKey.FromPhrase(display);
        if (key.Length < 2) return;
        into.TryAdd(key, display);
    }

    /// <summary>
    /// Sorts a variant from the country lists (which mix names and adjectives) into names or demonyms:
    /// a single word with an adjectival ending, clearly shorter than the country's name, is a demonym.
    /// </summary>
    public void AddVariant(string phrase)
    {
        string display = Pretty(phrase);
        string key = NameKey.FromPhrase(display);
        if (key.Length < 2) return;
        if (Names.ContainsKey(key) || Demonyms.ContainsKey(key)) return;
        if (IsDemonymShape(key, NameKey.FromPhrase(Name))) { AddDemonym(display); if (!key.EndsWith('s')) AddDemonym(display + "s"); }
        else AddName(display);
    }

    internal static bool IsDemonymShape(string key, string countryKey)
    {
        if (key.Contains(' ') || key.Contains('.') || key.Length <= 3) return false;
        bool adjectival = key.EndsWith("an", StringComparison.Ordinal) || key.EndsWith("ese", StringComparison.Ordinal)
            || key.EndsWith("ish", StringComparison.Ordinal) || key.EndsWith('i') || key.EndsWith("ic", StringComparison.Ordinal)
            || key.EndsWith("ot", StringComparison.Ordinal) || key.EndsWith("er", StringComparison.Ordinal) || key.EndsWith("ch", StringComparison.Ordinal)
            || key.EndsWith("ene", StringComparison.Ordinal) || key.EndsWith("ite", StringComparison.Ordinal);
        if (countryKey.Length > 0 && key.StartsWith(countryKey, StringComparison.Ordinal) && key.Length > countryKey.Length)
            return key.Length - countryKey.Length <= 3;
        // A misspelling of the name ends like it ("Afganistan"); an adjective does not ("Afghan", "Polish", "German").
        bool endsLikeName = key.Length >= 3 && countryKey.Length >= 3 && string.CompareOrdinal(key, key.Length - 3, countryKey, countryKey.Length - 3, 3) == 0;
        return adjectival && !endsLikeName;
    }

    /// <summary>
    /// True when a dictionary synonym plausibly spells this country or its people (shares its first three letters
    /// with one of the names already known, or is an abbreviation); the dictionaries' other synonyms (states,
    /// rivers, nicknames) are not names of the country.
    /// </summary>
    public bool IsSpellingOfCountry(string key)
    {
        if (key.Length <= 5 && key.Contains('.')) return true;
        if (key.Length is >= 2 and <= 3 && key.All(char.IsLetter)) return true; // abbreviations: US, UK, UAE
        if (key.Length < 3) return false;
        foreach (var known in Names.Keys)
            if (known.Length >= 3 && string.CompareOrdinal(known, 0, key, 0, 3) == 0) return true;
        foreach (var known in Demonyms.Keys)
            if (known.Length >= 3 && string.CompareOrdinal(known, 0, key, 0, 3) == 0) return true;
        return false;
    }

    /// <summary>"UNITED_STATES_OF_AMERICA" -> "United States Of America"; keeps dotted abbreviations and short all-caps forms.</summary>
    internal static string Pretty(string phrase)
    {
        var words = phrase.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            if (w.Contains('.') || (w.Length <= 3 && phrase.Length <= 4)) continue;
            if (w.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                var chars = w.ToLowerInvariant().ToCharArray();
                bool start = true;
                for (int k = 0; k < chars.Length; k++)
                {
                    if (char.IsLetter(chars[k]) && start) chars[k] = char.ToUpperInvariant(chars[k]);
                    start = chars[k] is '-' or '\'' or '(' ;
                }
                words[i] = new string(chars);
                if (i > 0 && words[i] is "Of" or "The" or "And" or "De" or "Al" or "For") words[i] = words[i].ToLowerInvariant();
            }
        }
        return string.Join(' ', words);
    }

    public CountryEntry ToEntry() => new()
    {
        Iso3 = Iso3, Iso2 = Iso2, Name = Name, GeonameId = GeonameId, Capital = Capital, CapitalGeonameId = CapitalGeonameId,
        Lat = Lat, Lon = Lon, Population = Population, Continent = Continent, Tld = Tld,
        Names = [.. Names.Values], Demonyms = [.. Demonyms.Values], Capitals = [.. Capitals.Values],
    };
}

/// <summary>Builds the country table from GeoNames countryInfo, the ISO code table and OEDA CountryInfo.</summary>
internal static class CountryTableBuilder
{
    public static Dictionary<string, CountryDraft> Build(KbSources src, TextWriter? log)
    {
        var byIso3 = new Dictionary<string, CountryDraft>(StringComparer.Ordinal);
        var byIso2 = new Dictionary<string, CountryDraft>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(src.GeoNames, "countryInfo.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 17) continue;
            var c = new CountryDraft
            {
                Iso2 = f[0], Iso3 = f[1], Name = f[4].Trim(), Capital = f[5].Trim() is { Length: > 0 } cap ? cap : null,
                Population = long.TryParse(f[7], out long pop) ? pop : 0,
                GeonameId = long.TryParse(f[16], out long gid) ? gid : 0, Tld = f[9].Trim().TrimStart('.'),
            };
            c.AddCoreName(c.Name);
            if (c.Capital is not null) c.AddCapital(c.Capital);
            byIso3[c.Iso3] = c;
            byIso2[c.Iso2] = c;
        }
        AddIsoNames(src.IsoCodes, byIso3);
        AddOedaNames(src.CountryInfoOeda, byIso3);
        AddCountryPoints(Path.Combine(src.GeoNames, "countries.tsv.gz"), byIso2);
        AddCapitalPoints(Path.Combine(src.GeoNames, "cities15000.txt.gz"), byIso2);
        log?.WriteLine($"countries: {byIso3.Count}");
        return byIso3;
    }

    private static void AddIsoNames(string path, Dictionary<string, CountryDraft> byIso3)
    {
        if (!File.Exists(path)) return;
        using var reader = File.OpenText(path);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        var header = records.MoveNext() ? records.Current : [];
        int iso3 = Array.IndexOf(header, "ISO3166-1-Alpha-3"), shortName = Array.IndexOf(header, "UNTERM English Short"),
            formal = Array.IndexOf(header, "UNTERM English Formal"), official = Array.IndexOf(header, "official_name_en"),
            cldr = Array.IndexOf(header, "CLDR display name"), capital = Array.IndexOf(header, "Capital");
        while (records.MoveNext())
        {
            var f = records.Current;
            if (iso3 < 0 || iso3 >= f.Length || !byIso3.TryGetValue(f[iso3], out var c)) continue;
            foreach (int col in new[] { shortName, formal, official, cldr })
            {
                if (col < 0 || col >= f.Length || f[col].Length == 0) continue;
                string name = StripParentheses(f[col]);
                if (name.StartsWith("the ", StringComparison.Ordinal)) name = name[4..];
                c.AddCoreName(name);
            }
            if (capital >= 0 && capital < f.Length && f[capital].Length > 0) c.AddCapital(f[capital]);
        }
    }

    private static void AddOedaNames(string path, Dictionary<string, CountryDraft> byIso3)
    {
        if (!File.Exists(path)) return;
        using var reader = KbBuilder.OpenText(path);
        CountryDraft? current = null;
        string? section = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Replace('\u001A', ' ');
            string t = line.Trim();
            if (t.StartsWith("<CountryCode>", StringComparison.Ordinal))
            {
                string code = t.Replace("<CountryCode>", "").Replace("</CountryCode>", "").Trim();
                current = code.Length == 3 && byIso3.TryGetValue(code, out var c) ? c : null;
                section = null;
                continue;
            }
            if (current is null) continue;
            if (t.StartsWith("<CountryName>", StringComparison.Ordinal))
            {
                current.AddName(CountryDraft.Pretty(t.Replace("<CountryName>", "").Replace("</CountryName>", "").Trim()));
                continue;
            }
            if (t is "<Nationality>" or "<Capital>") { section = t; continue; }
            if (t.StartsWith("</", StringComparison.Ordinal) || t.StartsWith('<')) { section = null; continue; }
            if (section is null) continue;
            int hash = t.IndexOf('#');
            if (hash >= 0) t = t[..hash].Trim();
            if (t.Length == 0 || t.Contains(',')) continue;
            string variant = StripParentheses(t.Replace('_', ' '));
            if (section == "<Capital>") current.AddCapital(CountryDraft.Pretty(variant));
            else current.AddVariant(variant);
        }
    }

    /// <summary>
    /// The country's own point (GeoNames' PCLI point as copied by gvenzl/sample-data, or derived from its places where
    /// GeoNames' was not obtainable; see the shared SOURCE.md) and its official name (the first alternate name).
    /// </summary>
    private static void AddCountryPoints(string path, Dictionary<string, CountryDraft> byIso2)
    {
        foreach (var f in PlaceTableBuilder.TsvRows(path))
        {
            // geonameid, iso2, iso3, name, latitude, longitude, population, continent, capital, coord_source, alternatenames
            if (f.Length < 11 || !byIso2.TryGetValue(f[1], out var c)) continue;
            if (f[4].Length > 0 && f[5].Length > 0)
            {
                c.Lat = double.Parse(f[4], CultureInfo.InvariantCulture);
                c.Lon = double.Parse(f[5], CultureInfo.InvariantCulture);
            }
            c.Continent = f[7];
        }
    }

    /// <summary>The capital's GeoNames id; its point stands for the country only when the country has no point of its own.</summary>
    private static void AddCapitalPoints(string citiesPath, Dictionary<string, CountryDraft> byIso2)
    {
        using var reader = KbBuilder.OpenText(citiesPath);
        string? line;
        var best = new Dictionary<string, (int Rank, string[] Row)>(StringComparer.Ordinal);
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split('\t');
            if (f.Length < 15 || !byIso2.TryGetValue(f[8], out var c)) continue;
            bool nameMatch = c.Capital is not null && (f[1] == c.Capital || f[2] == c.Capital);
            int rank = f[7] == "PPLC" ? (nameMatch ? 3 : 2) : (nameMatch ? 1 : 0);
            if (rank == 0) continue;
            if (!best.TryGetValue(c.Iso2, out var b) || rank > b.Rank) best[c.Iso2] = (rank, f);
        }
        foreach (var (iso2, (_, f)) in best)
        {
            var c = byIso2[iso2];
            c.CapitalGeonameId = long.Parse(f[0], CultureInfo.InvariantCulture);
            c.Lat ??= double.Parse(f[4], CultureInfo.InvariantCulture);
            c.Lon ??= double.Parse(f[5], CultureInfo.InvariantCulture);
            c.Capital ??= f[1];
        }
    }

    internal static string StripParentheses(string s)
    {
        int open = s.IndexOf('(');
        while (open >= 0)
        {
            int close = s.IndexOf(')', open);
            s = close < 0 ? s[..open] : s[..open] + s[(close + 1)..];
            open = s.IndexOf('(');
        }
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',');
    }
}
