using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Parsing;
using Parley.Nlp.Tests.Parsing;
using Parley.Nlp.Training;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Tests;

public class ClusterTests
{
    private static readonly ClusterTrainOptions Tiny = new()
    {
        Seed = 2, FineClusters = 8, CoarseLevels = [4, 2], MinCount = 2, ContextWords = 30, Dimensions = 16, Iterations = 8,
    };

    /// <summary>Made-up news-like text: days and months, and verbs, each in the same slots.</summary>
    private static IEnumerable<string> Texts()
    {
        string[] days = ["Monday", "Tuesday", "Friday", "Sunday"];
        string[] verbs = ["said", "announced", "reported", "denied"];
        string[] things = ["the deal", "the plan", "the merger", "the report"];
        for (int i = 0; i < 40; i++)
            yield return $"The minister {verbs[i % 4]} on {days[(i / 4) % 4]} that {things[(i / 2) % 4]} was final. Officials {verbs[(i + 1) % 4]} it in 19{i % 10}7.";
    }

    private static WordClusterTable Train() =>
        ClusterTrainer.Train(TinyTreebank.Sentences(), Texts(), Tokenizer.Default, Tiny);

    [Fact]
    public void Learns_clusters_from_a_small_sample_in_seconds_and_groups_words_used_alike()
    {
        var clusters = Train();
        Assert.True(clusters.Count > 20);
        int monday = clusters.Lookup("Monday"), friday = clusters.Lookup("friday"), said = clusters.Lookup("said");
        Assert.NotEqual(0, monday);
        Assert.Equal(clusters.Cluster(monday, 0), clusters.Cluster(friday, 0));
        Assert.NotEqual(clusters.Cluster(monday, 0), clusters.Cluster(said, 0));
        // digits are folded: an unseen year shares the cluster of the seen ones
        Assert.Equal(clusters.Lookup("1907") & 0xFFFF, clusters.Lookup("2024") & 0xFFFF);
        Assert.Equal(0, clusters.Lookup("unseen-word"));
        // coarse levels group fine clusters: same fine cluster, same coarse cluster
        Assert.Equal(clusters.Cluster(monday, 2), clusters.Cluster(friday, 2));
        Assert.InRange(clusters.Cluster(said, 2), 1, 2);
        // capitalisation prior: "Monday" is always capitalised in mid-sentence, "said" never
        Assert.Equal(5, WordClusterTable.CaseBucket(monday));
        Assert.Equal(1, WordClusterTable.CaseBucket(said));
    }

    [Fact]
    public void Both_recipes_learn_the_tables_their_former_trainers_learned()
    {
        // Fingerprints (words, leaves, levels, case buckets) of the tables that the two trainers this one replaced
        // (the tagger's ClusterTrainer and NER's WordClusterTrainer, issue 14) learned from this sample; the shipped
        // models/*/clusters.bin.gz were learned with these recipes, so a change here means retraining them.
        var texts = ClusterSample.Texts();
        var tagger = ClusterTrainer.Train([], texts, Tokenizer.Default, new ClusterTrainOptions { Seed = 1, FineClusters = 256, CoarseLevels = [64, 16] });
        var ner = ClusterTrainer.Train([], texts, null, ClusterTrainOptions.Ner);
        Assert.Equal((588, 3), (tagger.Count, tagger.Levels));
        Assert.Equal(0x3A518C9752A0B54EUL, tagger.Fingerprint);
        Assert.Equal((573, 2), (ner.Count, ner.Levels));
        Assert.Equal(0xD34FCEA31DD7EE57UL, ner.Fingerprint);
    }

