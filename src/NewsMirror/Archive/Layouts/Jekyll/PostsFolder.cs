using NewsMirror.Identity;
namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>
/// One source's share of the Jekyll layout's <c>_posts/</c>: the posts its identity log names, plus posts no log
/// names whose front matter category is the source's display name (an adopted archive). Post ids are logical —
/// the log keeps them and they order the list page; adopted posts rank after every logged one, newest first.
/// </summary>
public static class PostsFolder
{
    public static ArchiveFolder Load(ArchivePaths paths, string folder, string displayName)
    {
        var existing = Directory.Exists(paths.PostsFolder)
            ? Directory.EnumerateFiles(paths.PostsFolder, "*.md").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal)
            : [];
        var articles = IdentityLog.Read(paths.IdentityLog(folder))
            .Where(e => existing.Contains(e.File))
            .Select(e => new StoredArticle(e.Id, e.File, e.Published, e.Title, e.Link, e.Guid))
            .ToList();

        var unlogged = existing.Except(LoggedFiles(paths)).Order(StringComparer.Ordinal).ToList();
        if (unlogged.Count > 0)
        {
            var nextId = Math.Max(ArchiveFolder.EmptyFolderId, articles.Select(a => a.Id).DefaultIfEmpty().Max()) + 1;
            foreach (var adopted in Adopted(paths.PostsFolder, unlogged, displayName).OrderByDescending(a => a.TimestampMs ?? long.MinValue))
                articles.Add(adopted with { Id = nextId++ });
        }
        articles.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new ArchiveFolder(folder, paths.PostsFolder, articles);
    }

    private static HashSet<string> LoggedFiles(ArchivePaths paths)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(paths.IdentityLogFolder)) return files;
        foreach (var log in Directory.EnumerateFiles(paths.IdentityLogFolder, "*.jsonl"))
            foreach (var entry in IdentityLog.Read(log)) files.Add(entry.File);
        return files;
    }

    private static IEnumerable<StoredArticle> Adopted(string postsFolder, IEnumerable<string> files, string displayName)
    {
        foreach (var file in files)
        {
            JekyllPostContent post;
            try { post = JekyllPost.Parse(File.ReadAllText(Path.Combine(postsFolder, file))); }
            catch (Exception e) when (e is FormatException or IOException) { continue; }
            var labels = (post.FrontMatter.Categories ?? []).Concat(post.FrontMatter.Tags ?? []);
            if (!labels.Contains(displayName, StringComparer.Ordinal)) continue;
            yield return new StoredArticle(0, file, post.Article.TimestampMs, post.Article.Title, post.Article.Link, null);
        }
    }
}
