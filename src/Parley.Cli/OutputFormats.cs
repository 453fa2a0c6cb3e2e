using Parley.Core;

namespace Parley.Cli;

/// <summary>Output formats other than the document JSON.</summary>
internal static class OutputFormats
{
    public static void WriteGdelt(TextWriter writer, Document doc)
    {
        // Wired to the event coder's GDELT writer when the events stage lands.
        _ = writer;
        _ = doc;
        throw new NotSupportedException("--format gdelt needs the event coder");
    }
}
