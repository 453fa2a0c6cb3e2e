using Parley.Core.Text;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Tests;

public class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = Tokenizer.Default;

    private static string Join(string text) => string.Join(" | ", Tokenizer.Words(text));

    [Theory]
    [InlineData("I don't know.", "I | do | n't | know | .")]
    [InlineData("Google's profit rose.", "Google | 's | profit | rose | .")]
    [InlineData("I'm sure they'll come, and we've seen it.", "I | 'm | sure | they | 'll | come | , | and | we | 've | seen | it | .")]
    [InlineData("He can't go and won't stay.", "He | ca | n't | go | and | wo | n't | stay | .")]
    [InlineData("You cannot be serious.", "You | can | not | be | serious | .")]
    [InlineData("It\u2019s here.", "It | \u2019s | here | .")]
    public void Contractions_are_split_the_UD_way(string text, string expected) => Assert.Equal(expected, Join(text));

    [Fact]
    public void Clitic_parts_are_marked_as_multiword_parts()
    {
        var spans = Tokenizer.Spans("Bush's plan");
        Assert.Equal(3, spans.Count);
        Assert.True(spans[0].MultiwordPart);
        Assert.True(spans[1].MultiwordPart);
        Assert.False(spans[2].MultiwordPart);
    }

    [Theory]
    [InlineData("Dr. Smith met Mr. Jones in the U.S. on Friday.", "Dr. | Smith | met | Mr. | Jones | in | the | U.S. | on | Friday | .")]
    [InlineData("Shares of Acme Inc. rose 3.5% to $1,234.50 at 7:30 p.m. yesterday.", "Shares | of | Acme | Inc. | rose | 3.5 | % | to | $ | 1,234.50 | at | 7:30 | p.m. | yesterday | .")]
    [InlineData("J. K. Rowling wrote it.", "J. | K. | Rowling | wrote | it | .")]
    [InlineData("The end. Next one", "The | end | . | Next | one")]
    public void Abbreviations_and_numbers(string text, string expected) => Assert.Equal(expected, Join(text));

    [Theory]
    [InlineData("Visit https://example.com/a?b=1&c=(2). Now", "Visit | https://example.com/a?b=1&c=(2) | . | Now")]
    [InlineData("See www.reuters.com, then", "See | www.reuters.com | , | then")]
    [InlineData("Mail john.doe@example.co.uk today.", "Mail | john.doe@example.co.uk | today | .")]
    public void Urls_and_email_stay_whole(string text, string expected) => Assert.Equal(expected, Join(text));

    [Theory]
    [InlineData("\"Hello,\" she said (quietly).", "\" | Hello | , | \" | she | said | ( | quietly | ) | .")]
    [InlineData("\u201CYes\u201D \u2014 no...", "\u201C | Yes | \u201D | \u2014 | no | ...")]
    [InlineData("a 15-year term, F-16 jets", "a | 15 | - | year | term | , | F | - | 16 | jets")]
    [InlineData("Wait!!! Really?!", "Wait | !!! | Really | ?!")]
    public void Quotes_brackets_and_punctuation(string text, string expected) => Assert.Equal(expected, Join(text));

    [Fact]
    public void Every_token_is_an_exact_span_of_the_input()
    {
        const string text = "  \"Don't\" \t said Dr.  O'Neil\r\nat 5pm \u2014 see http://x.org/y. Emoji \uD83D\uDC4D\uD83C\uDFFD ok\u0001!";
        var spans = Tokenizer.Spans(text);
        int last = 0;
        foreach (var (start, end, _) in spans)
        {
            Assert.True(start >= last && end > start && end <= text.Length);
            for (int i = start; i < end; i++) Assert.False(char.IsWhiteSpace(text[i]) || char.IsControl(text[i]));
            last = end;
        }
        Assert.Contains("O'Neil", Tokenizer.Words(text));
        Assert.Contains("\uD83D\uDC4D\uD83C\uDFFD", Tokenizer.Words(text));
        Assert.Contains("http://x.org/y", Tokenizer.Words(text));
    }

    [Fact]
    public void Emoji_and_control_characters_only()
    {
        var text = string.Concat(Enumerable.Repeat("\uD83D\uDE00\u0007\u200B\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 ", 1000));
        var words = Tokenizer.Words(text);
        Assert.Equal(2000, words.Count);
        Assert.Equal("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", words[1]);
    }
}
