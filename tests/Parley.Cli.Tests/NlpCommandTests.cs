using Parley.Cli.Commands;

namespace Parley.Cli.Tests;

public class NlpCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Evaluate_scores_a_hand_made_system_file()
    {
        var output = new StringWriter();
        int code = EvaluateCommand.Run(Fixture("gold.conllu"), Fixture("system.conllu"), output, new StringWriter());
        Assert.Equal(0, code);
        // same figures as /work/shared/tools/conllu_eval.py on these files: tokens=100.00 sentences=100.00 upos=92.31 uas=92.31 las=92.31
        Assert.StartsWith("tokens=100.00 sentences=100.00 words=97.44 upos=92.31 ", output.ToString());
        Assert.Contains(" uas=92.31 las=92.31", output.ToString());
    }

    [Fact]
    public void Evaluate_reports_a_missing_file_with_exit_code_2()
    {
        var error = new StringWriter();
        Assert.Equal(2, EvaluateCommand.Run("/nonexistent/gold.conllu", Fixture("system.conllu"), new StringWriter(), error));
        Assert.Contains("/nonexistent/gold.conllu", error.ToString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(40)]
    public void Raw_text_without_blank_lines_is_cut_into_pieces_that_cover_it(int piecesLong)
    {
        // one sentence a line and no blank line (UD's dev text): a rest between one and four pieces long once failed
        string line = "The talks resumed in Doha after a pause of three months.\n";
        var text = string.Concat(Enumerable.Repeat(line, piecesLong * ParseCommand.PieceChars / line.Length + 1));
        int start = 0, pieces = 0;
        while (start < text.Length)
        {
            int end = ParseCommand.PieceEnd(text, start);
            Assert.True(end > start && end <= text.Length);
            Assert.True(end == text.Length || text[end - 1] is '\n' or ' ', "a piece ends at a line break or space");
            start = end;
            pieces++;
        }
        Assert.InRange(pieces, 1, piecesLong + 1);
    }

    [Fact]
    public void Parse_keeps_every_character_of_raw_text()
    {
        var input = Path.Combine(Path.GetTempPath(), "parley-parse-" + Guid.NewGuid().ToString("N") + ".txt");
        const string text = "Talks stall in Doha\n\nThe U.S. envoy didn't meet the Taliban's leaders on Monday. \"We'll see,\" he said.";
        File.WriteAllText(input, text);
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, ParseCommand.Run(input, "text", null, output, new StringWriter()));
            var lines = output.ToString().Split('\n');
            Assert.Equal(3, lines.Count(l => l.StartsWith("# text = ", StringComparison.Ordinal)));
            Assert.Contains("# text = Talks stall in Doha", lines);
            Assert.Contains(lines, l => l.StartsWith("4-5\tdidn't\t", StringComparison.Ordinal));
            // the forms of tokens (multiword lines, not their parts) spell the input without its whitespace
            var forms = new System.Text.StringBuilder();
            int skipUntil = 0;
            foreach (var l in lines)
            {
                var c = l.Split('\t');
                if (c.Length != 10) { skipUntil = 0; continue; }
                if (c[0].Contains('-')) { forms.Append(c[1]); skipUntil = int.Parse(c[0].Split('-')[1]); continue; }
                if (int.Parse(c[0]) <= skipUntil) continue;
                forms.Append(c[1]);
            }
            Assert.Equal(string.Concat(text.Where(ch => !char.IsWhiteSpace(ch))), forms.ToString());
        }
        finally { File.Delete(input); }
    }

    [Fact]
    public void Parse_rejects_binary_input_with_exit_code_2()
    {
        var input = Path.Combine(Path.GetTempPath(), "parley-parse-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(input, [0xFF, 0xFE, 0x00, 0x01, 0xC3]);
        try
        {
            var error = new StringWriter();
            Assert.Equal(2, ParseCommand.Run(input, "text", null, new StringWriter(), error));
            Assert.Contains(input, error.ToString());
        }
        finally { File.Delete(input); }
    }
}
