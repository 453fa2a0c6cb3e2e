using Parley.Core;

namespace Parley.Events;

/// <summary>
/// Receives the event coder's reasoning: which verbs were looked at, which patterns matched, and why each candidate
/// event was kept or dropped. Optional: the coder formats nothing when no sink is given.
/// </summary>
public interface IEventTraceSink
{
    void Sentence(Document doc, int sentence);
    /// <summary>A step of the decision about the verb at <paramref name="token"/> (pattern matched, composition, modality...).</summary>
    void Step(Document doc, int token, string message);
    void Kept(Document doc, int token, EventRecord record);
    void Dropped(Document doc, int token, string? code, string reason);
}
