using NewsMirror.Archive;
using NewsMirror.Sources;

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

    /// <summary>Reads the run's articles from the working tree (which must hold the run's commit).</summary>
    /// <param name="added">Files the run's commit added, relative to the archive root.</param>
    public List<Article> Collect(IReadOnlyList<string> added, List<string> notes)
    {
        var logged = new Dictionary<string, (string Folder, IdentityLogEntry Entry)>(StringComparer.Ordinal);
        if (Directory.Exists(paths.IdentityLogFolder))
            foreach (var log in Directory.EnumerateFiles(paths.IdentityLogFolder, "*.jsonl"))
            {
                var folder = Path.GetFileNameWithoutExtension(log);
                foreach (var entry in IdentityLog.Read(log)) logged[ArticlePath(folder, entry.File)] = (folder, entry);
            }

        var articles = new List<Article>();
        foreach (var path in added)
        {
            if (!logged.TryGetValue(path, out var known))
            {
                if (IsArticlePath(path)) notes.Add($"not replayed, no identity log line names it: {path}");
                continue;
            }
            var text = File.ReadAllText(Path.Combine(paths.Root, path));
            var record = layout == ArchiveLayout.Jekyll ? JekyllPost.Parse(text).Article : ArticleFile.Parse(text);
            articles.Add(new Article(known.Folder, record, known.Entry.Guid));
        }
        return articles;
    }

    /// <summary>Writes the articles the working tree (now the other tip) lacks; returns per-source counts and the files written.</summary>
    public (List<(string Name, int New)> Counts, List<string> Files) Apply(IReadOnlyList<Article> articles, List<string> warnings)
    {
        var store = new ArticleStore(paths, layout);
        var counts = new List<(string Name, int New)>();
        var files = new List<string>();
        foreach (var group in articles.GroupBy(a => a.Folder))
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

    private string ArticlePath(string folder, string file) =>
        layout == ArchiveLayout.Jekyll ? paths.Relative(Path.Combine(paths.PostsFolder, file)) : paths.Relative(Path.Combine(paths.ArticlesFolder(folder), file));

    private bool IsArticlePath(string path) =>
        path.StartsWith(layout == ArchiveLayout.Jekyll ? "_posts/" : "articles/", StringComparison.Ordinal);
}
