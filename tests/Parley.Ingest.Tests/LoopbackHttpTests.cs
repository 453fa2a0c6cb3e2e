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

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
