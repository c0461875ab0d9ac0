using NewsMirror.Evidence.Manifests;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// A rebase that keeps the manifest chain whole: each unpushed commit is applied onto the new tip in turn, its old
/// manifest line (which names a line the tip does not end with) dropped and a new one computed against the tip's
/// chain. Two clones always append to the same month file, so a conflict there alone is expected and resolved this
/// way; a conflict in any other file means the same folders were archived elsewhere, and the caller replays instead.
/// </summary>
internal sealed class ManifestRebase(GitRepository git, CommitManifest manifest)
{
    /// <summary>Rebases the branch onto <paramref name="onto"/>; false, with HEAD back where it was, on a conflict outside the manifests.</summary>
    /// <param name="keep">The ref that holds the original commits while the branch is rewritten.</param>
    /// <exception cref="GitException">Tracked files have uncommitted changes, the commits include a merge, or git failed.</exception>
    public async Task<bool> RebaseAsync(string onto, string keep, CancellationToken cancel)
    {
        var mine = await git.HeadAsync(cancel);
        var fork = await git.MergeBaseAsync(mine, onto, cancel);
        if (await git.HasUncommittedChangesAsync(cancel))
            throw new GitException("cannot rebase: tracked files have uncommitted changes");
        if (await git.HasMergesBetweenAsync(fork, mine, cancel))
            throw new GitException("cannot rebase: the unpushed commits include a merge; rebase them by hand");
        var commits = await git.CommitsBetweenAsync(fork, mine, cancel);

        await git.SetRefAsync(keep, mine, cancel);
        await git.ResetHardAsync(onto, cancel);
        foreach (var commit in commits)
        {
            if (!await git.CherryPickNoCommitAsync(commit, cancel) &&
                (await git.UnmergedFilesAsync(cancel)).Any(f => !ManifestFiles.IsManifestPath(f)))
            {
                await git.ResetHardAsync(mine, cancel);
                return false;
            }
            var changed = (await git.StagedAsync(cancel)).Where(f => !ManifestFiles.IsManifestPath(f)).ToList();
            // A commit the tip already holds in full would hold nothing but its line: it is not made again.
            if (changed.Count == 0)
            {
                await git.ResetHardAsync("HEAD", cancel);
                continue;
            }
            await git.AddAsync([await manifest.AppendAsync(changed, cancel)], cancel);
            await git.CommitAsOfAsync(commit, cancel);
        }
        return true;
    }
}
