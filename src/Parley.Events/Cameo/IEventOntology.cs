namespace Parley.Events.Cameo;

/// <summary>
/// An event ontology as the coder sees it: what a code means (name, weights, PLOVER type), which codes stand with one
/// actor and which are mutual, and how a code composes with intention, refusal and threat. CAMEO implements it
/// (<see cref="CameoOntology"/>); a PLOVER-native or ACLED-style ontology can implement it too, with its own dictionaries.
/// </summary>
public interface IEventOntology
{
    /// <summary>The ontology's name carried by every event record ("CAMEO").</summary>
    string Name { get; }

    /// <summary>What <paramref name="code"/> means, from the code itself or its nearest listed parent; null when unknown.</summary>
    CameoEventType? Find(string code);

    /// <summary>The event may be coded with a source alone (no target actor).</summary>
    bool AllowsNoTarget(string code);

    /// <summary>"X and Y &lt;verb&gt;" with no other target is one event from each to the other.</summary>
    bool IsMutual(string code);

    /// <summary>A statement of what the source says (CAMEO root 01): coded only when a verb pattern calls for it.</summary>
    bool IsStatement(string code);

    /// <summary>The code of intending to do <paramref name="code"/> ("intends to resume talks": 046 -> 036), or null.</summary>
    string? IntentOf(string code);

    /// <summary>The code of refusing to do <paramref name="code"/> ("refused to meet": 040 -> 125), or null.</summary>
    string? RejectOf(string code);

    /// <summary>The code of threatening to do <paramref name="code"/> ("will attack": 190 -> 138), or null.</summary>
    string? ThreatOf(string code);

    /// <summary>Material conflict (force): "will" + such a code is a threat, not an intention to cooperate.</summary>
    bool IsForce(string code);

    /// <summary>Cooperation whose stated future form is an intention (CAMEO roots 04 to 08).</summary>
    bool HasIntent(string code);
}
