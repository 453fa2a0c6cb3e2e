using System.Globalization;

namespace Parley.Ingest;

/// <summary>
/// What a document id given by an input may be: 1 to <see cref="MaxLength"/> characters, no control or format
/// characters, no unpaired surrogates, no space at either end. Any other character is allowed ("/" included: feed
/// item ids are URLs), so every stored id can be written into a URL path escaped and read back by it.
/// </summary>
public static class ArticleIds
{
    public const int MaxLength = 512;

    /// <summary>Why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    public static string? Problem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0) return "\"id\" is empty";
        if (id.Length > MaxLength) return string.Create(CultureInfo.InvariantCulture, $"\"id\" is {id.Length:N0} characters long (limit {MaxLength})");
        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1])) return "\"id\" starts or ends with a space";
        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return string.Create(CultureInfo.InvariantCulture, $"\"id\" contains the character U+{(int)c:X4} at position {i + 1}");
        }
        return null;
    }
}
