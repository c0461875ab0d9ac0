using NewsMirror.Archive.Layouts;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive;

/// <summary>Writes the derived pages: a source's list page and the archive's README.</summary>
public static class ArchiveIndexPages
{
    public const int ListLength = 300;

    /// <summary>The list page as it should be: the source's newest articles by id.</summary>
    /// <param name="layout">null: the duty-machine layout.</param>
    public static string RenderList(string sourceName, string folder, IEnumerable<StoredArticle> newestFirst, IArchiveLayout? layout = null) =>
        (layout ?? DutyMachineLayout.Instance).RenderList(sourceName, newestFirst.Take(ListLength).Select(a => new ListEntry(a.TimestampMs, a.Title, folder, a.File)));

    /// <param name="layout">null: the duty-machine layout.</param>
    /// <returns>The list page's path when it was written, null when it already said the same.</returns>
    public static string? WriteList(ArchivePaths paths, SourceConfig source, IArchiveFolder folder, IArchiveLayout? layout = null)
    {
        var path = paths.ListFile(source.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return WriteIfChanged(path, RenderList(source.Name, folder.Name, folder.Newest(ListLength), layout)) ? path : null;
    }

    /// <returns>Whether the README was written.</returns>
    public static bool UpdateReadme(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var updated = ExpectedReadme(paths, sources);
        if (updated is not null) AtomicFile.WriteAllText(paths.Readme, updated);
        return updated is not null;
    }

    /// <summary>The README text to write, or null when the one there is as it should be.</summary>
    public static string? ExpectedReadme(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var existing = File.Exists(paths.Readme) ? File.ReadAllText(paths.Readme) : null;
        return ReadmePage.Update(existing, sources.Select(s => s.Name).ToList());
    }

    private static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        AtomicFile.WriteAllText(path, text);
        return true;
    }
}
