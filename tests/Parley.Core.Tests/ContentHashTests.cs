using System.Security.Cryptography;
using System.Text;
using Parley.Core;

namespace Parley.Core.Tests;

public class ContentHashTests
{
    private static string Whole(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..8]);

    [Fact]
    public void A_long_text_hashed_in_slices_hashes_as_its_whole_UTF8()
    {
        // Surrogate pairs (and a lone surrogate) at every position around the 16 K slice boundaries.
        var sb = new StringBuilder();
        var random = new Random(5);
        while (sb.Length < 100_000)
        {
            switch (random.Next(6))
            {
                case 0: sb.Append("\U0001F600"); break;
                case 1: sb.Append('\uD83D'); break;
                case 2: sb.Append("é"); break;
                default: sb.Append("news "); break;
            }
        }
        string text = sb.ToString();
        Assert.Equal(Whole(text), ContentHash.Of(text));
        for (int cut = 16_380; cut < 16_390; cut++) Assert.Equal(Whole(text[..cut]), ContentHash.Of(text.AsSpan(0, cut)));
        Assert.Equal(Whole("short"), ContentHash.Of("short"));
        Assert.Equal(Whole(""), ContentHash.Of(""));
    }
}
