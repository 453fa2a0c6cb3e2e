namespace Parley.Knowledge.Kb;

/// <summary>
/// A CAMEO actor code with the dates it holds (both ends inclusive); an undated code is the default
/// that applies when no dated code covers the date.
/// </summary>
public readonly record struct RoleCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool IsDated => From is not null || To is not null;

    public bool Covers(DateOnly date) => (From is null || date >= From.Value) && (To is null || date <= To.Value);

    /// <summary>Serialised form: CODE, or CODE@YYYYMMDD-YYYYMMDD with either end possibly empty.</summary>
    public override string ToString() => IsDated ? $"{Code}@{Format(From)}-{Format(To)}" : Code;

    public static RoleCode Parse(string text)
    {
        int at = text.IndexOf('@');
        if (at < 0) return new RoleCode(text, null, null);
        int dash = text.IndexOf('-', at);
        return new RoleCode(text[..at], ParseDate(text.AsSpan(at + 1, dash - at - 1)), ParseDate(text.AsSpan(dash + 1)));
    }

    private static string Format(DateOnly? d) => d?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? ParseDate(ReadOnlySpan<char> s) =>
        s.IsEmpty ? null : DateOnly.ParseExact(s, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What kind of thing an actor entry names.</summary>
public enum ActorKind : byte { Person, Organization, ArmedGroup }

/// <summary>A named actor from the CAMEO dictionaries (a person, an institution, an armed group).</summary>
public sealed class ActorEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public ActorKind Kind { get; init; }
    public required string[] Names { get; init; }
    public required RoleCode[] Codes { get; init; }
    /// <summary>Which dictionary it came from (countries, international, milnonstate, supplement).</summary>
    public required string Source { get; init; }
}

/// <summary>A country: ISO codes, names, demonyms, capital and the point used for it on a map.</summary>
public sealed class CountryEntry
{
    public required string Iso3 { get; init; }
    public required string Iso2 { get; init; }
    public required string Name { get; init; }
    public long GeonameId { get; init; }
    public string? Capital { get; init; }
    public long CapitalGeonameId { get; init; }
    /// <summary>The country's own point (GeoNames' feature point for the country, not its capital's); the capital's where no other is known.</summary>
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public long Population { get; init; }
    /// <summary>GeoNames continent code (AF, AS, EU, NA, OC, SA, AN), or empty.</summary>
    public string Continent { get; init; } = "";
    /// <summary>Internet country-code top-level domain without the dot ("af"), or empty.</summary>
    public string Tld { get; init; } = "";
    public required string[] Names { get; init; }
    public required string[] Demonyms { get; init; }
    public required string[] Capitals { get; init; }
}

/// <summary>
/// A GeoNames place: a populated place (cities500), a first- or second-level division (ADM1, ADM2), a continent (CONT)
/// or a region (RGN, RGNE), or a supplement entry.
/// </summary>
public sealed class PlaceEntry
{
    public long GeonameId { get; init; }
    public required string Name { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public required string FeatureCode { get; init; }
    public required string Iso3 { get; init; }
    /// <summary>GeoNames admin1 code within the country (e.g. "13"), or empty.</summary>
    public required string Admin1 { get; init; }
    /// <summary>GeoNames admin2 code within the first-level division (e.g. "079" for Rapides Parish), or empty.</summary>
    public string Admin2 { get; init; } = "";
    /// <summary>People living there (for a division, only the sum of its listed places: a lower bound).</summary>
    public long Population { get; init; }
    /// <summary>
    /// Alternate names (Latin script; the ASCII spelling first when it differs). A loaded knowledge base indexes them and
    /// drops them (look names up with <see cref="KnowledgeBase.LookupName"/>); the builder's places keep them.
    /// </summary>
    public required string[] AltNames { get; set; }
    /// <summary>
    /// Abbreviations that stand for a division after a town's name or on their own when marked as a place
    /// ("La.", "Calif.", "TX", "BC"); looked up apart from the names, never as words of running text.
    /// </summary>
    public string[] Abbreviations { get; init; } = [];
    /// <summary>Adjectives of a continent or region ("European", "Middle Eastern"), as demonyms are of countries.</summary>
    public string[] Demonyms { get; init; } = [];
    /// <summary>Ids of actors that are unions of the countries of this region and stand for it as a place ("the EU" for Europe).</summary>
    public string[] Actors { get; init; } = [];
}

/// <summary>A generic agent noun ("officials", "military", "rebels") with the role code it adds to a country.</summary>
public readonly record struct AgentEntry(string Key, string Code);
