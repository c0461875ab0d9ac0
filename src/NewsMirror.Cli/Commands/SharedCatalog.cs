using System.CommandLine;
using NewsMirror.Catalog.Postgres;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// The shared catalog a command uses: <c>--catalog URL</c>, else <c>NEWSMIRROR_CATALOG</c>, else newsmirror.yml's
/// <c>catalog:</c>; none of them: the archive's own SQLite catalog. Every message shows the address without its password.
/// </summary>
internal static class SharedCatalog
{
    public const string EnvironmentVariable = "NEWSMIRROR_CATALOG";

    public static Option<string?> Option() => new("--catalog")
    {
        Description = $"A shared PostgreSQL catalog, postgres://user@host:port/database (default: {EnvironmentVariable}, else newsmirror.yml's catalog:). " +
            "The password comes from the URL, ?passfile=PATH or PGPASSWORD.",
    };

    /// <summary>The configured address; null: none (SQLite). A malformed one is logged and is a usage error.</summary>
    public static (PostgresCatalogUrl? Url, bool Valid) Resolve(ParseResult parse, Option<string?> option, CommandContext context)
    {
        var text = parse.GetValue(option) ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? context.Config.Settings.Catalog;
        if (text is null) return (null, true);
        try { return (PostgresCatalogUrl.Parse(text, Environment.GetEnvironmentVariable("PGPASSWORD")), true); }
        catch (FormatException e)
        {
            context.Log.Error($"catalog: {PostgresCatalogUrl.RedactText(e.Message)}");
            return (null, false);
        }
    }

    /// <summary>Opens the shared catalog; null with the exit code, after logging why, when it cannot be used.</summary>
    public static async Task<(PostgresCatalog? Catalog, int ExitCode)> OpenAsync(PostgresCatalogUrl url, CliLog log, bool migrate, CancellationToken cancel)
    {
        try { return (await PostgresCatalog.OpenAsync(url, migrate, cancel), ExitCodes.Ok); }
        catch (CatalogUnreachableException e)
        {
            log.Error(e.Message);
            return (null, ExitCodes.CatalogUnreachable);
        }
        catch (CatalogSchemaException e)
        {
            log.Error(e.Message);
            return (null, ExitCodes.Usage);
        }
        catch (Npgsql.PostgresException e)
        {
            // Refused by the server (wrong password, no such database): the operator's configuration.
            log.Error($"the catalog database at {url} refused the connection: {PostgresCatalogUrl.RedactText(e.MessageText)}");
            return (null, ExitCodes.Usage);
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
