using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Parley.Ingest.Reading;

/// <summary>A fetched http(s) resource: its bytes, content type and final address.</summary>
internal sealed record FetchedPage(byte[] Bytes, string? MediaType, string? Charset, Uri Address);

/// <summary>
/// GETs http(s) URLs so that no server can hold a run: one overall deadline per fetch (retries and a trickling body
/// included), a timeout per read, a byte limit checked while streaming, retries with back-off for transient failures,
/// a User-Agent, and redirects followed by hand. Links found in inputs (feed items) and redirects may not lead to
/// loopback, link-local or private addresses unless <see cref="ReaderOptions.AllowPrivateAddresses"/>: the internal
/// client checks the address it actually connects to (after DNS), so a name cannot be re-pointed between check and
/// use. A URL the user names is fetched wherever it points. A host that ran out of time once is not tried again for
/// feed links in the same run. Read() is synchronous, so this blocks on async calls: there is no synchronization
/// context in the CLI or ASP.NET Core, so no deadlock.
/// </summary>
internal sealed class WebFetcher
{
    private const int MaxRedirects = 5;
    private static readonly HttpRequestOptionsKey<bool> PublicOnlyKey = new("parley-public-only");

    private readonly ReaderOptions _options;
    private readonly HttpClient _publicOnly;
    private readonly HttpClient _anywhere;
    private readonly bool _injected;
    private readonly ConcurrentDictionary<string, string> _slowHosts = new(StringComparer.OrdinalIgnoreCase);

