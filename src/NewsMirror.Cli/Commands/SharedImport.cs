using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;

namespace NewsMirror.Cli.Commands;

/// <summary>The shared-catalog part of <c>import</c>: the configured sources and every folder's committed identity log, into PostgreSQL.</summary>
internal static class SharedImport
{
    public static async Task<int> RunAsync(PostgresCatalogUrl url, CommandContext context, ImportReport report, CancellationToken cancel)
    {
        var (shared, exit) = await SharedCatalog.OpenAsync(url, context.Log, migrate: false, cancel);
        if (shared is null) return exit;
        await using (shared)
        {
            try
            {
                await shared.RegisterSourcesAsync(context.Sources, cancel);
                var added = 0;
                foreach (var folder in report.Folders.Where(f => CatalogPaths.HasOwnLog(f.Folder)))
                    added += await shared.ImportLogAsync(folder.Folder, context.Paths.IdentityLog(folder.Folder), cancel);
                context.Log.Info($"shared catalog {url}: {added} identities added, {await shared.IdentityCountAsync(null, cancel)} in all");
                return ExitCodes.Ok;
            }
            catch (CatalogUnreachableException e)
            {
                context.Log.Error(e.Message);
                return ExitCodes.CatalogUnreachable;
            }
        }
    }
}
