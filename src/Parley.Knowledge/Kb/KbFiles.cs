using System.IO.Compression;
using System.Text;

namespace Parley.Knowledge.Kb;

/// <summary>The compact knowledge files: gzip'd UTF-8 TSV, one record a line, lists joined with '|'.</summary>
internal static class KbFiles
{
    public const string Countries = "countries.tsv.gz";
    public const string Places = "places.tsv.gz";
    public const string Actors = "actors.tsv.gz";
    public const string Agents = "agents.tsv.gz";
    public const string Discards = "discards.tsv.gz";
    /// <summary>Parties in government with their dates (supplement/governments.tsv): kb id, role code, note.</summary>
    public const string Governments = "governments.tsv.gz";

    public static StreamWriter CreateWriter(string path)
    {
        var gz = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        return new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public static IEnumerable<string[]> ReadRows(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8, false, 1 << 16);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }

    public static string[] List(string field) => field.Length == 0 ? [] : field.Split('|');

    public static string Join(IEnumerable<string> items) => string.Join('|', items);

    /// <summary>Removes characters the format uses as separators.</summary>
    public static string Clean(string s) => s.Replace('\t', ' ').Replace('|', '/').Replace('\n', ' ').Replace('\r', ' ');
}
