using NewsMirror.Archive;
using NewsMirror.Evidence.Manifests;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// The manifest line of the commit about to be made. The line always continues the chain HEAD holds: manifest lines
/// no commit holds — appended by a run killed before its commit, or carried over by a rebase — are dropped first, and
/// that run's files get their line in the commit that takes them. So every commit adds exactly one line, describing
/// exactly what it adds or changes.
/// </summary>
internal sealed class CommitManifest(GitRepository git, ArchivePaths paths, TimeProvider clock)
{
    /// <summary>Appends the line for <paramref name="files"/>; returns the month file to commit with them, relative to the root.</summary>
    public async Task<string> AppendAsync(IReadOnlyCollection<string> files, CancellationToken cancel)
    {
        await DropUncommittedAsync(cancel);
        return ManifestAppender.Append(paths, files, clock.GetUtcNow());
    }

    /// <summary>Sets the manifests folder back to HEAD's: its month files as committed, no other.</summary>
    private async Task DropUncommittedAsync(CancellationToken cancel)
    {
        var folder = ManifestFiles.Folder(paths);
        var tracked = await git.TrackedFilesAsync(ManifestFiles.FolderName, cancel);
        var trackedSet = tracked.ToHashSet(StringComparer.Ordinal);
        var others = (Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [])
            .Select(paths.Relative).Where(f => !trackedSet.Contains(f)).ToList();
        if (others.Count > 0)
        {
            await git.UnstageNewAsync(others, cancel);
            foreach (var file in others) File.Delete(Path.Combine(paths.Root, file));
        }
        if (tracked.Count > 0) await git.CheckoutFromHeadAsync(tracked, cancel);
    }
}
