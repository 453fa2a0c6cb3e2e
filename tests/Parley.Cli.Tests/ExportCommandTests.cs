using Parquet;

namespace Parley.Cli.Tests;

public class ExportCommandTests
{
    private static (TempDir Dir, string Db, long Events) CodedSamples()
    {
        var tmp = new TempDir();
        string db = tmp.File("store.db");
        var ingest = CliRunner.Run(tmp.Path, null, "ingest", Path.Combine(CliRunner.RepoRoot, "samples"), "--db", db, "--quiet");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var stats = CliRunner.Run(tmp.Path, null, "stats", "--db", db);
        using var json = System.Text.Json.JsonDocument.Parse(stats.Stdout);
        return (tmp, db, json.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task EveryFormatHoldsEveryMatchingEvent()
    {
        var (tmp, db, events) = CodedSamples();
        using var cleanup = tmp;
        Assert.True(events > 10, $"the samples should give events, got {events}");

        var csv = CliRunner.Run(tmp.Path, null, "export", "--db", db, "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("document_id,index,document_title,document_url,document_source,published,added,day,date_start,date_end,sentence,section,source_text,source_actor", lines[0], StringComparison.Ordinal);
        Assert.Equal(events + 1, CsvRecords(csv.Stdout));

        var jsonl = CliRunner.Run(tmp.Path, null, "export", "--db", db, "--format", "jsonl", "--quad-class", "1");
        Assert.True(jsonl.ExitCode == 0, jsonl.Stderr);
        var items = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(items);
        foreach (var line in items)
        {
            using var item = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(1, item.RootElement.GetProperty("quad_class").GetInt32());
            Assert.True(item.RootElement.TryGetProperty("evidence", out _));
        }

        var gdelt = CliRunner.Run(tmp.Path, null, "export", "--db", db, "--format", "gdelt", "--limit", "5");
        Assert.True(gdelt.ExitCode == 0, gdelt.Stderr);
        var rows = gdelt.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Math.Min(5, events), rows.Length);
        Assert.All(rows, r => Assert.Equal(61, r.Split('\t').Length));
        // SOURCEURL is the stored URL (the Wikinews page), never the document id; dates are filled.
        Assert.All(rows, r => Assert.StartsWith("https://en.wikinews.org/", r.Split('\t')[60]));
        Assert.All(rows, r => Assert.Matches("^[0-9]{8}$", r.Split('\t')[1]));
        Assert.All(rows, r => Assert.Matches("^[0-9]{14}$", r.Split('\t')[59]));

        string file = tmp.File("events.parquet");
        var parquet = CliRunner.Run(tmp.Path, null, "export", "--db", db, "--format", "parquet", "--out", file);
        Assert.True(parquet.ExitCode == 0, parquet.Stderr);
        Assert.False(File.Exists(file + ".partial"));
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        long count = 0;
        for (int i = 0; i < reader.RowGroupCount; i++)
        {
            using var group = reader.OpenRowGroupReader(i);
            count += group.RowCount;
        }
        Assert.Equal(events, count);
        var fields = reader.Schema.DataFields;
        Assert.Equal(Parley.Engine.Export.EventTable.Columns.Count, fields.Length);
        Assert.Contains(fields, f => f.Name == "reports");
        var cameo = fields.Single(f => f.Name == "cameo");
        using (var first = reader.OpenRowGroupReader(0))
        {
            var codes = new string?[first.RowCount];
            await first.ReadAsync(cameo, codes.AsMemory());
            Assert.All(codes, c => Assert.Matches("^[0-9]{2,4}$", c ?? ""));
        }
        Assert.Contains(fields, f => f.Name == "goldstein" && f.ClrType == typeof(double));
        Assert.Contains(fields, f => f.Name == "quad_class" && f.ClrType == typeof(int));
    }

    /// <summary>Records of an RFC 4180 text: line ends outside quotes (sentence texts may hold line breaks).</summary>
    private static int CsvRecords(string text)
    {
        int records = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) records++;
        }
        return records;
    }

    [Fact]
    public void BadFilterIsOneLineAndExitOne()
    {
        using var tmp = new TempDir();
        string db = tmp.File("store.db");
        Assert.Equal(0, CliRunner.Run(tmp.Path, null, "ingest", Path.Combine(CliRunner.RepoRoot, "samples", "us-taliban-talks.txt"), "--db", db, "--quiet").ExitCode);
        var r = CliRunner.Run(tmp.Path, null, "export", "--db", db, "--country", "Afghanistan");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("parley export: country must be an ISO 3166-1 alpha-3 code (3 letters)", r.Stderr.Trim());
    }
}
