using System.Globalization;
using System.IO.Enumeration;

namespace NewsMirror.Publishing.Site;

/// <summary>One article file as the directory listing shows it, before it is read.</summary>
internal sealed record ArchiveFile(string Folder, string FileName, long Id, long Size, long LastWriteTicks);

/// <summary>Lists the article files of a source folder: <c>&lt;id&gt;.md</c> and <c>&lt;id&gt;_&lt;title&gt;.md</c>.</summary>
internal static class ArchiveScanner
{
    public static string ArticlesDirectory(string archiveRoot, string folder) => Path.Combine(archiveRoot, "articles", folder);

    public static List<ArchiveFile> Scan(string archiveRoot, string folder)
    {
        var directory = ArticlesDirectory(archiveRoot, folder);
        if (!Directory.Exists(directory)) return [];
        var listing = new FileSystemEnumerable<ArchiveFile?>(
            directory,
            (ref FileSystemEntry entry) => TryParseId(entry.FileName, out long id)
                ? new ArchiveFile(folder, entry.FileName.ToString(), id, entry.Length, entry.LastWriteTimeUtc.UtcTicks)
                : null,
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        return listing.OfType<ArchiveFile>().ToList();
    }

    /// <summary>The leading digits of <c>NNN.md</c> or <c>NNN_anything.md</c>.</summary>
    public static bool TryParseId(ReadOnlySpan<char> fileName, out long id)
    {
        id = 0;
        if (!fileName.EndsWith(".md", StringComparison.Ordinal)) return false;
        int digits = 0;
        while (digits < fileName.Length && char.IsAsciiDigit(fileName[digits])) digits++;
        if (digits == 0 || digits > 18) return false;
        var rest = fileName[digits..];
        if (rest is not ".md" && !rest.StartsWith("_")) return false;
        return long.TryParse(fileName[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
