using System.Diagnostics;
using System.Text;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// The <c>git</c> binary run in a working directory, one small method per operation. Processes get their arguments
/// as a list (no shell), whatever credentials and configuration the environment gives git, no terminal prompts,
/// and untranslated messages. Paths are relative to the working directory. Where the platform allows, git dies with
/// this process (see <see cref="GitProcessStarter"/>).
/// </summary>
public sealed class GitRepository(string workingDirectory)
{
    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Author and committer of every commit this instance makes or rewrites; null: git's own configuration.</summary>
    public GitIdentity? Identity { get; init; }

    /// <summary>Told each command before it runs (for verbose logs).</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>
    /// An SSH key (its private or public file) every commit this instance makes or rewrites is signed with, through
    /// git's SSH signing; null: git's own configuration decides (<c>commit.gpgsign</c>, <c>gpg.format</c>, <c>user.signingkey</c>).
    /// </summary>
    public string? SigningKey { get; init; }

    public async Task<bool> IsWorkTreeAsync(CancellationToken cancel = default) =>
        Directory.Exists(WorkingDirectory) && (await RunAsync(["rev-parse", "--is-inside-work-tree"], cancel: cancel)) is { Ok: true } result &&
        result.Stdout.Trim() == "true";

    public Task InitAsync(string initialBranch, CancellationToken cancel = default) =>
        CheckedAsync(["init", "--quiet", "--initial-branch=" + initialBranch], cancel: cancel);

