using System.Text.Json.Nodes;
using NewsMirror.Archive;
using NewsMirror.Publishing.Git;
using NewsMirror.Running;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary>The git part of <c>run --commit [--push]</c> and <c>watch</c>: the library's commit and push, logged, and the exit code they mean.</summary>
internal sealed class RunGit(GitRepository git, CliLog log)
{
    /// <summary>For a command's --commit/--push: the publisher, or (after logging why) the usage exit code when git cannot be used.</summary>
    /// <param name="author">"Name &lt;email&gt;" from --author or newsmirror.yml; null: git's configured user, else NewsMirror's default.</param>
    /// <param name="signingKey"><c>git: sign:</c> from newsmirror.yml; null: git's configuration decides whether commits are signed.</param>
    public static async Task<(RunGit? Git, int ExitCode)> OpenForCommandAsync(ArchivePaths paths, string? author, CliLog log, CancellationToken cancel, string? signingKey = null)
    {
        try
        {
            if (await RunCommit.OpenRepositoryAsync(paths, author, command => log.Debug(command), cancel, signingKey) is { } git)
                return (new RunGit(git, log), ExitCodes.Ok);
            log.Error($"{paths.Root} is not in a git repository; create one with `newsmirror init` or `git init`");
        }
        catch (FormatException e)
        {
            log.Error($"--author: {e.Message}");
        }
        catch (FileNotFoundException e)
        {
            log.Error($"git.sign in newsmirror.yml: {e.Message}");
        }
        return (null, ExitCodes.Usage);
    }

    public async Task<(RunReportOutput.GitOutcome Outcome, int? ExitCode)> PublishAsync(
        RunReport report, ArchivePaths paths, ArchiveConfig config, bool push, CancellationToken cancel)
    {
        var publisher = new ArchivePublisher(git, paths, config.Settings.Layout, config.Sources)
        {
            Note = note => log.Info(note),
            Remotes = config.Settings.PushRemotes,
            WriteReplay = new RunReplayWriter(paths, config.Settings.Layout, config.Sources, TimeProvider.System).Write,
        };
        string? commit;
        try
        {
            var run = new RunCommit(git, publisher, paths, config.Settings.Layout, config.Sources) { Note = note => log.Info(note) };
            (commit, var message) = await run.CommitAsync(report.Files,
                report.Sources.Select(s => (s.Name, s.New)),
                report.Sources.Where(s => !s.Ok).Select(s => (s.Name, s.Error ?? "")), cancel);
            log.Info(commit is null ? "nothing new to commit" : $"committed {commit[..12]}: {message.Split('\n')[0]}", fields: new JsonObject { ["commit"] = commit });
        }
        catch (GitException e)
        {
            log.Error($"commit failed: {e.Message}");
            return (new RunReportOutput.GitOutcome(null, null, e.Message), ExitCodes.GitFailed);
        }
        if (!push) return (new RunReportOutput.GitOutcome(commit, null, null), null);

        IReadOnlyList<PushResult> pushes;
        try { pushes = await publisher.PushAsync(cancel); }
        catch (GitException e)
        {
            log.Error($"push failed, the commit stays local and the next run pushes it: {e.Message}");
            return (new RunReportOutput.GitOutcome(commit, false, e.Message), ExitCodes.PushFailed);
        }
        foreach (var p in pushes)
        {
            if (p.Pushed) log.Info($"pushed to {p.Remote}/{p.Branch} (attempt {p.Attempts})", fields: new JsonObject { ["remote"] = p.Remote, ["attempts"] = p.Attempts });
            else log.Error($"push failed ({p.Remote}/{p.Branch}), the commit stays local and the next run pushes it: {p.Error}", fields: new JsonObject { ["remote"] = p.Remote });
        }
        var failed = pushes.Where(p => !p.Pushed).ToList();
        var outcome = new RunReportOutput.GitOutcome(commit, failed.Count == 0, failed.Count == 0 ? null : string.Join("\n", failed.Select(p => $"{p.Remote}: {p.Error}")))
        {
            Remotes = pushes,
        };
        return (outcome, failed.Count == 0 ? null : ExitCodes.PushFailed);
    }
}
