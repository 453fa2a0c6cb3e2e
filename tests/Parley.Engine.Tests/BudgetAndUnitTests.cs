using System.Text;
using Parley.Core;

namespace Parley.Engine.Tests;

/// <summary>The per-article budget and the bounded processing units of issue 16 (failure 3: long paragraphs).</summary>
public class BudgetAndUnitTests
{
    private static string Paragraph(int sentences)
    {
        string[] pattern =
        [
            "Russian President Vladimir Putin met Angela Merkel in Moscow on Tuesday.",
            "Rebels attacked a military convoy near the border on Sunday, officials said.",
            "\"We will not accept this,\" the minister told reporters in Kabul.",
            "He said the talks would resume next week in Doha.",
        ];
        var sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) sb.Append(pattern[i % pattern.Length]).Append(' ');
        return sb.ToString().TrimEnd();
    }

    private static string TempJsonl(params string[] texts)
    {
        string path = Path.Combine(Path.GetTempPath(), $"parley-engine-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, texts.Select((t, i) => System.Text.Json.JsonSerializer.Serialize(new { id = $"t{i}", text = t })));
        return path;
    }

    [Fact]
    public void An_article_past_its_budget_is_a_named_problem_and_the_run_goes_on()
    {
        var engine = ParleyEngine.Create(new EngineOptions
        {
            Layers = Layers.Sentences, Threads = 2, BudgetBase = TimeSpan.Zero, BudgetPerMillionChars = TimeSpan.Zero,
        });
        string path = TempJsonl(Paragraph(20), "Der Minister traf sich am Montag mit dem Botschafter in Berlin, um über die Gespräche zu reden.", Paragraph(3));
        try
        {
            var items = new DocumentStream(engine).Process([path]).ToList();
            Assert.Equal(3, items.Count);
            Assert.All(new[] { items[0], items[2] }, i =>
            {
                Assert.Null(i.Document);
                Assert.Contains("time budget", i.Problem!.Message);
            });
            Assert.NotNull(items[1].Document); // not English: no annotation, nothing to time out
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_budget_grows_with_the_article()
    {
        var engine = ParleyEngine.Create(new EngineOptions { Layers = Layers.Clean, BudgetBase = TimeSpan.FromSeconds(30), BudgetPerMillionChars = TimeSpan.FromSeconds(100) });
        Assert.Equal(TimeSpan.FromSeconds(30), engine.BudgetFor(0));
        Assert.Equal(TimeSpan.FromSeconds(130), engine.BudgetFor(1_000_000));
    }

    [Fact]
    public void A_long_paragraph_is_annotated_in_bounded_units_that_match_the_whole()
    {
        string text = Paragraph(400);
        var whole = ParleyEngine.Create(new EngineOptions { Layers = Layers.Tags | Layers.Dates, UnitChars = 100_000 });
        var units = ParleyEngine.Create(new EngineOptions { Layers = Layers.Tags | Layers.Dates, UnitChars = 2_000 });
        if (whole.MissingStages.Count > 0) Assert.Fail("models not installed: " + string.Join("; ", whole.MissingStages));

        var a = new Document("a", text) { Published = new DateOnly(2020, 3, 3) };
        var b = new Document("b", text) { Published = new DateOnly(2020, 3, 3) };
        whole.Annotate(a);
        units.Annotate(b);

        Assert.DoesNotContain(a.Flags, f => f.StartsWith("units:", StringComparison.Ordinal));
        int parts = int.Parse(Assert.Single(b.Flags, f => f.StartsWith("units:", StringComparison.Ordinal))["units:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(parts, text.Length / 2_000, text.Length / 1_000 + 1);
        // Cut at sentence ends, the units give the very tokens, tags, sentences and dates of the whole.
        Assert.Equal(a.TokenCount, b.TokenCount);
        for (int i = 0; i < a.TokenCount; i++)
        {
            Assert.Equal(a.Tokens[i].Start, b.Tokens[i].Start);
            Assert.Equal(a.Tokens[i].Xpos, b.Tokens[i].Xpos);
            Assert.Equal(a.Tokens[i].Sentence, b.Tokens[i].Sentence);
        }
        Assert.Equal(a.SentenceCount, b.SentenceCount);
        Assert.Equal(a.Dates.Select(d => (d.Start, d.Value)), b.Dates.Select(d => (d.Start, d.Value)));
    }

    [Fact]
    public void A_text_past_the_annotated_length_is_stored_whole_with_layers_on_its_start_and_a_warning()
    {
        var engine = ParleyEngine.Create(new EngineOptions { Layers = Layers.Tags | Layers.Dates, Threads = 2, UnitChars = 1_000, MaxAnnotatedChars = 3_000 });
        if (engine.MissingStages.Count > 0) Assert.Fail("models not installed: " + string.Join("; ", engine.MissingStages));
        string longText = Paragraph(200), shortText = Paragraph(20);
        string path = TempJsonl(longText, shortText);
        try
        {
            var items = new DocumentStream(engine).Process([path]).ToList();
            Assert.Equal(2, items.Count);
            var doc = items[0].Document!;
            Assert.Equal(longText, doc.Text);
            int end = int.Parse(Assert.Single(doc.Flags, f => f.StartsWith("annotated-to:", StringComparison.Ordinal))["annotated-to:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(end, 1_500, 3_000);
            Assert.True(doc.TokenCount > 100);
            Assert.All(doc.Tokens.ToArray(), t => Assert.True(t.End <= end));
            Assert.Equal(InputProblemKind.Warning, items[0].Problem!.Kind);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"first {end:N0} characters"), items[0].Problem!.Message, StringComparison.Ordinal);
            // A text within the limit: whole, no warning.
            Assert.Null(items[1].Problem);
            Assert.DoesNotContain(items[1].Document!.Flags, f => f.StartsWith("annotated-to:", StringComparison.Ordinal));
            Assert.Equal(items[1].Document!.Text.Length, items[1].Document!.Tokens[^1].End);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => ParleyEngine.Create(new EngineOptions { UnitChars = 5_000, MaxAnnotatedChars = 4_000 }));
    }
}
