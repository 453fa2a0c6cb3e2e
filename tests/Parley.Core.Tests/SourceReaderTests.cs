using Parley.Core.Sources;
using Parley.Core.Text;

namespace Parley.Core.Tests;

/// <summary>The readers of published source formats the build steps share: CSV tables and the Phoenix agents dictionary.</summary>
public class SourceReaderTests
{
    [Fact]
    public void Csv_records_keep_quoted_commas_doubled_quotes_and_line_breaks_and_skip_blank_lines()
    {
        const string csv = "text,label\n\"Talks, at last\",042\n\n\"He said \"\"no\"\"\nand left\",\"012\"\nshort\n";
        var records = CsvRecords.Read(new StringReader(csv)).ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(["text", "label"], records[0]);
        Assert.Equal(["Talks, at last", "042"], records[1]);
        Assert.Equal(["He said \"no\"\nand left", "012"], records[2]);
        Assert.Equal(["short"], records[3]);
    }

    [Fact]
    public void Csv_records_read_windows_line_ends_as_plain_ones()
    {
        var records = CsvRecords.Read(new StringReader("a,b\r\n1,2\r\n")).ToList();
        Assert.Equal(["a", "b"], records[0]);
        Assert.Equal(["1", "2"], records[1]);
    }

    [Fact]
    public void Phoenix_agents_give_entry_lines_without_comments_and_expand_the_macros_defined_so_far()
    {
        const string file = """
            # Phoenix agents
            !MIL! = SOLDIER, TROOPER
            !MIL! {} [~MIL]   # both forms
            POLICE_OFFICER [~COP]
            NO CODE HERE
            !LATER!_CHIEF [~GOV]
            !LATER! = HEAD
            """;
        var reader = new PhoenixAgentsReader(new StringReader(file));
        var entries = new List<(PhoenixAgentLine Line, string[] Known, string[] Kept)>();
        foreach (var line in reader.Entries())
            entries.Add((line, [.. reader.Expand(line.Head.Trim(), keepUnknown: false)], [.. reader.Expand(line.Head.Trim(), keepUnknown: true)]));
        Assert.Equal(3, entries.Count);
        Assert.Equal(new PhoenixAgentLine("!MIL! {} ", "[~MIL]"), entries[0].Line);
        Assert.Equal(["SOLDIER {}", "TROOPER {}"], entries[0].Known);
        Assert.Equal(new PhoenixAgentLine("POLICE_OFFICER ", "[~COP]"), entries[1].Line);
        Assert.Equal(["POLICE_OFFICER"], entries[1].Known);
        // a macro defined only after its use is unknown when the entry is read
        Assert.Empty(entries[2].Known);
        Assert.Equal(["!LATER!_CHIEF"], entries[2].Kept);
    }
}