    /// <summary>Whether commits would have a name and email without NewsMirror's default: from git config or the environment.</summary>
    public async Task<bool> HasConfiguredUserAsync(CancellationToken cancel = default)
    {
        static bool Env(string name) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));
        var name = Env("GIT_AUTHOR_NAME") || (await RunAsync(["config", "--get", "user.name"], cancel: cancel)).Ok;
        var email = Env("GIT_AUTHOR_EMAIL") || Env("EMAIL") || (await RunAsync(["config", "--get", "user.email"], cancel: cancel)).Ok;
        return name && email;
    }

    /// <summary>Stages exactly these paths (taken literally, even with * or [ in a title).</summary>
    public Task AddAsync(IReadOnlyCollection<string> paths, CancellationToken cancel = default) =>
        CheckedAsync(["add", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths), cancel);

    /// <summary>Staged paths under the working directory, relative to it.</summary>
    public async Task<IReadOnlyList<string>> StagedAsync(CancellationToken cancel = default) =>
        Split(await CheckedAsync(["diff", "--cached", "--name-only", "--relative", "-z"], cancel: cancel));

    /// <summary>Commits these paths only, whatever else is staged; returns the new commit.</summary>
    public async Task<string> CommitAsync(string message, IReadOnlyCollection<string> paths, CancellationToken cancel = default)
    {
        await CheckedAsync(["commit", "--quiet", "-m", message, "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths), cancel);
        return await HeadAsync(cancel);
    }

    public Task<string> HeadAsync(CancellationToken cancel = default) => RevParseAsync("HEAD", cancel);

    public async Task<string> RevParseAsync(string revision, CancellationToken cancel = default) =>
        (await CheckedAsync(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], cancel: cancel)).Trim();

    public async Task<string> MergeBaseAsync(string a, string b, CancellationToken cancel = default) =>
        (await CheckedAsync(["merge-base", a, b], cancel: cancel)).Trim();

    /// <summary>null on a detached HEAD.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancel = default) =>
        await RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancel: cancel) is { Ok: true } result ? result.Stdout.Trim() : null;

    public async Task<string?> ConfigAsync(string key, CancellationToken cancel = default) =>
        await RunAsync(["config", "--get", key], cancel: cancel) is { Ok: true } result ? result.Stdout.Trim() : null;

    public async Task<IReadOnlyList<string>> RemotesAsync(CancellationToken cancel = default) =>
        (await CheckedAsync(["remote"], cancel: cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Pushes HEAD to <c>refs/heads/&lt;branch&gt;</c>; never forces.</summary>
    public async Task<PushOutcome> PushAsync(string remote, string branch, CancellationToken cancel = default)
    {
        var result = await RunAsync(["push", "--porcelain", remote, "HEAD:refs/heads/" + branch], cancel: cancel);
        if (result.Ok) return new PushOutcome(PushStatus.Pushed, result.Said);
        // Porcelain lines read "!<TAB>HEAD:refs/heads/main<TAB>[rejected] (fetch first)" when the remote moved on.
        var behind = result.Stdout.Split('\n').Any(line => line.StartsWith('!') && line.Contains("[rejected]") &&
            (line.Contains("fetch first") || line.Contains("non-fast-forward")));
        return new PushOutcome(behind ? PushStatus.Behind : PushStatus.Failed, (result.Stderr + "\n" + result.Stdout).Trim());
    }

    /// <summary>Fetches the remote branch; returns the commit it points at.</summary>
    public async Task<string> FetchAsync(string remote, string branch, CancellationToken cancel = default)
    {
        await CheckedAsync(["fetch", "--quiet", remote, "refs/heads/" + branch], cancel: cancel);
        return (await CheckedAsync(["rev-parse", "FETCH_HEAD"], cancel: cancel)).Trim();
    }

    /// <summary>Rebases the current branch onto <paramref name="upstream"/>; false (rebase still in progress) on a conflict.</summary>
    public async Task<bool> RebaseAsync(string upstream, CancellationToken cancel = default)
    {
        var result = await RunAsync(["rebase", "--quiet", upstream], cancel: cancel);
        if (result.Ok) return true;
        if (await IsRebasingAsync(cancel)) return false;
        throw new GitException($"git rebase failed: {result.Said}");
    }

    public Task AbortRebaseAsync(CancellationToken cancel = default) => CheckedAsync(["rebase", "--abort"], cancel: cancel);

    public Task ResetHardAsync(string commit, CancellationToken cancel = default) =>
        CheckedAsync(["reset", "--quiet", "--hard", commit], cancel: cancel);

    public Task SetRefAsync(string name, string commit, CancellationToken cancel = default) =>
        CheckedAsync(["update-ref", name, commit], cancel: cancel);

    public Task DeleteRefAsync(string name, CancellationToken cancel = default) =>
        CheckedAsync(["update-ref", "-d", name], cancel: cancel);

    /// <summary>Tracked files with changes not committed (staged or not).</summary>
    public async Task<bool> HasUncommittedChangesAsync(CancellationToken cancel = default) =>
        (await CheckedAsync(["status", "--porcelain", "--untracked-files=no"], cancel: cancel)).Trim().Length > 0;

    /// <summary>
    /// Files under <paramref name="paths"/> (relative to the working directory) that differ from HEAD: untracked (not
    /// ignored), changed, or staged and not committed.
    /// </summary>
    public async Task<IReadOnlyList<string>> UncommittedFilesAsync(IReadOnlyList<string> paths, CancellationToken cancel = default)
    {
        var unstaged = Split(await CheckedAsync(["ls-files", "--others", "--modified", "--exclude-standard", "-z", "--", .. paths], cancel: cancel));
        var staged = Split(await CheckedAsync(["diff", "--cached", "--name-only", "--relative", "-z", "--", .. paths], cancel: cancel));
        return unstaged.Concat(staged).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The repository's .git folder, absolute.</summary>
    public async Task<string> GitDirectoryAsync(CancellationToken cancel = default) =>
        (await CheckedAsync(["rev-parse", "--absolute-git-dir"], cancel: cancel)).Trim();

    /// <summary>Files added between two commits, under the working directory and relative to it.</summary>
    public async Task<IReadOnlyList<string>> AddedFilesAsync(string from, string to, CancellationToken cancel = default) =>
        Split(await CheckedAsync(["diff", "--name-only", "--relative", "--diff-filter=A", "-z", from, to], cancel: cancel));

    /// <summary>Files of HEAD's tree under <paramref name="folder"/>, relative to the working directory; none on an unborn branch.</summary>
    public async Task<IReadOnlyList<string>> TrackedFilesAsync(string folder, CancellationToken cancel = default) =>
        await RunAsync(["ls-tree", "-r", "--name-only", "-z", "HEAD", "--", folder], cancel: cancel) is { Ok: true } result ? Split(result.Stdout) : [];

    /// <summary>Sets these paths in the index and working tree back to HEAD's version.</summary>
    public Task CheckoutFromHeadAsync(IReadOnlyCollection<string> paths, CancellationToken cancel = default) =>
        CheckedAsync(["checkout", "HEAD", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths), cancel);

    /// <summary>Takes these paths out of the index, if there, leaving the working tree alone.</summary>
    public Task UnstageNewAsync(IReadOnlyCollection<string> paths, CancellationToken cancel = default) =>
        CheckedAsync(["rm", "--cached", "--quiet", "--ignore-unmatch", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths), cancel);

    /// <summary>The commits in <paramref name="from"/>..<paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> CommitsBetweenAsync(string from, string to, CancellationToken cancel = default) =>
        (await CheckedAsync(["rev-list", "--reverse", from + ".." + to], cancel: cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Merge commits in <paramref name="from"/>..<paramref name="to"/>.</summary>
    public async Task<bool> HasMergesBetweenAsync(string from, string to, CancellationToken cancel = default) =>
        (await CheckedAsync(["rev-list", "--merges", from + ".." + to], cancel: cancel)).Trim().Length > 0;

    /// <summary>Applies a commit's changes to the index and working tree without committing; false on a conflict.</summary>
    public async Task<bool> CherryPickNoCommitAsync(string commit, CancellationToken cancel = default)
    {
        var result = await RunAsync(["cherry-pick", "--no-commit", "--allow-empty", commit], cancel: cancel);
        if (result.Ok) return true;
        if ((await UnmergedFilesAsync(cancel)).Count > 0) return false;
        throw new GitException($"git cherry-pick failed: {result.Said}");
    }

    /// <summary>Paths with an unresolved conflict.</summary>
    public async Task<IReadOnlyList<string>> UnmergedFilesAsync(CancellationToken cancel = default) =>
        Split(await CheckedAsync(["diff", "--name-only", "--relative", "--diff-filter=U", "-z"], cancel: cancel)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Commits the whole index with the message and author of <paramref name="original"/> (as a rebase does); returns the new commit.</summary>
    public async Task<string> CommitAsOfAsync(string original, CancellationToken cancel = default)
    {
        await CheckedAsync(["commit", "--quiet", "--allow-empty", "-C", original], cancel: cancel);
        return await HeadAsync(cancel);
    }

    public async Task<string> CheckedAsync(IReadOnlyList<string> args, string? input = null, CancellationToken cancel = default)
    {
        var result = await RunAsync(args, input, cancel);
        if (!result.Ok) throw new GitException($"git {args[0]} failed (exit {result.ExitCode}): {result.Said}");
        return result.Stdout;
    }

    public async Task<GitResult> RunAsync(IReadOnlyList<string> args, string? input = null, CancellationToken cancel = default)
    {
        Trace?.Invoke("git " + string.Join(' ', args.Select(Quote)));
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        if (SigningKey is not null)
            foreach (var arg in (string[])["-c", "gpg.format=ssh", "-c", "user.signingkey=" + SigningKey, "-c", "commit.gpgsign=true"])
                start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANGUAGE"] = "C";
        start.Environment["GIT_LITERAL_PATHSPECS"] = "1";
        if (Identity is { } identity)
        {
            start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = identity.Name;
            start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = identity.Email;
        }

        using var process = await GitProcessStarter.StartAsync(start);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new GitResult(process.ExitCode, await stdout, await stderr);
    }

    public async Task<bool> IsRebasingAsync(CancellationToken cancel = default)
    {
        var gitDir = await GitDirectoryAsync(cancel);
        return Directory.Exists(Path.Combine(gitDir, "rebase-merge")) || Directory.Exists(Path.Combine(gitDir, "rebase-apply"));
    }

    /// <summary>For traces: an argument with spaces or line breaks shown quoted, on one line.</summary>
    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(char.IsWhiteSpace) ? arg : "\"" + arg.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static string PathList(IEnumerable<string> paths) => string.Concat(paths.Select(p => p + "\0"));

    private static IReadOnlyList<string> Split(string nulSeparated) => nulSeparated.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}
