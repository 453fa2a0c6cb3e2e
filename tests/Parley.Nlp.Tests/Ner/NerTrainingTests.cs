using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

public sealed class NerTrainingTests
{
    private static readonly string[] People = ["Maria Lopez", "John Smith", "Anna Berg", "Omar Haddad", "Li Wei", "Peter Novak"];
    private static readonly string[] Places = ["Kabul", "Paris", "Lima", "Oslo", "Cairo", "Dhaka"];
    private static readonly string[] Organisations = ["Acme Corp", "the World Bank", "Nordic Steel"];
    private static readonly string[] Verbs = ["met", "visited", "called", "praised"];

    /// <summary>Sentences "PER VERB PER in LOC ." and "PER joined ORG in LOC .", labelled.</summary>
    private static NerSentence Sentence(string first, string verb, string second, string place, bool organisation)
    {
        var tokens = new List<string>();
        var labels = new List<int>();
        void Add(string phrase, int type)
        {
            var words = phrase.Split(' ');
            for (int i = 0; i < words.Length; i++)
            {
                bool entityWord = type >= 0 && !(words[i] == "the" && i == 0);
                tokens.Add(words[i]);
                labels.Add(!entityWord ? NerLabels.O : labels.Count > 0 && NerLabels.TypeOf(labels[^1]) == type && i > 0 ? NerLabels.Inside(type) : NerLabels.Begin(type));
            }
        }
        Add(first, 0);
        Add(organisation ? "joined" : verb, -1);
        Add(second, organisation ? 1 : 0);
        Add("in", -1);
        Add(place, 2);
        Add(".", -1);
        return new NerSentence([.. tokens], [.. labels]);
    }

    private static List<NerDocument> Sample(int seed, int count)
    {
        var random = new Random(seed);
        var docs = new List<NerDocument>();
        for (int d = 0; d < count; d++)
        {
            var doc = new NerDocument(NerDomain.News);
            for (int s = 0; s < 3; s++)
            {
                bool organisation = random.Next(3) == 0;
                doc.Sentences.Add(Sentence(People[random.Next(People.Length)], Verbs[random.Next(Verbs.Length)],
                    organisation ? Organisations[random.Next(Organisations.Length)] : People[random.Next(People.Length)],
                    Places[random.Next(Places.Length)], organisation));
            }
            docs.Add(doc);
        }
        return docs;
    }

    [Fact]
    public void Learns_a_tiny_hand_made_sample()
    {
        var model = NerModel.Train(Sample(1, 60), new NerTrainingOptions { Epochs = 5, Seed = 3 });
        var score = model.Evaluate(Sample(2, 20));
        Assert.True(score.F1() > 95, $"F1 {score.F1():F1} on held-out sentences of the sample");
        var tags = model.Predict(["Anna", "Berg", "joined", "Nordic", "Steel", "in", "Oslo", "."]);
        Assert.Equal(["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"], tags);
    }

    [Fact]
    public void Training_is_deterministic_and_survives_save_and_load()
    {
        var options = new NerTrainingOptions { Epochs = 2, Seed = 7 };
        var a = NerModel.Train(Sample(1, 20), options);
        var b = NerModel.Train(Sample(1, 20), options);
        var dir = Path.Combine(Path.GetTempPath(), "parley-ner-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            a.Save(dir);
            var loaded = NerModel.Load(dir);
            string[] sentence = ["Li", "Wei", "called", "Omar", "Haddad", "in", "Cairo", "."];
            Assert.Equal(a.Predict(sentence), b.Predict(sentence));
            Assert.Equal(a.Predict(sentence), loaded.Predict(sentence));
            Assert.Equal(a.FeatureCount, b.FeatureCount);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Web_domain_never_predicts_misc()
    {
        var doc = new NerDocument(NerDomain.News);
        doc.Sentences.Add(new NerSentence(["German", "beer", "."], [NerLabels.Begin(3), NerLabels.O, NerLabels.O]));
        var model = NerModel.Train([doc, doc, doc], new NerTrainingOptions { Epochs = 3 });
        Assert.Equal("B-MISC", model.Predict(["German", "beer", "."], NerDomain.News)[0]);
        Assert.DoesNotContain(model.Predict(["German", "beer", "."], NerDomain.Web), t => t.EndsWith("MISC", StringComparison.Ordinal));
    }
}
