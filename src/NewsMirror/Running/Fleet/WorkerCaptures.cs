using NewsMirror.Archive;
using NewsMirror.Evidence.Warc;
using NewsMirror.Publishing.Git;
using NewsMirror.Sources;

namespace NewsMirror.Running.Fleet;

/// <summary>
/// A worker's raw captures (<c>raw: local | commit | off</c>, as <c>run</c> keeps them): one capture file per batch,
/// named for the clone (<see cref="CloneCaptureName"/>) so that no two workers write the same file, and under
/// <c>raw: commit</c> committed with the batch's articles.
/// </summary>
internal sealed class WorkerCaptures(ArchivePaths paths, GitRepository git, RawCapture raw, string? writer)
{
    public static async Task<WorkerCaptures> OpenAsync(ArchivePaths paths, GitRepository git, RawCapture raw, CancellationToken cancel) =>
        new(paths, git, raw, raw == RawCapture.Off ? null : await CloneCaptureName.OfAsync(git, cancel));

    public RawCapture Raw => raw;

    /// <summary>The batch's recorder (null under <c>raw: off</c>), after the repair of this clone's newest file, which a killed worker may have torn.</summary>
    public (WarcRecorder? Recorder, string? Repaired) ForBatch() =>
        raw == RawCapture.Off ? (null, null) : WarcRecorder.Open(paths, writer: writer);

    /// <summary>
    /// Under <c>raw: commit</c>, the capture files the batch's commit takes, the recorder closed first so each is taken
    /// whole: the batch's own and any an abandoned batch or a killed worker of this clone left uncommitted (only this
    /// clone writes files of its name). Otherwise none.
    /// </summary>
    public async Task<IReadOnlyList<string>> ToCommitAsync(WarcRecorder? recorder, CancellationToken cancel)
    {
        if (raw != RawCapture.Commit || recorder is null) return [];
        recorder.Dispose();
        return await git.UncommittedFilesAsync([paths.Relative(WarcFolder.Root(paths))], cancel);
    }
}
