using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parley.Ingest.Tests;

/// <summary>The reader's own HTTP client (no injected one) against a loopback HttpListener.</summary>
public sealed class LoopbackHttpTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _base;

    public LoopbackHttpTests()
    {
        int port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Prefixes.Add($"http://localhost:{port}/"); // another origin on the same loopback server, for redirects
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var response = context.Response;
            string path = context.Request.Url!.AbsolutePath;
            byte[] body;
            if (path == "/feed.xml")
            {
                response.ContentType = "application/xml";
                body = File.ReadAllBytes(Fixtures.Path("feed.atom"));
            }
            else if (path == "/story")
            {
                response.ContentType = "text/plain; charset=utf-8";
                body = Encoding.UTF8.GetBytes("Loopback story\n\nThe envoy spoke on the loopback interface.");
            }
            else if (path == "/trickle")
            {
                // Two bytes a second, for ever: only an overall deadline stops the reader.
                response.ContentType = "text/plain";
                response.SendChunked = true;
                try
                {
                    for (int k = 0; k < 600 && _listener.IsListening; k++)
                    {
                        await response.OutputStream.WriteAsync("ab"u8.ToArray());
                        await response.OutputStream.FlushAsync();
                        await Task.Delay(1000);
                    }
                    response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
                continue;
            }
            else if (path == "/feed-with-local-link.xml")
            {
                response.ContentType = "application/rss+xml";
                body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>" +
                    $"<item><title>Teaser</title><link>{_base}story</link><description>Short teaser.</description></item></channel></rss>");
            }
            else if (path == "/redirect-to-local")
            {
                response.StatusCode = 302;
                response.RedirectLocation = _base.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "story";
                body = [];
            }
            else if (path == "/ua")
            {
                response.ContentType = "text/plain";
                body = Encoding.UTF8.GetBytes("User agent test\n\nThe agent was " + context.Request.UserAgent + ".");
            }
            else if (path == "/big")
            {
                response.ContentType = "text/html";
                body = new byte[5000];
                Array.Fill(body, (byte)'a');
            }
            else
            {
                response.StatusCode = 404;
                body = [];
            }
            response.ContentLength64 = body.Length;
            try { await response.OutputStream.WriteAsync(body); response.Close(); }
            catch (HttpListenerException) { }
        }
    }

    [Fact]
    public void Reads_a_feed_a_text_page_and_refuses_a_large_one()
    {
        var reader = new ArticleReader(new ReaderOptions { MaxBytes = 4000, HttpTimeout = TimeSpan.FromSeconds(10) });
        var items = reader.Read([_base + "feed.xml", _base + "story", _base + "big", _base + "gone"]).ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("Ceasefire discussed in Doha", items[0].Article!.Title);
        Assert.Equal(_base + "feed.xml#1", items[0].Article!.Origin);
        Assert.Equal("Loopback story", items[1].Article!.Title);
        Assert.StartsWith("too large", items[2].Problem!.Message);
        Assert.StartsWith("HTTP 404", items[3].Problem!.Message);
    }

    [Fact]
    public void A_server_that_trickles_bytes_is_given_up_at_the_fetch_deadline()
    {
        var reader = new ArticleReader(new ReaderOptions { FetchDeadline = TimeSpan.FromSeconds(3), HttpTimeout = TimeSpan.FromSeconds(10), FetchRetries = 0 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var item = Assert.Single(reader.Read([_base + "trickle"]));
        watch.Stop();
        Assert.True(item.Skipped);
        Assert.Contains("fetch deadline", item.Problem!.Message);
        // A liveness bound, not a speed figure: before the deadline existed this read never ended.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Feed_links_and_redirects_to_private_addresses_are_not_followed_unless_allowed()
    {
        var reader = new ArticleReader(new ReaderOptions { HttpTimeout = TimeSpan.FromSeconds(10) });
        var items = reader.Read([_base + "feed-with-local-link.xml"]).ToList();
        var teaser = Assert.Single(items).Article!;
        Assert.Equal("Short teaser.", teaser.Body);
        Assert.Contains(teaser.Notes, n => n.StartsWith("link-not-fetched: not fetched: 127.0.0.1", StringComparison.Ordinal));

        var redirected = Assert.Single(reader.Read([_base + "redirect-to-local"]));
        Assert.Contains("loopback, link-local or private address", redirected.Problem!.Message);

        var allowed = new ArticleReader(new ReaderOptions { HttpTimeout = TimeSpan.FromSeconds(10), AllowPrivateAddresses = true });
        var followed = Assert.Single(allowed.Read([_base + "feed-with-local-link.xml"])).Article!;
        Assert.Contains("from-linked-page", followed.Notes);
        Assert.Equal("Loopback story", Assert.Single(allowed.Read([_base + "redirect-to-local"])).Article!.Title);
    }

    [Fact]
    public void Requests_carry_a_user_agent()
    {
        var item = Assert.Single(new ArticleReader(new ReaderOptions()).Read([_base + "ua"]));
        Assert.Contains("The agent was Parley/", item.Article!.Body);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void Address_classes(string address, bool isPublic) =>
        Assert.Equal(isPublic, Parley.Ingest.Reading.WebFetcher.IsPublic(IPAddress.Parse(address)));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
