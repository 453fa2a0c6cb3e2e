using System.Globalization;
using System.Reflection;

namespace Parley.Knowledge.Geo;

/// <summary>
/// The weights of <see cref="PlaceScorer"/>'s rules (score points; the population prior is <see cref="Population"/> per
/// power of ten). The defaults keep the rule order the scorer documents; they were set on the GeoWebNews development
/// set (<c>parley eval geo --weights</c> tries others there), never on held-out data.
/// </summary>
public sealed record GeoWeights
{
    // 1. The kind of name.
    public double CountryName { get; init; } = 12;
    public double WrongKind { get; init; } = 4;
    public double DivisionName { get; init; } = 3;
    public double NamesakeCity { get; init; } = 1.2;
    public double SpellingPenalty { get; init; } = 0.7;
    public double OtherNamePenalty { get; init; } = 2;
    public double ShortNamePenalty { get; init; } = 1.5;
    // 2. The text's own qualifier.
    public double Qualifier { get; init; } = 15;
    // 3. The article's other places.
    public double InCountry { get; init; } = 2.5;
    public double CountryShare { get; init; } = 1.5;
    public double InAdmin1 { get; init; } = 2;
    public double InAdmin2 { get; init; } = 1.5;
    public double Near30 { get; init; } = 2;
    public double Near100 { get; init; } = 1.5;
    public double Near250 { get; init; } = 0.8;
    // 4. The dateline; 5. the source's country.
    public double DatelineCountry { get; init; } = 1;
    public double DatelineAdmin1 { get; init; } = 1;
    public double Source { get; init; } = 1;
    // 6. Size and rank.
    public double Population { get; init; } = 1;

    public static GeoWeights Default { get; } = new();

    /// <summary>Parses "Name=value,Name=value" over the defaults (for development runs); throws FormatException on an unknown name.</summary>
    public static GeoWeights Parse(string text)
    {
        var w = new GeoWeights();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            var prop = eq > 0 ? typeof(GeoWeights).GetProperty(part[..eq].Trim(), BindingFlags.Public | BindingFlags.Instance) : null;
            if (prop is null || prop.PropertyType != typeof(double)) throw new FormatException($"unknown geocoder weight: {part}");
            w = w with { };
            prop.SetValue(w, double.Parse(part[(eq + 1)..], CultureInfo.InvariantCulture));
        }
        return w;
    }
}
