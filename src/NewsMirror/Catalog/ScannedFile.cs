using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Catalog;

/// <summary>
/// One article file read whole by <see cref="FolderScan"/>. <paramref name="Header"/> is the parsed record's, or,
/// for a file that does not parse as a whole, its first two lines where those still read; <paramref name="Problem"/>
/// says what does not parse.
/// </summary>
public sealed record ScannedFile(string Folder, string File, long? Id, ArticleRecord? Record, ArticleHeader? Header, string? Problem)
{
    public string RelativePath => CatalogPaths.Relative(Folder, File);
    public string? Hash => Record is null ? null : ContentHash.Of(Record);
}

/// <summary>Lists and reads every article file of a folder: the part of import and verify whose cost is the archive's size.</summary>
public static class FolderScan
{
    public static List<string> ListFiles(ArchivePaths paths, string folder)
    {
        var directory = CatalogPaths.Directory(paths, folder);
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .Where(name => UnloggedFile.IsArticleName(folder, name!))
            .Select(name => name!)
            .OrderBy(name => ArticleFileName.TryParse(name, out var parsed) ? parsed.Id : long.MaxValue)
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the files in parallel; <paramref name="onRead"/> is called once per file, from any thread.</summary>
    public static List<ScannedFile> Scan(ArchivePaths paths, string folder, IReadOnlyList<string> files, Action? onRead = null)
    {
        var directory = CatalogPaths.Directory(paths, folder);
        return files.AsParallel().AsOrdered().Select(file =>
        {
            var scanned = Read(folder, directory, file);
            onRead?.Invoke();
            return scanned;
        }).ToList();
    }

    private static ScannedFile Read(string folder, string directory, string file)
    {
        var layout = CatalogPaths.LayoutOf(folder);
        var id = layout.FileId(file);
        var path = Path.Combine(directory, file);
        var text = ArchivedText.Read(folder, path);
        if (text.Record is { } record)
            return new ScannedFile(folder, file, id, record, new ArticleHeader(record.TimestampMs, record.Title, record.Link), text.Problem);
        ArticleHeader? header = null;
        try { header = layout.ReadHeader(path); }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException) { }
        return new ScannedFile(folder, file, id, null, header, text.Problem);
    }
}
