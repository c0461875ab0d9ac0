using NewsMirror.Archive;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// After a writer died mid-run (see <see cref="ArchivePaths.InterruptedMarker"/>): clears what its git commands
/// left behind — git lock files no live process holds (see <see cref="StaleGitLocks"/>), a rebase in
/// progress — deletes the temp files of its unfinished writes, and finds the archive files it wrote and never
/// committed, for the next commit to take.
/// </summary>
public sealed class InterruptedRunRecovery(GitRepository git)
{
    /// <summary>What a run writes; after an interrupted run, whatever of it is uncommitted is that run's work.</summary>
    private static readonly string[] RunOutputs =
    [
        ArchivePaths.ArticlesFolderName, ArchivePaths.PostsFolderName, ArchivePaths.AssetsFolderName, ArchivePaths.ListsFolderName,
        "README.md", "STATUS.md", ".newsmirror/log", ".gitignore", "REMOVED.md",
    ];

    /// <summary>Told what happens (a lock waited for or removed, a rebase aborted, files found).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>How long a live process holding one of git's lock files is waited for.</summary>
    public TimeSpan GitLockWait { get; init; } = StaleGitLocks.DefaultWait;

    /// <summary>The files (relative to the working directory) the dead run left uncommitted.</summary>
    /// <param name="processStartedUtc">Where no one can tell who holds a git lock file, only a lock older than this is removed.</param>
    /// <exception cref="GitException">A live process still held a git lock file when the wait ran out, or git failed.</exception>
    public async Task<IReadOnlyList<string>> RecoverAsync(DateTime processStartedUtc, CancellationToken cancel)
    {
        var gitDirectory = await git.GitDirectoryAsync(cancel);
        await new StaleGitLocks(gitDirectory, git.WorkingDirectory) { Note = Note }.ClearAsync(processStartedUtc, GitLockWait, cancel);
        if (await git.IsRebasingAsync(cancel))
        {
            await git.AbortRebaseAsync(cancel);
            Note?.Invoke("aborted the rebase the interrupted run left in progress");
        }
        var leftovers = new List<string>();
        foreach (var file in await git.UncommittedFilesAsync(RunOutputs, cancel))
        {
            var path = Path.Combine(git.WorkingDirectory, file);
            if (AtomicFile.IsTempFile(path)) File.Delete(path);
            else if (File.Exists(path)) leftovers.Add(file);
        }
        if (leftovers.Count > 0) Note?.Invoke($"committing {leftovers.Count} files the interrupted run wrote");
        return leftovers;
    }
}
