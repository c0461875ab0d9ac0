using NewsMirror.Archive;
using NewsMirror.Evidence.Manifests;
using NewsMirror.Publishing.Git;

namespace NewsMirror.Running.Fleet;

/// <summary>
/// Keeps a worker's clone at its remote's tip: before each batch (the previous holder of a source pushed before it
/// gave the lease back), and after an abandoned batch (whatever it wrote is dropped; it was never recorded).
/// </summary>
internal sealed class CloneSync(GitRepository git, ArchivePaths paths)
{
    private (string Remote, string Branch)? _target;

    public async Task ToRemoteTipAsync(CancellationToken cancel)
    {
        var (remote, branch) = _target ??= await TargetAsync(cancel);
        var tip = await git.FetchAsync(remote, branch, cancel);
        // Captures committed here but never pushed (raw: commit) are taken out of the index, so the reset leaves them
        // in the working tree: they are this clone's alone (named for it), still the record of what was fetched, and
        // the next batch commits them.
        var unpushedCaptures = (await git.AddedFilesAsync(tip, "HEAD", cancel)).Where(ManifestFiles.IsWarcPath).ToList();
        if (unpushedCaptures.Count > 0) await git.UnstageNewAsync(unpushedCaptures, cancel);
        await git.ResetHardAsync(tip, cancel);
        // Only what runs write: the state folder also holds the lock and the local catalog, which must stay.
        await git.CheckedAsync(["clean", "-fdq", "--", ArchivePaths.ArticlesFolderName, ArchivePaths.ListsFolderName, ArchivePaths.AssetsFolderName,
            paths.Relative(paths.IdentityLogFolder)], cancel: cancel);
    }

    /// <summary>What a worker killed in this clone left in git's way: lock files no live process holds, a rebase in progress.</summary>
    public async Task RecoverAsync(DateTime processStartedUtc, CancellationToken cancel)
    {
        await new StaleGitLocks(await git.GitDirectoryAsync(cancel), git.WorkingDirectory).ClearAsync(processStartedUtc, StaleGitLocks.DefaultWait, cancel);
        if (await git.IsRebasingAsync(cancel)) await git.AbortRebaseAsync(cancel);
    }

    private async Task<(string, string)> TargetAsync(CancellationToken cancel)
    {
        var upstream = (await git.RunAsync(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], cancel: cancel));
        if (!upstream.Ok || upstream.Stdout.Trim().Split('/', 2) is not [var remote, var branch])
            throw new GitException("the worker's clone has no upstream branch: clone the archive repository (git clone URL) and run the worker in it");
        return (remote, branch);
    }
}
