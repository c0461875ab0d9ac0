using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts.DutyMachine;

/// <summary>
/// The duty-machine format (docs: FORMAT.md): <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>, five-line article files,
/// list pages linking <c>/articles/&lt;folder&gt;/&lt;file&gt;</c>.
/// </summary>
public sealed class DutyMachineLayout : IArchiveLayout
{
    public static DutyMachineLayout Instance { get; } = new();

    private static readonly string ArticlesPrefix = ArchivePaths.ArticlesFolderName + "/";

    private DutyMachineLayout() { }

    public ArchiveLayout Setting => ArchiveLayout.Duty;

    public bool FolderPerSource => true;

    public string ArticlesFolder(ArchivePaths paths, string folder) => paths.ArticlesFolder(folder);

    public string RelativeArticlePath(string folder, string file) => $"{ArticlesPrefix}{folder}/{file}";

    public bool IsArticlePath(string relativePath) => relativePath.StartsWith(ArticlesPrefix, StringComparison.Ordinal);

    public bool IsArticleFileName(string fileName) => ArticleFileName.TryParse(fileName, out _);

    public long? FileId(string fileName) => ArticleFileName.TryParse(fileName, out var parsed) ? parsed.Id : null;

    public IArchiveFolder Load(ArchivePaths paths, SourceConfig source) => ArchiveFolder.Load(paths, source.Folder);

    public List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, SourceConfig source, IReadOnlyCollection<NewArticle> articles,
        DateTimeOffset now, SourceWarnings warnings) =>
        ArticleFileWriter.Write(paths, folder, articles, now, warnings);

    public string RenderArticle(ArticleRecord record, string displayName, DateTimeOffset now) => ArticleFile.Render(record);

    public (ArticleRecord Article, IReadOnlyList<string> Problems) ParseArticle(string text) => (ArticleFile.Parse(text), []);

    /// <summary>Reads only the first two lines.</summary>
    public ArticleHeader ReadHeader(string path) => ArticleFile.ReadHeader(path);

    public string RenderList(string displayName, IEnumerable<ListEntry> newestFirst) => ListPage.Render(displayName, newestFirst);
}
