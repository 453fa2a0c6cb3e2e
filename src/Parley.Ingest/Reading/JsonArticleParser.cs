using System.Text.Json;
using System.Text.Unicode;
using Parley.Core;

namespace Parley.Ingest.Reading;

/// <summary>
/// One JSON object (a JSONL line) to a <see cref="RawArticle"/>: text from "text" (or "body"), optional
/// "id", "title", "date"/"published", "url", "source". Reads UTF-8 directly; other fields are skipped. Types are
/// strict: the text fields must be strings (or null), "id" a string or a number, and the id must pass
/// <see cref="ArticleIds"/>; anything else is the record's problem, never silently converted. A date that cannot be
/// read or lies outside <see cref="SaneDates"/> is dropped with a warning; the article is kept.
/// </summary>
internal static class JsonArticleParser
{
    /// <summary>The error of a record without text (compared by reference: an empty record is not an unreadable one).</summary>
    public static readonly string NoTextError = "no text (\"text\", \"body\" and \"title\" are missing, null or empty)";

    /// <summary>Returns an article (with <paramref name="warning"/> when part of it was dropped), or null with <paramref name="error"/> set.</summary>
    public static RawArticle? Parse(ReadOnlySpan<byte> utf8, string origin, out string? error) => Parse(utf8, origin, out error, out _);

    public static RawArticle? Parse(ReadOnlySpan<byte> utf8, string origin, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        if (!Utf8.IsValid(utf8))
        {
            error = "not valid UTF-8";
            return null;
        }
        string? text = null, body = null, id = null, title = null, date = null, published = null, url = null, source = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not a JSON object";
                return null;
            }
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var field = Field.None;
                if (reader.ValueTextEquals("text"u8)) field = Field.Text;
                else if (reader.ValueTextEquals("body"u8)) field = Field.Body;
                else if (reader.ValueTextEquals("id"u8)) field = Field.Id;
                else if (reader.ValueTextEquals("title"u8)) field = Field.Title;
                else if (reader.ValueTextEquals("date"u8)) field = Field.Date;
                else if (reader.ValueTextEquals("published"u8)) field = Field.Published;
                else if (reader.ValueTextEquals("url"u8)) field = Field.Url;
                else if (reader.ValueTextEquals("source"u8)) field = Field.Source;
                if (!reader.Read()) break;
                if (field == Field.None)
                {
                    reader.Skip();
                    continue;
                }
                string? value;
                if (reader.TokenType == JsonTokenType.String) value = reader.GetString();
                else if (reader.TokenType == JsonTokenType.Null) value = null;
                else if (field == Field.Id && reader.TokenType == JsonTokenType.Number) value = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                else
                {
                    error = $"\"{FieldName(field)}\" must be {(field == Field.Id ? "a string or a number" : "a string")}, not {TypeName(reader.TokenType)}";
                    return null;
                }
                switch (field)
                {
                    case Field.Text: text = value; break;
                    case Field.Body: body = value; break;
                    case Field.Id: id = value; break;
                    case Field.Title: title = value; break;
                    case Field.Date: date = value; break;
                    case Field.Published: published = value; break;
                    case Field.Url: url = value; break;
                    case Field.Source: source = value; break;
                }
            }
            // The object must be complete: a line cut short is malformed even if the fields were read.
            if (reader.CurrentDepth != 0 || reader.TokenType != JsonTokenType.EndObject)
            {
                error = "malformed JSON (object not closed)";
                return null;
            }
            if (reader.Read())
            {
                error = "malformed JSON (text after the object)";
                return null;
            }
        }
        catch (JsonException e)
        {
            error = "malformed JSON (" + FirstSentence(e.Message) + ")";
            return null;
        }
        catch (InvalidOperationException e)
        {
            error = "malformed JSON (" + FirstSentence(e.Message) + ")";
            return null;
        }

        string? content = !string.IsNullOrWhiteSpace(text) ? text : body;
        bool titleOnly = false;
        if (string.IsNullOrWhiteSpace(content) && !string.IsNullOrWhiteSpace(title))
        {
            // A brief (a wire headline with no body, as in Reuters' BRIEF items) is news too: its title is its text.
            content = title;
            titleOnly = true;
        }
        if (string.IsNullOrWhiteSpace(content))
        {
            error = NoTextError;
            return null;
        }
        string? articleId = string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        if (articleId is not null && ArticleIds.Problem(articleId) is { } idProblem)
        {
            error = idProblem;
            return null;
        }
        string? dateText = date ?? published;
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            day = DateParsing.Parse(dateText);
            if (day is null) warning = $"date '{Shorten(dateText)}' is not a date; ignored";
            else if (!SaneDates.Contains(day.Value))
            {
                warning = SaneDates.OutOfRange(day.Value) + "; ignored";
                day = null;
            }
        }
        return new RawArticle
        {
            Origin = origin,
            Id = articleId,
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Published = day,
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            Source = string.IsNullOrWhiteSpace(source) ? null : source,
            Body = content,
            IsHtml = false,
            Notes = titleOnly ? ["title-only"] : [],
        };
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static string FieldName(Field field) => field.ToString().ToLowerInvariant();

    private static string TypeName(JsonTokenType type) => type switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => type.ToString(),
    };

    private enum Field { None, Text, Body, Id, Title, Date, Published, Url, Source }
}
