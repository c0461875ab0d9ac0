using Npgsql;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// A <c>postgres://user[:password]@host[:port]/database[?passfile=PATH]</c> catalog address. The password comes from
/// the URL, else the password file, else <c>PGPASSWORD</c>; it never appears in <see cref="ToString"/>, which every
/// message uses.
/// </summary>
public sealed class PostgresCatalogUrl
{
    public const int DefaultPort = 5432;

    private readonly string? _password;

    private PostgresCatalogUrl(string user, string? password, string host, int port, string database)
    {
        User = user;
        _password = password;
        Host = host;
        Port = port;
        Database = database;
    }

    public string User { get; }
    public string Host { get; }
    public int Port { get; }
    public string Database { get; }

    /// <summary>Whether the text names a PostgreSQL catalog at all (anything else is a usage error for the catalog setting).</summary>
    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <param name="environmentPassword">PGPASSWORD's value, used when neither the URL nor a password file gives one.</param>
    /// <exception cref="FormatException">Not a usable postgres:// URL (the message never holds the password).</exception>
    public static PostgresCatalogUrl Parse(string text, string? environmentPassword)
    {
        if (!IsPostgres(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new FormatException($"'{RedactText(text)}' is not a catalog URL: expected postgres://user@host:port/database");
        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        if (user.Length == 0) throw new FormatException($"'{RedactText(text)}' names no user: expected postgres://user@host:port/database");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0) throw new FormatException($"'{RedactText(text)}' names no database: expected postgres://user@host:port/database");
        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (key != "passfile") throw new FormatException($"'{RedactText(text)}': unknown parameter '{key}' (known: passfile)");
            password ??= ReadPasswordFile(value);
        }
        password ??= string.IsNullOrEmpty(environmentPassword) ? null : environmentPassword;
        return new PostgresCatalogUrl(user, password, uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, database);
    }

    /// <summary>For Npgsql; holds the password, so it is never shown.</summary>
    public string ConnectionString(int timeoutSeconds = 30) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = User,
        Password = _password,
        Database = Database,
        Timeout = timeoutSeconds,
        // The catalog connection is held for a worker's whole life; the pool would only hide a lost server.
        Pooling = false,
        ApplicationName = "newsmirror",
    }.ConnectionString;

    /// <summary>The address as it may be shown: never with a password.</summary>
    public override string ToString() => $"postgres://{User}@{Host}:{Port}/{Database}";

    /// <summary>Any text that may hold a catalog URL, with the password of every such URL removed.</summary>
    public static string RedactText(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@", "$1:***@", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>A password file holds the password on its first line (nothing else: it is the operator's own file).</summary>
    private static string ReadPasswordFile(string path)
    {
        try { return File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r') ?? ""; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"cannot read the catalog password file {path}: {e.Message}");
        }
    }
}