    public WebFetcher(ReaderOptions options)
    {
        _options = options;
        if (options.Http is { } client)
        {
            // A caller's client (tests, custom handlers): its handler decides connections; only literal addresses are checked.
            _publicOnly = _anywhere = client;
            _injected = true;
        }
        else
        {
            _publicOnly = new HttpClient(Handler(options, publicOnly: true)) { Timeout = Timeout.InfiniteTimeSpan };
            _anywhere = new HttpClient(Handler(options, publicOnly: false)) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    private static SocketsHttpHandler Handler(ReaderOptions options, bool publicOnly) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = options.HttpTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => Connect(context, publicOnly, ct),
    };

    /// <summary>
    /// Fetches <paramref name="url"/>; <paramref name="named"/> is true for a URL the user gave (fetched wherever it
    /// points), false for a link found in an input (public addresses only unless allowed).
    /// </summary>
    public FetchedPage? Fetch(Uri url, bool named, CancellationToken ct, out string? error)
    {
        var (page, problem) = FetchAsync(url, named, ct).GetAwaiter().GetResult();
        error = problem;
        return page;
    }

    private async Task<(FetchedPage? Page, string? Error)> FetchAsync(Uri url, bool named, CancellationToken ct)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return (null, "only http and https URLs are read");
        if (!named && _slowHosts.TryGetValue(url.Authority, out var earlier)) return (null, $"not fetched: {url.Authority} {earlier} earlier in this run");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.FetchDeadline);
        string? lastError = null;
        for (int attempt = 0; attempt <= _options.FetchRetries; attempt++)
        {
            if (attempt > 0)
            {
                try
                {
                    await Task.Delay(_options.RetryDelay * (1 << (attempt - 1)), deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }
            var (page, error, transient) = await TryOnce(url, named, deadline.Token, ct).ConfigureAwait(false);
            if (page is not null || !transient) return (page, error);
            lastError = error;
            if (deadline.IsCancellationRequested) break;
        }
        if (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            string seconds = _options.FetchDeadline.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            _slowHosts.TryAdd(url.Authority, $"did not finish within {seconds} s");
            return (null, $"gave up after the {seconds} s fetch deadline" + (lastError is null ? "" : $" (last: {lastError})"));
        }
        return (null, lastError);
    }

    /// <summary>One GET with its redirects; transient is true when trying again may help.</summary>
    private async Task<(FetchedPage? Page, string? Error, bool Transient)> TryOnce(Uri url, bool named, CancellationToken deadline, CancellationToken ct)
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var address = url;
        try
        {
            for (int hop = 0; ; hop++)
            {
                // The named URL itself may point anywhere; links and redirects elsewhere only to public addresses.
                bool publicOnly = !_options.AllowPrivateAddresses && !(named && SameOrigin(address, url));
                if (publicOnly && _injected && LiteralPrivate(address) is { } literal)
                    return (null, PrivateRefusal(literal), false);
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                request.Options.Set(PublicOnlyKey, publicOnly);
                read.CancelAfter(_options.HttpTimeout);
                using var response = await (publicOnly ? _publicOnly : _anywhere)
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, read.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop == MaxRedirects) return (null, $"more than {MaxRedirects} redirects", false);
                    address = location.IsAbsoluteUri ? location : new Uri(address, location);
                    if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps) return (null, "redirected to a non-http URL", false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    return (null, $"HTTP {status} {response.ReasonPhrase}", status is 408 or 429 or >= 500);
                if (publicOnly && _injected && LiteralPrivate(response.RequestMessage?.RequestUri ?? address) is { } final)
                    return (null, PrivateRefusal(final), false);
                long? declared = response.Content.Headers.ContentLength;
                if (declared > _options.MaxBytes) return (null, $"too large ({declared:N0} bytes, limit {_options.MaxBytes:N0})", false);
                await using var stream = await response.Content.ReadAsStreamAsync(read.Token).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                byte[] chunk = new byte[81920];
                while (true)
                {
                    read.CancelAfter(_options.HttpTimeout); // each read gets the full timeout; the deadline bounds them all
                    int n = await stream.ReadAsync(chunk, read.Token).ConfigureAwait(false);
                    if (n == 0) break;
                    if (buffer.Length + n > _options.MaxBytes) return (null, $"too large (more than {_options.MaxBytes:N0} bytes)", false);
                    buffer.Write(chunk, 0, n);
                }
                var type = response.Content.Headers.ContentType;
                return (new FetchedPage(buffer.ToArray(), type?.MediaType, type?.CharSet, response.RequestMessage?.RequestUri ?? address), null, false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            string seconds = _options.HttpTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            return (null, deadline.IsCancellationRequested ? "timed out" : $"timed out (no data for {seconds} s)", true);
        }
        catch (HttpRequestException e) when (e.InnerException is PrivateAddressException p)
        {
            return (null, p.Message, false);
        }
        catch (HttpRequestException e)
        {
            return (null, "could not be fetched (" + e.Message.TrimEnd('.') + ")", true);
        }
        catch (IOException e)
        {
            return (null, "could not be fetched (" + e.Message.TrimEnd('.') + ")", true);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or UriFormatException)
        {
            // A client or handler that cannot send this request: still one line about this input.
            return (null, "could not be fetched (" + e.GetType().Name + ": " + e.Message.TrimEnd('.') + ")", false);
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static string PrivateRefusal(string address) =>
        $"not fetched: {address} is a loopback, link-local or private address (allowed only with --allow-private-addresses)";

    /// <summary>The host when it is written as a non-public IP address or is localhost, else null.</summary>
    private static string? LiteralPrivate(Uri url)
    {
        string host = url.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return host;
        return IPAddress.TryParse(host, out var ip) && !IsPublic(ip) ? host : null;
    }

    /// <summary>Resolves the host and connects to its first address allowed by the policy.</summary>
    private static async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, bool publicOnly, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        bool allowAny = !publicOnly || context.InitialRequestMessage.Options.TryGetValue(PublicOnlyKey, out bool p) && !p;
        IPAddress[] addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
        if (!allowAny)
        {
            var allowed = Array.FindAll(addresses, IsPublic);
            if (allowed.Length == 0) throw new PrivateAddressException(PrivateRefusal(addresses.Length > 0 ? $"{endpoint.Host} ({addresses[0]})" : endpoint.Host));
            addresses = allowed;
        }
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>False for loopback, link-local, private (RFC 1918, CGNAT, unique-local), multicast, reserved and unspecified addresses.</summary>
    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || b[0] == 100 && (b[1] & 0xC0) == 64          // 100.64.0.0/10
                || b[0] == 169 && b[1] == 254                  // link-local
                || b[0] == 172 && (b[1] & 0xF0) == 16          // 172.16.0.0/12
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && b[2] == 0
                || b[0] == 198 && (b[1] & 0xFE) == 18);        // benchmarking
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)) return false;
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC);
    }

    private sealed class PrivateAddressException(string message) : Exception(message);
}
