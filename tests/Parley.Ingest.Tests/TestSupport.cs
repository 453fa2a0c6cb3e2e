using System.Net;
using System.Text;
using Parley.Core;

namespace Parley.Ingest.Tests;

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

/// <summary>A scratch folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string name, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Root, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Answers requests from a table of URL -> (media type, body); anything else is 404.</summary>
internal sealed class FakeHandler(Dictionary<string, (string MediaType, string Body)> pages) : HttpMessageHandler
{
    public List<string> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string url = request.RequestUri!.AbsoluteUri;
        lock (Requested) Requested.Add(url);
        if (!pages.TryGetValue(url, out var page))
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(page.Body, Encoding.UTF8, page.MediaType),
            RequestMessage = request,
        };
        return Task.FromResult(response);
    }
}

internal static class MapAssert
{
    /// <summary>
    /// The map has one entry per cleaned character plus the end, never goes backwards, stays inside the
    /// original, and every letter or digit of the cleaned text is the very character it maps to (letters
    /// and digits are never rewritten by cleaning, except composed accents and repaired mojibake).
    /// </summary>
    public static void Consistent(string original, string cleaned, OffsetMap map)
    {
        Assert.Equal(cleaned.Length, map.CleanedLength);
        int previous = 0;
        for (int i = 0; i < cleaned.Length; i++)
        {
            int o = map.ToOriginal(i);
            Assert.InRange(o, 0, original.Length - 1);
            Assert.True(o >= previous, $"map goes backwards at cleaned {i}: {o} < {previous}");
            previous = o;
            char c = cleaned[i];
            if (char.IsAsciiLetterOrDigit(c))
                Assert.True(original[o] == c, $"cleaned[{i}] = '{c}' but original[{o}] = '{original[o]}'");
        }
        Assert.InRange(map.ToOriginal(cleaned.Length), 0, original.Length);
    }
}
