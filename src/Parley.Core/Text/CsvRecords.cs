using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Parley.Core.Text;

/// <summary>
/// The one CSV reader of the project (source tables at build time, labelled story sets in evaluations): RFC 4180
/// records through CsvHelper, quoted cells holding commas, doubled quotes and line breaks; blank lines skipped,
/// rows of any width (the callers find their columns by the header's names and skip rows too short).
/// </summary>
public static class CsvRecords
{
    private static readonly CsvConfiguration Rfc4180 = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        IgnoreBlankLines = true,
        // a stray quote inside an unquoted cell is kept as text rather than failing the whole table
        BadDataFound = null,
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };

    /// <summary>Every record of <paramref name="reader"/>, the header first when the file has one (the reader is left open).</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var parser = new CsvParser(reader, Rfc4180, leaveOpen: true);
        while (parser.Read()) yield return parser.Record ?? [];
    }
}
