using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// Re-applies a run's new articles onto another tip of the branch, for when the run's commit cannot be rebased
/// (another clone archived into the same folders: the same new ids, list pages and logs). Articles the other side
/// already archived are dropped as duplicates; the rest are handed back to be written with fresh ids, so both
/// sides' articles survive.
/// </summary>
internal sealed class RunReplay(ArchivePaths paths, IArchiveLayout layout, IReadOnlyList<SourceConfig> sources)
{
    /// <summary>An article the run added, as read back from its file and identity log line.</summary>
    internal sealed record Article(string Folder, ArticleRecord Record, string? Guid);

    /// <summary>What the run's commit added: its articles and the images they point at.</summary>
    internal sealed record Run(List<Article> Articles, List<ReplayPlan.Asset> Assets);

    /// <summary>Reads the run's articles and assets from the working tree (which must hold the run's commit).</summary>
    /// <param name="added">Files the run's commit added, relative to the archive root.</param>
    public Run Collect(IReadOnlyList<string> added, List<string> notes)
    {
        var logged = new Dictionary<string, (string Folder, IdentityLogEntry Entry)>(StringComparer.Ordinal);
        if (Directory.Exists(paths.IdentityLogFolder))
            foreach (var log in Directory.EnumerateFiles(paths.IdentityLogFolder, "*.jsonl"))
            {
                var folder = Path.GetFileNameWithoutExtension(log);
                foreach (var entry in IdentityLog.Read(log)) logged[ArticlePath(folder, entry.File)] = (folder, entry);
            }

        var articles = new List<Article>();
        var assets = new List<ReplayPlan.Asset>();
        foreach (var path in added)
        {
            if (path.StartsWith(AssetsPrefix, StringComparison.Ordinal))
            {
                assets.Add(new ReplayPlan.Asset(path, File.ReadAllBytes(Path.Combine(paths.Root, path))));
                continue;
            }
            if (!logged.TryGetValue(path, out var known))
            {
                if (layout.IsArticlePath(path)) notes.Add($"not replayed, no identity log line names it: {path}");
                continue;
            }
            var text = File.ReadAllText(Path.Combine(paths.Root, path));
            var record = layout.ParseArticle(text).Article;
            articles.Add(new Article(known.Folder, record, known.Entry.Guid));
        }
        return new Run(articles, assets);
    }

    /// <summary>
    /// What must be written again onto the working tree (now the other tip): the run's images, and per source the
    /// articles that tip lacks. The caller writes them (the archive stage's work) and commits what it wrote.
    /// </summary>
    public ReplayPlan Plan(Run run)
    {
        var store = new ArticleStore(paths, layout);
        var writes = new List<ReplayPlan.SourceWrite>();
        foreach (var group in run.Articles.GroupBy(a => a.Folder))
        {
            var source = sources.FirstOrDefault(s => s.Folder == group.Key) ?? new SourceConfig { Name = group.Key, Folder = group.Key, Url = "" };
            var folder = store.Load(source);
            var fresh = group
                .Where(a => folder.Find(a.Guid, a.Record.Link, a.Record.Title, a.Record.TimestampMs) is null)
                .Select(a => new NewArticle(a.Record, a.Guid, source.Ids == IdScheme.WordPressPost ? ArticleId.FromWordPressGuid(a.Guid) : null))
                .ToList();
            writes.Add(new ReplayPlan.SourceWrite(source, folder, fresh));
        }
        return new ReplayPlan(run.Assets, writes);
    }

    private const string AssetsPrefix = ArchivePaths.AssetsFolderName + "/";

    private string ArticlePath(string folder, string file) => paths.Relative(Path.Combine(layout.ArticlesFolder(paths, folder), file));
}
