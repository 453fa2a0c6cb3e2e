using System.Text;

namespace Parley.Ingest.Tests;

public class CleanerFuzzTests
{
    // Pieces that exercise every rule: line breaks, indents, quotes, dashes, odd spaces, zero-width and
    // control characters, mojibake leads and continuations, entities, tags, combining marks, lone surrogates.
    private static readonly string[] Pieces =
    [
        "a", "Kabul", "the", " ", "  ", "\n", "\n\n", "\r\n", "    ", "\t", ".", "..", "...", "\u2026", "-", "-\n", ",", "\"",
        "\u201C", "\u201D", "\u2019", "\u2013", "\u2014", "\u00A0", "\u200B", "\u0007", "\uFEFF", "\u00C3", "\u00A9", "\u00E2", "\u20AC",
        "\u2122", "\u0153", "&amp;", "&", "&lt;p&gt;", "&nbsp;", "<p>", "</p>", "<br>", "<script>x</script>", "<", ">", "e\u0301", "\u0301",
        "\uD800", "\uDC00", "\uD83D\uDE00", "Reuter", "Friday, January 4, 2019", "Title line", "\u00E9", "\u0416",
    ];

    [Fact]
    public void Random_text_never_throws_and_keeps_a_consistent_map()
    {
        var random = new Random(20191204);
        var cleaner = new ArticleCleaner();
        var sb = new StringBuilder();
        for (int round = 0; round < 1500; round++)
        {
            sb.Clear();
            int pieces = random.Next(0, 60);
            for (int p = 0; p < pieces; p++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            string body = sb.ToString();
            bool html = round % 3 == 0;
            var doc = cleaner.ToDocument(new RawArticle { Origin = "fuzz", Body = body, IsHtml = html, Title = round % 2 == 0 ? "Title line" : null }, null);
            if (body.Length == 0) Assert.Equal("", doc.Text);
            else MapAssert.Consistent(body, doc.Text, doc.OriginalOffsets!);
            Assert.DoesNotContain("\n\n\n", doc.Text);
            Assert.DoesNotContain("  ", doc.Text);
            Assert.Equal(doc.Text.Trim(), doc.Text);
        }
    }
}
