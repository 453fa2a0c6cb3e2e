using Parley.Core;
using Parley.Nlp.Training;

namespace Parley.Nlp.Tests;

public class TrainingTests
{
    [Fact]
    public void Trains_on_a_tiny_treebank_in_seconds_and_reloads()
    {
        var output = Path.Combine(Path.GetTempPath(), "parley-nlp-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = new List<string>();
            var options = new NlpTrainOptions { TaggerEpochs = 5, SplitterEpochs = 3, Parser = false, Seed = 3 };
            var (_, meta) = NlpTrainer.Train(TestModel.Fixture("tiny-ud"), output, options, log.Add);
            Assert.True(meta.Scores["dev_gold_tok_upos"] > 90, string.Join("\n", log));
            Assert.True(File.Exists(Path.Combine(output, "meta.json")));
            var model = NlpModel.Load(output);
            var doc = new Document("t", "The dogs were running quickly.");
            model.TokenizerComponent().Process(doc);
            model.TaggerComponent().Process(doc);
            Assert.Equal(UPos.DET, doc.Token(0).Upos);
            Assert.Equal(6, doc.TokenCount);
            Assert.Equal("dog", doc.Token(1).Lemma);
            Assert.Equal("run", doc.Token(3).Lemma);

            // same seed, same model files
            var again = output + "-again";
            NlpTrainer.Train(TestModel.Fixture("tiny-ud"), again, options, _ => { });
            Assert.Equal(File.ReadAllBytes(Path.Combine(output, "tagger.bin.gz")), File.ReadAllBytes(Path.Combine(again, "tagger.bin.gz")));
            Directory.Delete(again, true);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    [Fact]
    public void Train_nlp_trains_the_parser_with_its_network_and_the_model_parses()
    {
        var output = Path.Combine(Path.GetTempPath(), "parley-nlp-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = new List<string>();
            var recipe = new Parley.Nlp.Parsing.ParserRecipe { Epochs = 4, Jackknife = 2, JackknifeEpochs = 2, NeuralEpochs = 4, Mix = true };
            var options = new NlpTrainOptions { TaggerEpochs = 3, SplitterEpochs = 2, Seed = 3, ParserRecipe = recipe };
            var (_, meta) = NlpTrainer.Train(TestModel.Fixture("tiny-ud"), output, options, log.Add);
            string parserFolder = Path.Combine(output, Parley.Nlp.Parsing.DependencyParser.Subfolder);
            Assert.True(File.Exists(Path.Combine(parserFolder, Parley.Nlp.Parsing.DependencyParser.FileName)));
            Assert.True(File.Exists(Path.Combine(parserFolder, Parley.Nlp.Parsing.DependencyParser.NeuralFileName)));
            Assert.True(File.Exists(Path.Combine(parserFolder, "meta.json")));
            Assert.Contains(log, l => l.StartsWith("mix: kept", StringComparison.Ordinal));
            Assert.True(meta.Scores["dev_gold_tok_uas"] > 0, string.Join("\n", log));

            var parser = Parley.Nlp.Parsing.DependencyParser.TryLoadFromNlpModel(output)!;
            Assert.True(parser.IsNeural);
            var model = NlpModel.Load(output);
            var doc = new Document("t", "The dogs were running quickly.");
            model.TokenizerComponent().Process(doc);
            model.TaggerComponent().Process(doc);
            parser.Parse(doc);
            Assert.True((doc.Done & Layers.Parse) != 0);
            int roots = 0;
            for (int i = 0; i < doc.TokenCount; i++) if (doc.Tokens[i].Head < 0) roots++;
            Assert.Equal(1, roots);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }
}
