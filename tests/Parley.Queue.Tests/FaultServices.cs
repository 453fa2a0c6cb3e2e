using System.Diagnostics;
using Npgsql;
using Parley.Cli.Tests;

namespace Parley.Queue.Tests;

/// <summary>
/// A PostgreSQL cluster and a NATS server of the fault tests' own (ports 55433 and 4223, data in a temporary
/// folder), started with .ci/services and stopped at the end: the tests restart them mid-run, which must not
/// disturb the other test projects that use the shared servers at the same time. When they cannot start (no
/// packages), each test is skipped with the reason printed.
/// </summary>
public sealed class FaultServices : IDisposable
{
    public const int PgPort = 55433, NatsPort = 4223, NatsMonitor = 8223;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-fault-svc-" + Environment.ProcessId);

    public FaultServices()
    {
        var start = Services("start");
        if (start.ExitCode != 0) Problem = $"the fault tests' servers did not start (bash .ci/services start): {start.Output.Trim()}";
    }

    /// <summary>Why the servers are not there, or null.</summary>
    public string? Problem { get; }

    public string NatsUrl(string queue) => $"nats://127.0.0.1:{NatsPort}/{queue}";

    public string Store(string database) => $"Host=127.0.0.1;Port={PgPort};Username=postgres;Database={database}";

    public void Require()
    {
        if (Problem is { } why) { Console.WriteLine("skipped: " + why); throw new SkipException(why); }
    }

    public (int ExitCode, string Output) Restart(string service) => Services("restart", service);

    public NpgsqlConnection Connect(string database)
    {
        var c = new NpgsqlConnection(Store(database) + ";Pooling=false");
        c.Open();
        return c;
    }

    private (int ExitCode, string Output) Services(string verb, string what = "all")
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(CliRunner.RepoRoot, ".ci", "services"));
        psi.ArgumentList.Add(verb);
        psi.ArgumentList.Add(what);
        psi.Environment["PARLEY_SVC"] = _dir;
        psi.Environment["PARLEY_PG_PORT"] = PgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PARLEY_NATS_PORT"] = NatsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PARLEY_NATS_MONITOR"] = NatsMonitor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); return (-1, "timed out"); }
        return (p.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        Services("stop");
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
