namespace Parley.Storage.Tests;

/// <summary>
/// Where the integration tests find PostgreSQL and NATS (started by .ci/services on loopback), and whether they
/// answer. A test that needs a server that does not answer is skipped with the reason printed; CI starts both,
/// so there they run for real.
/// </summary>
public static class TestServices
{
    /// <summary>PARLEY_TEST_PG, default the loopback cluster of .ci/services.</summary>
    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_PG") is { Length: > 0 } v ? v : "Host=127.0.0.1;Port=55432;Username=postgres;Timeout=5";

    /// <summary>PARLEY_TEST_NATS, default the loopback server of .ci/services.</summary>
    public static string NatsUrl =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_NATS") is { Length: > 0 } v ? v : "nats://127.0.0.1:4222";

    private static readonly Lazy<string?> PostgresProblem = new(() => Probe(PostgresConnection, 55432, "Port", "PostgreSQL"));
    private static readonly Lazy<string?> NatsProblem = new(() =>
    {
        var uri = new Uri(NatsUrl);
        return Reachable(uri.Host, uri.Port) ? null : $"NATS does not answer at {NatsUrl} (start it with: bash .ci/services start)";
    });

    /// <summary>Skips the calling test (with the reason printed) when PostgreSQL does not answer.</summary>
    public static void RequirePostgres()
    {
        if (PostgresProblem.Value is { } why) { Console.WriteLine("skipped: " + why); throw new SkipException(why); }
    }

    /// <summary>Skips the calling test (with the reason printed) when NATS does not answer.</summary>
    public static void RequireNats()
    {
        if (NatsProblem.Value is { } why) { Console.WriteLine("skipped: " + why); throw new SkipException(why); }
    }

    private static string? Probe(string connection, int defaultPort, string portKey, string what)
    {
        string host = "127.0.0.1";
        int port = defaultPort;
        foreach (var part in connection.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) continue;
            if (kv[0].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase)) host = kv[1].Trim();
            if (kv[0].Trim().Equals(portKey, StringComparison.OrdinalIgnoreCase) && int.TryParse(kv[1], out int p)) port = p;
        }
        return Reachable(host, port) ? null : $"{what} does not answer at {host}:{port} (start it with: bash .ci/services start)";
    }

    private static bool Reachable(string host, int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            return client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or AggregateException)
        {
            return false;
        }
    }
}
