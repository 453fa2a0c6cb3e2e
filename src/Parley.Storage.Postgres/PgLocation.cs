using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Reads where a PostgreSQL store is: a URI (postgres://user:password@host:port/database?param=value) or an
/// Npgsql connection string (Host=...;Port=...;Username=...;Database=...).
/// </summary>
public static class PgLocation
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL store (URI scheme or a connection string with Host=).</summary>
    public static bool Names(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (location.Contains('=', StringComparison.Ordinal) && location.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string for a URI or connection string; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static string ToConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            try { return new NpgsqlConnectionStringBuilder(location).ConnectionString; }
            catch (ArgumentException e) { throw new ArgumentException($"'{location}' is not a PostgreSQL connection string: {e.Message}", nameof(location), e); }
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql"))
            throw new ArgumentException($"'{location}' is not a postgres:// URI", nameof(location));
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0) b.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        string db = uri.AbsolutePath.Trim('/');
        if (db.Length > 0) b.Database = Uri.UnescapeDataString(db);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try { b[key] = value; }
            catch (ArgumentException e) { throw new ArgumentException($"'{location}': unknown parameter '{key}' ({e.Message})", nameof(location), e); }
        }
        return b.ConnectionString;
    }

    /// <summary>The connection string of a location with its database replaced.</summary>
    public static string WithDatabase(string location, string database) =>
        new NpgsqlConnectionStringBuilder(ToConnectionString(location)) { Database = database }.ConnectionString;

    /// <summary>The location with any password left out, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database ?? b.Username}";
    }
}
