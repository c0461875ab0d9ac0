using NewsMirror.Archive;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// Re-applies a run's new articles onto another tip of the branch, for when the run's commit cannot be rebased
/// (another clone archived into the same folders: the same new ids, list pages and logs). Articles the other side
/// already archived are dropped as duplicates; the rest get fresh ids, so both sides' articles survive.
/// </summary>
internal sealed class RunReplay(ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources, TimeProvider clock)
{
    /// <summary>An article the run added, as read back from its file and identity log line.</summary>
    internal sealed record Article(string Folder, ArticleRecord Record, string? Guid);

    /// <summary>A file the run stored beside its articles (a localized image), by path relative to the root.</summary>
    internal sealed record Asset(string Path, byte[] Content);

    /// <summary>What the run's commit added: its articles and the images they point at.</summary>
    internal sealed record Run(List<Article> Articles, List<Asset> Assets);

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
        var assets = new List<Asset>();
        foreach (var path in added)
        {
            if (path.StartsWith(AssetsPrefix, StringComparison.Ordinal))
            {
                assets.Add(new Asset(path, File.ReadAllBytes(Path.Combine(paths.Root, path))));
                continue;
            }
            if (!logged.TryGetValue(path, out var known))
            {
                if (IsArticlePath(path)) notes.Add($"not replayed, no identity log line names it: {path}");
                continue;
            }
            var text = File.ReadAllText(Path.Combine(paths.Root, path));
            var record = layout == ArchiveLayout.Jekyll ? JekyllPost.Parse(text).Article : ArticleFile.Parse(text);
            articles.Add(new Article(known.Folder, record, known.Entry.Guid));
        }
        return new Run(articles, assets);
    }

    /// <summary>Writes the articles the working tree (now the other tip) lacks; returns per-source counts and the files written.</summary>
    public (List<(string Name, int New)> Counts, List<string> Files) Apply(Run run, List<string> warnings)
    {
        var store = new ArticleStore(paths, layout);
        var counts = new List<(string Name, int New)>();
        var files = new List<string>();
        // Images are named by their content hash: one the other side stored too is the same file.
        foreach (var asset in run.Assets)
        {
            var path = Path.Combine(paths.Root, asset.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.TryCreateNew(path, asset.Content);
            files.Add(asset.Path);
        }
        foreach (var group in run.Articles.GroupBy(a => a.Folder))
        {
            var source = sources.FirstOrDefault(s => s.Folder == group.Key) ?? new SourceConfig { Name = group.Key, Folder = group.Key, Url = "" };
            var folder = store.Load(source);
            var fresh = group
                .Where(a => folder.Find(a.Guid, a.Record.Link, a.Record.Title, a.Record.TimestampMs) is null)
                .Select(a => new NewArticle(a.Record, a.Guid, source.Ids == IdScheme.WordPressPost ? ArticleId.FromWordPressGuid(a.Guid) : null))
                .ToList();
            var (written, writtenFiles) = store.Write(source, folder, fresh, clock.GetUtcNow(), warnings);
            counts.Add((source.Name, written));
            files.AddRange(writtenFiles);
        }
        if (counts.Any(c => c.New > 0) && ArchiveIndexPages.UpdateReadme(paths, sources.Where(s => s.Enabled).ToList()))
            files.Add(paths.Relative(paths.Readme));
        return (counts, files);
    }

    private const string AssetsPrefix = "assets/";

    private string ArticlePath(string folder, string file) =>
        layout == ArchiveLayout.Jekyll ? paths.Relative(Path.Combine(paths.PostsFolder, file)) : paths.Relative(Path.Combine(paths.ArticlesFolder(folder), file));

    private bool IsArticlePath(string path) =>
        path.StartsWith(layout == ArchiveLayout.Jekyll ? "_posts/" : "articles/", StringComparison.Ordinal);
}
