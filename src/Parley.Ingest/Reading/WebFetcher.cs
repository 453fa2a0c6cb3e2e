using System.Net.Http.Headers;

namespace Parley.Ingest.Reading;

/// <summary>A fetched http(s) resource: its bytes, content type and final address.</summary>
internal sealed record FetchedPage(byte[] Bytes, string? MediaType, string? Charset, Uri Address);

/// <summary>
/// GETs an http(s) URL with the configured client, refusing bodies over the byte limit (by Content-Length
/// first, then while reading). Read() is synchronous, so this blocks on the async call: there is no
/// synchronization context in the CLI or ASP.NET Core, so no deadlock.
/// </summary>
internal sealed class WebFetcher(HttpClient client, long maxBytes)
{
    public FetchedPage? Fetch(Uri url, CancellationToken ct, out string? error)
    {
        var (page, problem) = FetchAsync(url, ct).GetAwaiter().GetResult();
        error = problem;
        return page;
    }

    private async Task<(FetchedPage? Page, string? Error)> FetchAsync(Uri url, CancellationToken ct)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return (null, "only http and https URLs are read");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return (null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            long? declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes) return (null, $"too large ({declared} bytes, limit {maxBytes})");
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) return (null, $"too large (more than {maxBytes} bytes)");
                buffer.Write(chunk, 0, read);
            }
            var type = response.Content.Headers.ContentType;
            return (new FetchedPage(buffer.ToArray(), type?.MediaType, type?.CharSet, response.RequestMessage?.RequestUri ?? url), null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return (null, "timed out");
        }
        catch (HttpRequestException e)
        {
            return (null, "could not be fetched (" + e.Message.TrimEnd('.') + ")");
        }
        catch (IOException e)
        {
            return (null, "could not be fetched (" + e.Message.TrimEnd('.') + ")");
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or UriFormatException)
        {
            // A client or handler that cannot send this request: still one line about this input.
            return (null, "could not be fetched (" + e.GetType().Name + ": " + e.Message.TrimEnd('.') + ")");
        }
    }
}
