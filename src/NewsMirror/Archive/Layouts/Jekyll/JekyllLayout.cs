using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>
/// The Jekyll variant of related mirrors: every source's posts in one <c>_posts/</c> folder, named
/// <c>YYYY-MM-DD-&lt;title&gt;.md</c> with front matter; ids are logical (kept in each source's identity log);
/// list pages link <c>/_posts/&lt;file&gt;</c>.
/// </summary>
public sealed class JekyllLayout : IArchiveLayout
{
    public static JekyllLayout Instance { get; } = new();

    private const string PostsPrefix = ArchivePaths.PostsFolderName + "/";
    private const string PostsLinkPrefix = "/" + PostsPrefix;
    private const string Extension = ".md";

    private JekyllLayout() { }

    public ArchiveLayout Setting => ArchiveLayout.Jekyll;

    public bool FolderPerSource => false;

    public string ArticlesFolder(ArchivePaths paths, string folder) => paths.PostsFolder;

    public string RelativeArticlePath(string folder, string file) => PostsPrefix + file;

    public bool IsArticlePath(string relativePath) => relativePath.StartsWith(PostsPrefix, StringComparison.Ordinal);

    /// <summary>Any Markdown file that is not hidden: post names hold the raw title.</summary>
    public bool IsArticleFileName(string fileName) => fileName.EndsWith(Extension, StringComparison.Ordinal) && !fileName.StartsWith('.');

    public long? FileId(string fileName) => null;

    public IArchiveFolder Load(ArchivePaths paths, SourceConfig source) => PostsFolder.Load(paths, source.Folder, source.Name);

    public List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, SourceConfig source, IReadOnlyCollection<NewArticle> articles,
        DateTimeOffset now, SourceWarnings warnings) =>
        PostWriter.Write(paths, folder, source.Name, articles, now, warnings);

    public string RenderArticle(ArticleRecord record, string displayName, DateTimeOffset now) => JekyllPost.Render(record, displayName, now);

    public (ArticleRecord Article, IReadOnlyList<string> Problems) ParseArticle(string text)
    {
        var post = JekyllPost.Parse(text);
        return (post.Article, post.Problems);
    }

    /// <summary>A post's header is spread over its front matter: the whole post is read.</summary>
    public ArticleHeader ReadHeader(string path)
    {
        var post = JekyllPost.Parse(File.ReadAllText(path)).Article;
        return new ArticleHeader(post.TimestampMs, post.Title, post.Link);
    }

    /// <summary>Post names hold the raw title, so characters that would end a Markdown link destination are percent-encoded.</summary>
    public string RenderList(string displayName, IEnumerable<ListEntry> newestFirst) =>
        ListPage.Render(displayName, newestFirst, entry => PostsLinkPrefix + EscapeLinkDestination(entry.FileName));

    private static string EscapeLinkDestination(string path) =>
        path.Replace("%", "%25").Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");
}
