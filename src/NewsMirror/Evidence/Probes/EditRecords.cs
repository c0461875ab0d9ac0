using NewsMirror.Archive;

namespace NewsMirror.Evidence.Probes;

/// <summary>A version of an article that probes confirmed on the outlet's page after it was archived.</summary>
public sealed record EditRecord(DateTimeOffset At, string Title, string Text);

/// <summary>
/// The confirmed edits of one article, oldest first, read from its folder's probe log: with the archived file
/// (the first version) they are every version of the article the archive knows, for a reader to compare.
/// </summary>
public static class EditRecords
{
    public static List<EditRecord> Of(ArchivePaths paths, string folder, string file) =>
        ProbeLog.Read(ProbeLog.PathOf(paths, folder))
            .Where(l => l.File == file && l.Final && l.Outcome == ProbeOutcomes.Edited && l.Text is not null)
            .Select(l => new EditRecord(l.At, l.Title ?? "", l.Text!))
            .ToList();
}
