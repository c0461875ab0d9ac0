using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Evidence.History;

/// <summary>The archive's SQLite catalog: revisions come with its identity catch-up, probes with <see cref="ProbeTables"/>.</summary>
public sealed class LocalArticleHistory(ArchiveCatalog catalog) : IArticleHistoryStore
{
    public Task<HistoryAdded> CatchUpAsync(string folder, CancellationToken cancel)
    {
        var (revisions, probes) = (Revisions.Count(catalog, folder), ProbeTables.Count(catalog, folder));
        catalog.CatchUp(folder);
        ProbeTables.CatchUp(catalog, folder);
        // A log applied anew from its start (rewritten) may hold fewer lines than before: nothing was added then.
        return Task.FromResult(new HistoryAdded(
            Math.Max(0, Revisions.Count(catalog, folder) - revisions), Math.Max(0, ProbeTables.Count(catalog, folder) - probes)));
    }

    public Task<FolderHistory> ReadAsync(string folder, CancellationToken cancel) => Task.FromResult(new FolderHistory(
        Revisions.OfFolder(catalog, folder),
        ProbeTables.Probes(catalog, folder),
        ProbeTables.States(catalog, folder).Select(s => new ArticleVerdict(s.File, s.State)).ToList()));
}