    [Fact]
    public void Training_is_deterministic_and_the_file_round_trips()
    {
        var a = Train();
        var b = Train();
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        string path = Path.Combine(Path.GetTempPath(), "parley-clusters-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        try
        {
            a.Save(path);
            var loaded = WordClusterTable.Load(path);
            Assert.Equal(a.Fingerprint, loaded.Fingerprint);
            Assert.Equal(a.Lookup("announced"), loaded.Lookup("announced"));
            Assert.Equal(a.Cluster(a.Lookup("announced"), 1), loaded.Cluster(loaded.Lookup("announced"), 1));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Independent_clusterings_keep_each_level_of_each_word_through_the_file()
    {
        // NER's clusters: a fine and a coarse k-means that need not nest (fine 3 is in coarse 0 and in coarse 1).
        var table = WordClusterTable.FromWords([("talks", [3, 0], 2), ("Kabul", [3, 1], 5), ("said", [7, 0], 1), ("1987", [1, 1], 0)]);
        string path = Path.Combine(Path.GetTempPath(), "parley-clusters-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        try
        {
            table.Save(path);
            foreach (var t in new[] { table, WordClusterTable.Load(path) })
            {
                Assert.Equal(2, t.Levels);
                Assert.Equal(8, t.FineCount);
                int talks = t.Lookup("TALKS"), kabul = t.Lookup("kabul"), said = t.Lookup("said"), year = t.Lookup("2019");
                Assert.Equal((4, 1, 2), (t.Cluster(talks, 0), t.Cluster(talks, 1), WordClusterTable.CaseBucket(talks)));
                Assert.Equal((4, 2, 5), (t.Cluster(kabul, 0), t.Cluster(kabul, 1), WordClusterTable.CaseBucket(kabul)));
                Assert.Equal((8, 1, 1), (t.Cluster(said, 0), t.Cluster(said, 1), WordClusterTable.CaseBucket(said)));
                Assert.Equal((2, 2), (t.Cluster(year, 0), t.Cluster(year, 1)));
                Assert.Equal(0, t.Cluster(t.Lookup("unknown"), 1));
            }
            Assert.Equal(table.Fingerprint, WordClusterTable.Load(path).Fingerprint);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Tagger_and_parser_trained_with_clusters_reload_with_them()
    {
        var output = Path.Combine(Path.GetTempPath(), "parley-nlp-clusters-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clustersFile = output + ".clusters.bin.gz";
            var clusters = ClusterTrainer.Train(ConlluReader.ReadFile(NlpTrainer.FindSplits(TestModel.Fixture("tiny-ud")).Train), Texts(), Tokenizer.Default, Tiny);
            clusters.Save(clustersFile);
            var options = new NlpTrainOptions { TaggerEpochs = 4, SplitterEpochs = 2, Parser = false, Seed = 3, ClustersFile = clustersFile };
            var (_, meta) = NlpTrainer.Train(TestModel.Fixture("tiny-ud"), output, options, _ => { });
            File.Delete(clustersFile);
            Assert.True(File.Exists(Path.Combine(output, WordClusterTable.FileName)));
            var model = NlpModel.Load(output);
            Assert.Equal(clusters.Fingerprint, model.Tagger.Clusters!.Fingerprint);
            var doc = new Document("t", "The dogs were running quickly.");
            model.TokenizerComponent().Process(doc);
            model.TaggerComponent().Process(doc);
            Assert.Equal(UPos.DET, doc.Token(0).Upos);

            // a parser trained with the clusters finds them in its parent folder
            var parser = DependencyParser.Train(TinyTreebank.Sentences(), [], new ParserTrainOptions { Seed = 3, Epochs = 10, MoveBits = 14, LabelBits = 10, SimulateTagErrors = false, Clusters = clusters });
            parser.Save(Path.Combine(output, DependencyParser.Subfolder));
            var loaded = DependencyParser.Load(Path.Combine(output, DependencyParser.Subfolder));
            Assert.Equal(clusters.Fingerprint, loaded.Clusters!.Fingerprint);
            Assert.Equal(100.0, ParserEvaluation.Evaluate(loaded, TinyTreebank.Sentences()).Las);
            // without the cluster file the models refuse to load, with a message naming the file
            File.Delete(Path.Combine(output, WordClusterTable.FileName));
            var e = Assert.Throws<InvalidDataException>(() => DependencyParser.Load(Path.Combine(output, DependencyParser.Subfolder)));
            Assert.Contains(WordClusterTable.FileName, e.Message);
            Assert.Throws<InvalidDataException>(() => NlpModel.Load(output));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }
}
