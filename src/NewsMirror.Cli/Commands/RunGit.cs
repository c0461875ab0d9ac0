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
    public static async Task<(RunGit? Git, int ExitCode)> OpenForCommandAsync(ArchivePaths paths, string? author, CliLog log, CancellationToken cancel)
    {
        try
        {
            if (await RunCommit.OpenRepositoryAsync(paths, author, command => log.Debug(command), cancel) is { } git)
                return (new RunGit(git, log), ExitCodes.Ok);
            log.Error($"{paths.Root} is not in a git repository; create one with `newsmirror init` or `git init`");
        }
        catch (FormatException e)
        {
            log.Error($"--author: {e.Message}");
        }
        return (null, ExitCodes.Usage);
    }

    public async Task<(RunReportOutput.GitOutcome Outcome, int? ExitCode)> PublishAsync(
        RunReport report, ArchivePaths paths, ArchiveConfig config, bool push, CancellationToken cancel)
    {
        var publisher = new ArchivePublisher(git, paths, config.Settings.Layout, config.Sources)
        {
            Note = note => log.Info(note),
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

        PushResult pushed;
        try { pushed = await publisher.PushAsync(cancel); }
        catch (GitException e) { pushed = new PushResult(false, 0, e.Message); }
        if (pushed.Pushed)
        {
            log.Info($"pushed (attempt {pushed.Attempts})", fields: new JsonObject { ["attempts"] = pushed.Attempts });
            return (new RunReportOutput.GitOutcome(commit, true, null), null);
        }
        log.Error($"push failed, the commit stays local and the next run pushes it: {pushed.Error}");
        return (new RunReportOutput.GitOutcome(commit, false, pushed.Error), ExitCodes.PushFailed);
    }
}
