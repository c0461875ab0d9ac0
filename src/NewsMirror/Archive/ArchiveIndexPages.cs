using NewsMirror.Sources;

namespace NewsMirror.Archive;

/// <summary>Writes the derived pages: a source's list page and the archive's README.</summary>
public static class ArchiveIndexPages
{
    public const int ListLength = 300;

    /// <returns>The list page's path when it was written, null when it already said the same.</returns>
    public static string? WriteList(ArchivePaths paths, SourceConfig source, ArchiveFolder folder, ArchiveLayout layout = ArchiveLayout.Duty)
    {
        var entries = folder.Newest(ListLength).Select(a => new ListEntry(a.TimestampMs, a.Title, folder.Name, a.File));
        var path = paths.ListFile(source.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return WriteIfChanged(path, layout == ArchiveLayout.Jekyll ? ListPage.RenderPosts(source.Name, entries) : ListPage.Render(source.Name, entries)) ? path : null;
    }

    /// <returns>Whether the README was written.</returns>
    public static bool UpdateReadme(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var existing = File.Exists(paths.Readme) ? File.ReadAllText(paths.Readme) : null;
        var updated = ReadmePage.Update(existing, sources.Select(s => s.Name).ToList());
        if (updated is not null) AtomicFile.WriteAllText(paths.Readme, updated);
        return updated is not null;
    }

    private static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        AtomicFile.WriteAllText(path, text);
        return true;
    }
}
