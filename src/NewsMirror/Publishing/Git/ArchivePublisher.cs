using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Sources;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// Commits what a run wrote (those files only) and pushes it without ever forcing. When the remote moved on, the
/// run's commit is rebased onto it; when that conflicts (another clone archived into the same folders), the run's
/// articles are replayed onto the remote's tip with fresh ids. Pushing is retried a bounded number of times; a
/// commit that could not be pushed stays on the local branch (and under <see cref="UnpushedRef"/> while replaying).
/// </summary>
public sealed class ArchivePublisher(GitRepository git, ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources)
{
    /// <summary>Holds the run's original commit while a replay rewrites the branch, so it is never lost.</summary>
    public const string UnpushedRef = "refs/newsmirror/unpushed";

    public int MaxPushAttempts { get; init; } = 5;

    /// <summary>The wait after a failed attempt that was not a rejection; doubled after each.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Told what happens (rejections, rebases, replays, warnings).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>
    /// Writes a replay's articles and images into the working tree (the archive stage's work, which publishing only
    /// asks for): what it wrote is then committed as the replayed run.
    /// </summary>
    public required Func<ReplayPlan, ReplayWritten> WriteReplay { get; init; }

    /// <summary>Stages and commits <paramref name="files"/> only; null when they hold no change.</summary>
    public async Task<string?> CommitAsync(IReadOnlyCollection<string> files, string message, CancellationToken cancel)
    {
        if (files.Count == 0) return null;
        await git.AddAsync(files, cancel);
        var ours = files.ToHashSet(StringComparer.Ordinal);
        var staged = (await git.StagedAsync(cancel)).Where(ours.Contains).ToList();
        return staged.Count == 0 ? null : await git.CommitAsync(message, staged, cancel);
    }

    /// <summary>Pushes the current branch to its upstream (else origin, same branch name).</summary>
    /// <exception cref="GitException">There is nothing to push to (no branch or no remote).</exception>
    public async Task<PushResult> PushAsync(CancellationToken cancel)
    {
        var (remote, branch) = await TargetAsync(cancel);
        var error = "";
        for (var attempt = 1; attempt <= MaxPushAttempts; attempt++)
        {
            var outcome = await git.PushAsync(remote, branch, cancel);
            if (outcome.Status == PushStatus.Pushed)
            {
                await git.DeleteRefAsync(UnpushedRef, cancel);
                return new PushResult(true, attempt, null);
            }
            error = outcome.Message;
            if (attempt == MaxPushAttempts) break;
            if (outcome.Status == PushStatus.Behind)
            {
                Note?.Invoke($"push rejected, {remote}/{branch} has new commits: catching up (attempt {attempt} of {MaxPushAttempts})");
                try
                {
                    await CatchUpAsync(remote, branch, cancel);
                    continue;
                }
                catch (GitException e) { error = e.Message; }
            }
            var delay = Backoff * (1 << (attempt - 1));
            Note?.Invoke($"push failed (attempt {attempt} of {MaxPushAttempts}), retrying in {delay.TotalSeconds:0.#} s: {FirstLine(error)}");
            await Task.Delay(delay, cancel);
        }
        return new PushResult(false, MaxPushAttempts, error);
    }

    private async Task<(string Remote, string Branch)> TargetAsync(CancellationToken cancel)
    {
        var branch = await git.CurrentBranchAsync(cancel)
            ?? throw new GitException("HEAD is detached: check out a branch (git checkout -B <branch>) before pushing");
        var remote = await git.ConfigAsync($"branch.{branch}.remote", cancel);
        if (remote is null)
        {
            var remotes = await git.RemotesAsync(cancel);
            remote = remotes.Contains("origin") ? "origin"
                : remotes.Count == 1 ? remotes[0]
                : throw new GitException(remotes.Count == 0 ? "the repository has no remote to push to (git remote add origin <url>)" : "several remotes and no upstream: set one with git branch --set-upstream-to");
        }
        var merge = await git.ConfigAsync($"branch.{branch}.merge", cancel);
        return (remote, merge is not null && merge.StartsWith("refs/heads/", StringComparison.Ordinal) ? merge["refs/heads/".Length..] : branch);
    }

    private async Task CatchUpAsync(string remote, string branch, CancellationToken cancel)
    {
        var tip = await git.FetchAsync(remote, branch, cancel);
        if (await git.RebaseAsync(tip, cancel)) return;
        await git.AbortRebaseAsync(cancel);
        Note?.Invoke("the run's commit conflicts with the remote's (same folders archived elsewhere): replaying its articles with fresh ids");
        await ReplayAsync(tip, cancel);
    }

    private async Task ReplayAsync(string tip, CancellationToken cancel)
    {
        var mine = await git.HeadAsync(cancel);
        var parent = mine + "^";
        if (await git.MergeBaseAsync(mine, tip, cancel) != await git.RevParseAsync(parent, cancel))
            throw new GitException("cannot replay: the local branch holds other unpushed commits besides the run's; rebase it by hand");
        if (await git.HasUncommittedChangesAsync(cancel))
            throw new GitException("cannot replay: tracked files have uncommitted changes");

        var replay = new RunReplay(paths, ArchiveLayouts.Of(layout), sources);
        var notes = new List<string>();
        var run = replay.Collect(await git.AddedFilesAsync(parent, mine, cancel), notes);
        await git.SetRefAsync(UnpushedRef, mine, cancel);
        await git.ResetHardAsync(tip, cancel);
        var (counts, files, warnings) = WriteReplay(replay.Plan(run));
        foreach (var note in notes.Concat(warnings)) Note?.Invoke(note);
        var commit = await CommitAsync(files, CommitMessage.For(counts, []), cancel);
        Note?.Invoke(commit is null
            ? "the remote already holds every article of this run"
            : $"replayed {counts.Sum(c => c.New)} of {run.Articles.Count} articles (the rest the remote already held)");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
