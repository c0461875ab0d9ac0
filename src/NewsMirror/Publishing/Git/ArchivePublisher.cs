using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Evidence.Manifests;
using NewsMirror.Sources;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// Commits what a run wrote (those files only) and pushes it without ever forcing. When the remote moved on, the
/// run's commit is rebased onto it; when that conflicts (another clone archived into the same folders), the run's
/// articles are replayed onto the remote's tip with fresh ids. Either way each rewritten commit gets its manifest
/// line computed anew, so the chain stays whole. Pushing is retried a bounded number of times; a commit that could
/// not be pushed stays on the local branch (and under <see cref="UnpushedRef"/> while rebasing or replaying).
/// </summary>
public sealed class ArchivePublisher(GitRepository git, ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources)
{
    /// <summary>Holds the run's original commits while a rebase or replay rewrites the branch, so they are never lost.</summary>
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

    /// <summary>
    /// The remotes <c>push:</c> in newsmirror.yml names, in order; empty: the branch's upstream, else origin. The first
    /// is the one caught up with (rebase, replay); the others get the same branch pushed, and one that has moved on
    /// is reported, never forced.
    /// </summary>
    public IReadOnlyList<string> Remotes { get; init; } = [];

    /// <summary>The time manifest lines are written with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private CommitManifest Manifest => new(git, paths, Clock);

    /// <summary>
    /// Stages and commits <paramref name="files"/> only, with the manifest line that lists them; null when they hold no change.
    /// </summary>
    public async Task<string?> CommitAsync(IReadOnlyCollection<string> files, string message, CancellationToken cancel)
    {
        if (files.Count == 0) return null;
        await git.AddAsync(files, cancel);
        var ours = files.Where(f => !ManifestFiles.IsManifestPath(f)).ToHashSet(StringComparer.Ordinal);
        var staged = (await git.StagedAsync(cancel)).Where(ours.Contains).ToList();
        if (staged.Count == 0) return null;
        var month = await Manifest.AppendAsync(staged, cancel);
        await git.AddAsync([month], cancel);
        return await git.CommitAsync(message, [.. staged, month], cancel);
    }

    /// <summary>
    /// Pushes the current branch to each remote (see <see cref="Remotes"/>), each on its own: one that rejects the
    /// push or cannot be reached does not keep the others from getting it. Each outcome is also recorded for
    /// <c>status</c> (<see cref="RemotePushState"/>).
    /// </summary>
    /// <exception cref="GitException">There is nothing to push to (no branch or no remote).</exception>
    public async Task<IReadOnlyList<PushResult>> PushAsync(CancellationToken cancel)
    {
        var targets = await TargetsAsync(cancel);
        var known = await git.RemotesAsync(cancel);
        var results = new List<PushResult>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (remote, branch) = targets[i];
            var result = known.Contains(remote)
                ? await PushOneAsync(remote, branch, catchUp: i == 0, cancel)
                : new PushResult(remote, branch, false, 0, $"no remote named {remote} (git remote add {remote} <url>)");
            if (i == 0 && result.Pushed) await git.DeleteRefAsync(UnpushedRef, cancel);
            results.Add(result);
        }
        await RemotePushState.RecordAsync(git, results, await git.HeadAsync(cancel), Clock.GetUtcNow(), cancel);
        return results;
    }

    private async Task<PushResult> PushOneAsync(string remote, string branch, bool catchUp, CancellationToken cancel)
    {
        var error = "";
        for (var attempt = 1; attempt <= MaxPushAttempts; attempt++)
        {
            var outcome = await git.PushAsync(remote, branch, cancel);
            if (outcome.Status == PushStatus.Pushed) return new PushResult(remote, branch, true, attempt, null);
            error = outcome.Message;
            if (outcome.Status == PushStatus.Behind && !catchUp)
                return new PushResult(remote, branch, false, attempt,
                    $"{remote}/{branch} has commits this branch lacks: not forced (only the first remote of push: is caught up with): {FirstLine(error)}");
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
            Note?.Invoke($"push failed ({remote}, attempt {attempt} of {MaxPushAttempts}), retrying in {delay.TotalSeconds:0.#} s: {FirstLine(error)}");
            await Task.Delay(delay, cancel);
        }
        return new PushResult(remote, branch, false, MaxPushAttempts, error);
    }

    private async Task<IReadOnlyList<(string Remote, string Branch)>> TargetsAsync(CancellationToken cancel)
    {
        var branch = await git.CurrentBranchAsync(cancel)
            ?? throw new GitException("HEAD is detached: check out a branch (git checkout -B <branch>) before pushing");
        var upstream = await git.ConfigAsync($"branch.{branch}.remote", cancel);
        var merge = await git.ConfigAsync($"branch.{branch}.merge", cancel);
        var upstreamBranch = merge is not null && merge.StartsWith("refs/heads/", StringComparison.Ordinal) ? merge["refs/heads/".Length..] : branch;
        if (Remotes.Count > 0)
            return Remotes.Select(r => (r, r == upstream ? upstreamBranch : branch)).ToList();
        var remote = upstream;
        if (remote is null)
        {
            var remotes = await git.RemotesAsync(cancel);
            remote = remotes.Contains("origin") ? "origin"
                : remotes.Count == 1 ? remotes[0]
                : throw new GitException(remotes.Count == 0 ? "the repository has no remote to push to (git remote add origin <url>)" : "several remotes and no upstream: set one with git branch --set-upstream-to, or list them under push: in newsmirror.yml");
        }
        return [(remote, upstreamBranch)];
    }

    private async Task CatchUpAsync(string remote, string branch, CancellationToken cancel)
    {
        var tip = await git.FetchAsync(remote, branch, cancel);
        if (await new ManifestRebase(git, Manifest).RebaseAsync(tip, UnpushedRef, cancel)) return;
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
        // Raw captures (raw: commit) the remote lacks are carried over as they are: out of the index, the reset leaves them.
        var captures = (await git.AddedFilesAsync(tip, mine, cancel)).Where(ManifestFiles.IsWarcPath).ToList();
        if (captures.Count > 0) await git.UnstageNewAsync(captures, cancel);
        await git.ResetHardAsync(tip, cancel);
        var (counts, files, warnings) = WriteReplay(replay.Plan(run));
        foreach (var note in notes.Concat(warnings)) Note?.Invoke(note);
        var commit = await CommitAsync([.. files, .. captures], CommitMessage.For(counts, []), cancel);
        Note?.Invoke(commit is null
            ? "the remote already holds every article of this run"
            : $"replayed {counts.Sum(c => c.New)} of {run.Articles.Count} articles (the rest the remote already held)");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
