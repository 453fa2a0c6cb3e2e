using Parley.Core;
using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

/// <summary>Checks on the committed model (models/ner-en), found like the program finds it.</summary>
public sealed class NerModelSmokeTests
{
    private static readonly Lazy<NerModel> Model = new(() =>
        NerModel.LoadDefault() ?? throw new InvalidOperationException("models/ner-en not found: the trained model must be committed"));

    [Fact]
    public void Committed_model_finds_people_and_a_place()
    {
        var tags = Model.Value.Predict(["Zalmay", "Khalilzad", "met", "Ashraf", "Ghani", "in", "Kabul", "."]);
        Assert.Equal(["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"], tags);
    }

    [Fact]
    public void Committed_model_has_meta_with_dev_scores()
    {
        var meta = Model.Value.Meta;
        Assert.NotNull(meta);
        Assert.Equal(NerModel.DefaultName, meta.Name);
        Assert.True(meta.Scores["conll2003_dev_f1"] >= 89);
        Assert.True(meta.Scores.ContainsKey("uner_ewt_dev_f1"));
    }

    [Fact]
    public void Conll_input_gets_one_more_column_and_keeps_docstart_and_blank_lines()
    {
        const string input = "-DOCSTART- -X- O O\n\nZalmay NNP\nKhalilzad NNP\nmet VBD\nAshraf\nGhani\nin\nKabul\n.\n\nHe\tPRP\nleft\n.\n";
        var output = new StringWriter { NewLine = "\n" };
        NerConllFormat.Process(new StringReader(input), output, Model.Value);
        var lines = output.ToString().Split('\n');
        var inputLines = input.Split('\n');
        Assert.Equal(inputLines.Length, lines.Length);
        Assert.Equal("-DOCSTART- -X- O O", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Equal("Zalmay NNP\tB-PER", lines[2]);
        Assert.Equal("Kabul\tB-LOC", lines[8]);
        Assert.Equal("", lines[10]);
        Assert.Equal("He\tPRP\tO", lines[11]);
        for (int i = 0; i < inputLines.Length; i++)
        {
            if (inputLines[i].Length == 0 || inputLines[i].StartsWith("-DOCSTART-", StringComparison.Ordinal)) Assert.Equal(inputLines[i], lines[i]);
            else Assert.StartsWith(inputLines[i] + "\t", lines[i]);
        }
    }

    [Fact]
    public void Component_adds_entity_mentions_with_character_offsets()
    {
        const string text = "Zalmay Khalilzad met Ashraf Ghani in Kabul.";
        var doc = new Document("t", text);
        int start = 0;
        foreach (var word in new[] { "Zalmay", "Khalilzad", "met", "Ashraf", "Ghani", "in", "Kabul", "." })
        {
            int at = text.IndexOf(word, start, StringComparison.Ordinal);
            doc.AddToken(new TokenData { Start = at, End = at + word.Length });
            start = at + word.Length;
        }
        doc.AddSentence(new SentenceData(0, text.Length, 0, doc.TokenCount));
        var component = new NerComponent(Model.Value);
        component.Process(doc);
        Assert.Equal(
            [("Zalmay Khalilzad", "PER", 0, 16), ("Ashraf Ghani", "PER", 21, 33), ("Kabul", "LOC", 37, 42)],
            doc.Entities.Select(e => (e.Text, e.Type, e.Start, e.End)));
        Assert.All(doc.Entities, e => Assert.Null(e.Kb));
        component.Process(doc);
        Assert.Equal(3, doc.Entities.Count);
    }
}
