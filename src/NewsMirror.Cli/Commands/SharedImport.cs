using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.History;

namespace NewsMirror.Cli.Commands;

/// <summary>The shared-catalog part of <c>import</c>: the configured sources, and every folder's committed identity log (identities and revisions) and probe log, into PostgreSQL.</summary>
internal static class SharedImport
{
    public static async Task<int> RunAsync(PostgresCatalogUrl url, CommandContext context, ArchiveCatalog local, ImportReport report, CancellationToken cancel)
    {
        var (shared, exit) = await SharedCatalog.OpenAsync(url, context.Log, migrate: false, cancel);
        if (shared is null) return exit;
        await using (shared)
        {
            try
            {
                await shared.RegisterSourcesAsync(context.Sources, cancel);
                var added = 0;
                long revisions = 0, probes = 0;
                var history = new PostgresArticleHistory(local, shared);
                foreach (var folder in report.Folders.Where(f => CatalogPaths.HasOwnLog(f.Folder)))
                {
                    added += await shared.ImportLogAsync(folder.Folder, context.Paths.IdentityLog(folder.Folder), cancel);
                    var more = await history.CatchUpAsync(folder.Folder, cancel);
                    (revisions, probes) = (revisions + more.Revisions, probes + more.Probes);
                }
                context.Log.Info($"shared catalog {url}: {added} identities added, {await shared.IdentityCountAsync(null, cancel)} in all; {revisions} revisions and {probes} probes added");
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
