using System.Text.Json;
using System.Text.Unicode;

namespace Parley.Ingest.Reading;

/// <summary>
/// One JSON object (a JSONL line) to a <see cref="RawArticle"/>: text from "text" (or "body"), optional
/// "id", "title", "date"/"published", "url", "source". Reads UTF-8 directly; other fields are skipped.
/// </summary>
internal static class JsonArticleParser
{
    /// <summary>The error of a record without text (compared by reference: an empty record is not an unreadable one).</summary>
    public static readonly string NoTextError = "no text (\"text\", \"body\" and \"title\" are missing, null or empty)";

    /// <summary>Returns an article, or null with <paramref name="error"/> set.</summary>
    public static RawArticle? Parse(ReadOnlySpan<byte> utf8, string origin, out string? error)
    {
        error = null;
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
                if (field == Field.None || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                string? value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
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
        string? dateText = date ?? published;
        return new RawArticle
        {
            Origin = origin,
            Id = string.IsNullOrWhiteSpace(id) ? null : id.Trim(),
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Published = dateText is null ? null : DateParsing.Parse(dateText),
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

    private enum Field { None, Text, Body, Id, Title, Date, Published, Url, Source }
}
