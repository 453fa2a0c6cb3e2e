namespace Parley.Core;

/// <summary>The annotation layers of a document. Pipeline components declare which they read and write.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Clean = 1 << 0,
    Language = 1 << 1,
    Sentences = 1 << 2,
    Tokens = 1 << 3,
    Tags = 1 << 4,
    Lemmas = 1 << 5,
    Parse = 1 << 6,
    Entities = 1 << 7,
    Places = 1 << 8,
    Dates = 1 << 9,
    Coreference = 1 << 10,
    Quotes = 1 << 11,
    Events = 1 << 12,
    /// <summary>
    /// Labelled spans (<see cref="Document.Spans"/>) that components outside the standard pipeline mark, as spaCy's
    /// <c>doc.spans</c>: a new component writes here instead of needing a layer of its own.
    /// </summary>
    Spans = 1 << 13,
    All = (1 << 14) - 1,
}
