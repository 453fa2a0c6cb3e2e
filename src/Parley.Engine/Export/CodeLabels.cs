using System.Collections.Concurrent;
using Parley.Events;
using Parley.Events.Cameo;

namespace Parley.Engine.Export;

/// <summary>
/// Names beside codes: an actor code in words (USAGOV: "United States government"), a CAMEO event code's name
/// (036: "Express intent to meet or negotiate"), a country's name (AFG: "Afghanistan"). Read from data/cameo
/// (actor-codes.tsv, events.tsv); without it every label is null and the codes stand alone. Thread-safe.
/// </summary>
public sealed class CodeLabels
{
    private readonly ActorCodeTable _actors;
    private readonly CameoOntology? _events;
    private readonly ConcurrentDictionary<string, string?> _described = new(StringComparer.Ordinal);

    public CodeLabels(ActorCodeTable actors, CameoOntology? events)
    {
        _actors = actors;
        _events = events;
    }

    /// <summary>No labels (for tests and installations without data/cameo).</summary>
    public static CodeLabels None { get; } = new(ActorCodeTable.Empty, null);

    private static readonly Lazy<CodeLabels> SharedLabels = new(() =>
    {
        string? folder = CameoData.FindFolder();
        return new CodeLabels(ActorCodeTable.Shared, folder is null ? null : CameoOntology.Load(folder));
    });

    /// <summary>The installation's labels, loaded once.</summary>
    public static CodeLabels Shared => SharedLabels.Value;

    public bool IsEmpty => _actors.Count == 0 && _events is null;

    public string? Actor(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        // Describing splits the code; the distinct codes of a store are few, so each is described once.
        return _described.Count < 100_000 ? _described.GetOrAdd(code, _actors.Describe) : _actors.Describe(code);
    }

    public string? Cameo(string? code) => code is null ? null : _events?.Find(code)?.Name;

    public string? Country(string? iso3) =>
        string.IsNullOrEmpty(iso3) ? null : _actors.Label(iso3, ActorCodeKind.Country) ?? _actors.Label(iso3, ActorCodeKind.Region);

    /// <summary>Every country with its name (for the dashboard's country suggestions).</summary>
    public IEnumerable<(string Code, string Name)> Countries() => _actors.Entries(ActorCodeKind.Country);
}
