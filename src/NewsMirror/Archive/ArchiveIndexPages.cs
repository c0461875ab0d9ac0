using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Archive;

/// <summary>Writes the derived pages: a source's list page and the archive's README.</summary>
public static class ArchiveIndexPages
{
    public const int ListLength = 300;

    /// <summary>The list page as it should be: the source's newest articles by id.</summary>
    public static string RenderList(string sourceName, string folder, IEnumerable<CatalogRow> newestFirst) =>
        ListPage.Render(sourceName, newestFirst.Take(ListLength).Select(a => new ListEntry(a.Published, a.Title, folder, a.File)));

    public static void WriteList(ArchivePaths paths, SourceConfig source, CatalogFolder folder)
    {
        var path = paths.ListFile(source.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteIfChanged(path, RenderList(source.Name, folder.Name, folder.Newest(ListLength)));
    }

    public static void UpdateReadme(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var updated = ExpectedReadme(paths, sources);
        if (updated is not null) AtomicFile.WriteAllText(paths.Readme, updated);
    }

    /// <summary>The README text to write, or null when the one there is as it should be.</summary>
    public static string? ExpectedReadme(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var existing = File.Exists(paths.Readme) ? File.ReadAllText(paths.Readme) : null;
        return ReadmePage.Update(existing, sources.Select(s => s.Name).ToList());
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        AtomicFile.WriteAllText(path, text);
    }
}
