using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts;

/// <summary>
/// How article and list files are laid out in an archive: where a source's articles live, how they are named,
/// rendered and read back, and how a list page links them. One implementation per <see cref="ArchiveLayout"/>
/// (<see cref="DutyMachine.DutyMachineLayout"/>, <see cref="Jekyll.JekyllLayout"/>); code outside this folder asks
/// the layout object instead of testing which layout it is.
/// </summary>
public interface IArchiveLayout
{
    /// <summary>The <c>layout:</c> setting of newsmirror.yml that chooses this layout.</summary>
    ArchiveLayout Setting { get; }

    /// <summary>
    /// True: each source has an article folder of its own, named by its folder (the catalog indexes it under that
    /// name and answers a run's identity questions). False: all sources share one folder, told apart by source name.
    /// </summary>
    bool FolderPerSource { get; }

    /// <summary>The directory a source's article files are in.</summary>
    string ArticlesFolder(ArchivePaths paths, string folder);

    /// <summary>Where an article file is, relative to the archive root with '/' separators (as git names it).</summary>
    string RelativeArticlePath(string folder, string file);

    /// <summary>Whether <paramref name="relativePath"/> (from the archive root, '/' separators) is where this layout keeps article files.</summary>
    bool IsArticlePath(string relativePath);

    /// <summary>Whether a file in an article folder is an article file (not a temp file, a README, …).</summary>
    bool IsArticleFileName(string fileName);

    /// <summary>The id an article file's name holds; null where ids are logical (kept only in the identity log).</summary>
    long? FileId(string fileName);

    /// <summary>A source's articles, loaded by listing its folder and reading its identity log.</summary>
    IArchiveFolder Load(ArchivePaths paths, SourceConfig source);

    /// <summary>Gives new articles their ids and files and logs them; an article that cannot be placed is named in <paramref name="warnings"/>.</summary>
    List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, SourceConfig source, IReadOnlyCollection<NewArticle> articles,
        DateTimeOffset now, SourceWarnings warnings);

    /// <summary>The text of an article file.</summary>
    /// <exception cref="ArgumentException">The article cannot be written as a file of this layout.</exception>
    string RenderArticle(ArticleRecord record, string displayName, DateTimeOffset now);

    /// <summary>Reads an article file back, with what is malformed in it where the reader can report rather than throw.</summary>
    /// <exception cref="FormatException">The text is not an article file of this layout.</exception>
    (ArticleRecord Article, IReadOnlyList<string> Problems) ParseArticle(string text);

    /// <summary>What list pages and indexes need of an article file.</summary>
    /// <exception cref="FormatException">The file is not an article file of this layout.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    ArticleHeader ReadHeader(string path);

    /// <summary>The list page of a source: its display name, then <paramref name="newestFirst"/> linked to their files.</summary>
    string RenderList(string displayName, IEnumerable<ListEntry> newestFirst);
}
