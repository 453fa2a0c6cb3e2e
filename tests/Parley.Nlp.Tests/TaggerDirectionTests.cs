using Parley.Core;
using Parley.Nlp.Training;

namespace Parley.Nlp.Tests;

public class TaggerDirectionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Refiner_direction_survives_save_and_load_and_tags_the_same(bool rightToLeft)
    {
        var output = Path.Combine(Path.GetTempPath(), "parley-tagger-dir-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new NlpTrainOptions { TaggerEpochs = 3, SplitterEpochs = 2, Parser = false, Seed = 5, RefinerRightToLeft = rightToLeft };
            var (trained, _) = NlpTrainer.Train(TestModel.Fixture("tiny-ud"), output, options, _ => { });
            var loaded = NlpModel.Load(output);
            Assert.Equal(rightToLeft, trained.Tagger.RefinerRightToLeft);
            Assert.Equal(rightToLeft, loaded.Tagger.RefinerRightToLeft);

            const string text = "The new rules were announced by the ministry on Monday, and officials said they would take effect soon.";
            Assert.Equal(Tags(trained, text), Tags(loaded, text));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    private static string Tags(NlpModel model, string text)
    {
        var doc = new Document("t", text);
        model.TokenizerComponent().Process(doc);
        model.TaggerComponent().Process(doc);
        var tags = new List<string>();
        for (int i = 0; i < doc.TokenCount; i++) tags.Add(doc.Token(i).Upos + "/" + doc.Token(i).Xpos);
        return string.Join(' ', tags);
    }
}
