using Parley.Core;
using Parley.Events;

namespace Parley.Cli;

/// <summary>Output formats other than the document JSON.</summary>
internal static class OutputFormats
{
    /// <summary>GDELT 2.0 event-table rows (61 tab-separated columns), one per event.</summary>
    public static void WriteGdelt(TextWriter writer, Document doc) => GdeltWriter.Write(writer, doc);
}
