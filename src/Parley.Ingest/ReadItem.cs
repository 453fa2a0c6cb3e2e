using Parley.Core;

namespace Parley.Ingest;

/// <summary>
/// One result of <see cref="ArticleReader.Read"/>: an article, a problem, or both. Both are set when the
/// input was read with a reportable defect (a non-UTF-8 file decoded as Windows-1252): report the problem
/// and still process the article.
/// </summary>
public readonly record struct ReadItem(RawArticle? Article, InputProblem? Problem)
{
    /// <summary>True when the input was not turned into an article.</summary>
    public bool Skipped => Article is null;

    public static ReadItem Ok(RawArticle article) => new(article, null);
    public static ReadItem Bad(string input, string message) => new(null, new InputProblem(input, message));

    /// <summary>A record read fine that holds no text: reported and counted, not an unreadable input.</summary>
    public static ReadItem Empty(string input, string message) => new(null, new InputProblem(input, message) { Kind = InputProblemKind.EmptyRecord });

    /// <summary>The problem of a JSON record: empty when the parser found no text in it, else unreadable.</summary>
    public static ReadItem FromJsonError(string input, string error) =>
        ReferenceEquals(error, Reading.JsonArticleParser.NoTextError) ? Empty(input, error) : Bad(input, error);
}
