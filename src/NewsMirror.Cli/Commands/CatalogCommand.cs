using System.CommandLine;
using NewsMirror.Catalog.Postgres;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror catalog migrate</c>: creates or upgrades a shared PostgreSQL catalog's schema.</summary>
internal static class CatalogCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var catalog = SharedCatalog.Option();
        var migrate = new Command("migrate", "Create the shared catalog's tables, or bring them to this version's schema.") { archive, catalog };
        migrate.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive) is not { } context) return ExitCodes.Usage;
            var (url, valid) = SharedCatalog.Resolve(parse, catalog, context);
            if (!valid) return ExitCodes.Usage;
            if (url is null)
            {
                context.Log.Error($"no shared catalog configured: give --catalog postgres://user@host:port/database (or {SharedCatalog.EnvironmentVariable}, or catalog: in newsmirror.yml)");
                return ExitCodes.Usage;
            }
            var (from, code) = await VersionAsync(url, context.Log, cancel);
            if (from is null) return code;
            var (opened, exit) = await SharedCatalog.OpenAsync(url, context.Log, migrate: true, cancel);
            if (opened is null) return exit;
            await using (opened)
                context.Log.Info(from == PostgresMigrations.Latest
                    ? $"the catalog at {url} is at schema version {from}: nothing to do"
                    : $"migrated the catalog at {url} from schema version {from} to {PostgresMigrations.Latest}");
            return ExitCodes.Ok;
        });
        return new Command("catalog", "Manage a shared PostgreSQL catalog (for fleets of workers).") { migrate };
    }

    private static async Task<(int? Version, int ExitCode)> VersionAsync(PostgresCatalogUrl url, CliLog log, CancellationToken cancel)
    {
        try
        {
            await using var connection = await PostgresCatalog.ConnectAsync(url, cancel);
            return (await PostgresMigrations.VersionAsync(connection, cancel), ExitCodes.Ok);
        }
        catch (CatalogUnreachableException e)
        {
            log.Error(e.Message);
            return (null, ExitCodes.CatalogUnreachable);
        }
    }
}
