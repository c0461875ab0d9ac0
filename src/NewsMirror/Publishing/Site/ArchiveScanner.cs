using System.IO.Enumeration;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Publishing.Site;

/// <summary>One article file as the directory listing shows it, before it is read.</summary>
internal sealed record ArchiveFile(string Folder, string FileName, long Id, long Size, long LastWriteTicks);

/// <summary>Lists the article files of a source folder (names as <see cref="ArticleFileName"/> reads them).</summary>
internal static class ArchiveScanner
{
    public static string ArticlesDirectory(string archiveRoot, string folder) => Path.Combine(archiveRoot, ArchivePaths.ArticlesFolderName, folder);

    public static List<ArchiveFile> Scan(string archiveRoot, string folder)
    {
        var directory = ArticlesDirectory(archiveRoot, folder);
        if (!Directory.Exists(directory)) return [];
        var listing = new FileSystemEnumerable<ArchiveFile?>(
            directory,
            (ref FileSystemEntry entry) => ArticleFileName.TryParseId(entry.FileName, out long id)
                ? new ArchiveFile(folder, entry.FileName.ToString(), id, entry.Length, entry.LastWriteTimeUtc.UtcTicks)
                : null,
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        return listing.OfType<ArchiveFile>().ToList();
    }
}
