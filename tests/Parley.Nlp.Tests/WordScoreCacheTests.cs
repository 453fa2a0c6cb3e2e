using Parley.Core;
using Parley.Nlp.Learning;
using Parley.Nlp.Tagging;

namespace Parley.Nlp.Tests;

public class WordScoreCacheTests
{
    [Fact]
    public void A_sum_continued_from_a_stored_prefix_is_the_sum_scored_at_once_to_the_bit()
    {
        var random = new Random(7);
        const int classes = 40, rows = 500;
        var keys = Enumerable.Range(0, rows).Select(_ => (ulong)random.NextInt64(1, long.MaxValue)).Distinct().Order().ToArray();
        var rowStart = new int[keys.Length + 1];
        var cls = new List<byte>();
        var weights = new List<float>();
        for (int r = 0; r < keys.Length; r++)
        {
            // rows of 1-12 entries, so both the inline and the overflow entries are summed
            foreach (int c in Enumerable.Range(0, classes).OrderBy(_ => random.Next()).Take(random.Next(1, 13)).Order())
            {
                cls.Add((byte)c);
                weights.Add((float)(random.NextDouble() * 20 - 10));
            }
            rowStart[r + 1] = weights.Count;
        }
        var model = new PerceptronModel(classes, keys, rowStart, [.. cls], [.. weights]);
        for (int trial = 0; trial < 200; trial++)
        {
            // features found and missing, 58 as the tagger's
            var features = Enumerable.Range(0, 58).Select(_ => random.Next(3) == 0 ? (ulong)random.NextInt64() : keys[random.Next(keys.Length)]).ToArray();
            int split = random.Next(features.Length + 1);
            var once = new float[classes];
            model.Score(features, once);
            var cache = new WordScoreCache(4, classes, 16);
            ulong[] key = [1, 2, 3, (ulong)trial];
            var entry = cache.Entry(key, (ulong)trial << 60, out int slot);
            Assert.False(cache.Holds(slot, 0));
            model.Score(features.AsSpan(0, split), entry);
            cache.Hold(slot, 0);
            var continued = new float[classes];
            entry = cache.Entry(key, (ulong)trial << 60, out slot);
            Assert.True(cache.Holds(slot, 0));
            entry.CopyTo(continued);
            model.Score(features.AsSpan(split), continued);
            Assert.Equal(once.Select(BitConverter.SingleToInt32Bits), continued.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void An_entry_belongs_to_its_whole_key_and_holds_the_parts_filled()
    {
        var cache = new WordScoreCache(3, 2, 4, parts: 2);
        var entry = cache.Entry([5, 6, 7], 0, out int slot);
        Assert.Equal(4, entry.Length);
        Assert.False(cache.Holds(slot, 0));
        entry[0] = 1.5f; entry[1] = -2f;
        cache.Hold(slot, 0);
        entry = cache.Entry([5, 6, 7], 0, out slot);
        Assert.True(cache.Holds(slot, 0));
        Assert.False(cache.Holds(slot, 1));
        Assert.Equal([1.5f, -2f], entry[..2].ToArray());
        // another slot: nothing held there
        cache.Entry([5, 6, 7], 1UL << 63, out int other);
        Assert.NotEqual(slot, other);
        Assert.False(cache.Holds(other, 0));
        // same slot, one hash of the key different: the slot is the new key's, with no part held
        cache.Entry([5, 6, 8], 0, out slot);
        Assert.False(cache.Holds(slot, 0));
        cache.Entry([5, 6, 7], 0, out slot);
        Assert.False(cache.Holds(slot, 0));
    }

    private const string Text =
        "The new rules were announced by the ministry on Monday. Officials said the rules would take effect soon. " +
        "Rules are rules, the minister said on Monday, and the ministry would not comment further. " +
        "SHARES FELL SHARPLY AFTER THE ANNOUNCEMENT. Shares of the company fell 4% in New York, and the company said it would appeal. " +
        "The company's chief executive, who took office in 2018, said the appeal was filed on Tuesday in New York.";

    [Fact]
    public void The_committed_tagger_gives_the_same_tags_and_margins_with_and_without_its_word_cache()
    {
        var doc = new Document("t", Text);
        TestModel.Nlp.TokenizerComponent().Process(doc);
        var tagger = TestModel.Nlp.Tagger;
        bool before = Tagger.UseWordCache;
        try
        {
            Tagger.UseWordCache = false;
            var plain = Predict(tagger, doc);
            Tagger.UseWordCache = true;
            // twice: the first run fills the cache, the second reads repeated words from it
            var first = Predict(tagger, doc);
            var second = Predict(tagger, doc);
            Assert.Equal(plain, first);
            Assert.Equal(plain, second);
        }
        finally { Tagger.UseWordCache = before; }
    }

    private static List<string> Predict(Tagger tagger, Document doc)
    {
        var result = new List<string>();
        var tokens = doc.TokensMutable;
        foreach (ref readonly var sentence in doc.Sentences)
        {
            var span = tokens[sentence.FirstToken..sentence.EndToken];
            var labels = new int[span.Length];
            var firstMargins = new float[span.Length];
            var refinerMargins = new float[span.Length];
            tagger.PredictLabels(doc.Text, span, labels, firstMargins, refinerMargins);
            for (int i = 0; i < span.Length; i++)
                result.Add($"{labels[i]} {BitConverter.SingleToInt32Bits(firstMargins[i]):x8} {BitConverter.SingleToInt32Bits(refinerMargins[i]):x8}");
        }
        return result;
    }
}
