using System.Text.Json.Nodes;
using NewsMirror.Running;
using Spectre.Console;

namespace NewsMirror.Cli.Commands;

/// <summary>How a run's report is shown: a table on a terminal, plain lines elsewhere, or one JSON object.</summary>
internal static class RunReportOutput
{
    /// <summary>What became of the run's commit, when the run was asked to commit.</summary>
    public sealed record GitOutcome(string? Commit, bool? Pushed, string? Error)
    {
        /// <summary>Each remote pushed to, in the order of <c>push:</c>; empty when the run did not push.</summary>
        public IReadOnlyList<Publishing.Git.PushResult> Remotes { get; init; } = [];
    }

    /// <summary>Warnings and failures as log messages (standard error), for when no text summary shows them or machines read the log.</summary>
    public static void Log(RunReport report, CliLog log)
    {
        foreach (var s in report.Sources)
        {
            foreach (var warning in s.Warnings) log.Warning(warning, s.Name);
            if (!s.Ok) log.Error($"failed: {s.Error}", s.Name, new JsonObject { ["folder"] = s.Folder });
        }
    }

    /// <summary>The archive-wide pages a run keeps up to date (README, STATUS.md) that it could not write.</summary>
    public static void LogPageErrors(RunReport report, CliLog log)
    {
        if (report.ReadmeError is { } readme) log.Error($"README.md not brought up to date: {readme}");
        if (report.StatusFileError is { } status) log.Error($"STATUS.md not brought up to date: {status}");
    }

    /// <summary>"ok", or "not modified" when the server answered a conditional request with 304.</summary>
    internal static string OkState(SourceReport s) => s.NotModified ? "not modified" : "ok";

    /// <summary>One line per remote pushed to, under the summary.</summary>
    public static void WriteRemotes(GitOutcome? git, TextWriter output)
    {
        foreach (var r in git?.Remotes ?? [])
            output.WriteLine(r.Pushed ? $"pushed to {r.Remote}/{r.Branch}" : $"NOT pushed to {r.Remote}/{r.Branch}: {r.Error?.Split('\n')[0]}");
    }

    public static void WriteText(RunReport report, TextWriter output)
    {
        var width = report.Sources.Count == 0 ? 0 : report.Sources.Max(s => DisplayWidth(s.Name));
        foreach (var s in report.Sources)
        {
            var changed = s.Changed > 0 ? $"  changed {s.Changed}" : "";
            var outcome = s.Ok ? $"{(s.NotModified ? "ok (not modified)" : "ok"),-6} new {s.New,4}  known {s.Known,4}{changed}" : $"FAILED {s.Error}";
            output.WriteLine($"{s.Name}{new string(' ', width - DisplayWidth(s.Name))}  {outcome}  ({Seconds(s.Elapsed)})");
            foreach (var warning in s.Warnings) output.WriteLine($"{new string(' ', width)}  warning: {warning}");
        }
        output.WriteLine(Total(report));
    }

    public static void WriteTable(RunReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Source").AddColumn(new TableColumn("New").RightAligned()).AddColumn(new TableColumn("Known").RightAligned())
            .AddColumn("Status").AddColumn(new TableColumn("Time").RightAligned());
        foreach (var s in report.Sources)
            table.AddRow(
                new Text(s.Name), new Text(s.New.ToString()), new Text(s.Known.ToString()),
                s.Ok ? new Markup($"[green]{OkState(s)}[/]") : new Text("FAILED " + s.Error, new Style(Color.Red)),
                new Text(Seconds(s.Elapsed)));
        table.Caption(Total(report));
        console.Write(table);
        foreach (var s in report.Sources)
            foreach (var warning in s.Warnings) console.Write(new Text($"{s.Name}: warning: {warning}\n", new Style(Color.Yellow)));
    }

    /// <summary>Standard output carries exactly one JSON object.</summary>
    public static void WriteJson(RunReport report, TextWriter output, GitOutcome? git)
    {
        var json = new RunReportJson(
            report.Sources.Select(s => new RunSourceJson(
                s.Name, s.Folder, s.Ok ? "ok" : "error", s.New, s.Known, s.Changed, s.NotModified, s.Error, (long)s.Elapsed.TotalMilliseconds)),
            report.New,
            (long)report.Elapsed.TotalMilliseconds,
            git is null ? null : new RunGitJson(git.Commit, git.Pushed, git.Error, git.Remotes.Count > 0 ? git.Remotes : null),
            report.Probes is { } probes ? new RunProbesJson(probes.Probes.Count, probes.Deferred, probes.NewVerdicts.Count, null)
            : report.ProbeError is { } probeError ? new RunProbesJson(null, null, null, probeError) : null);
        output.WriteLine(CliJson.Serialize(json, RunReportJsonContext.Default.RunReportJson));
    }

    private static string Total(RunReport report) =>
        $"total: {report.New} new from {report.Sources.Count} sources, {report.Sources.Count(s => !s.Ok)} failed ({Seconds(report.Elapsed)})" + Probes(report);

    /// <summary>"; 12 probes, 1 new verdict", when the run probed archived articles.</summary>
    private static string Probes(RunReport report) => report.ProbeError is { } error ? $"; probes failed: {error}"
        : report.Probes is { Probes.Count: > 0 } p ? $"; {p.Probes.Count} probes, {p.NewVerdicts.Count} new verdicts" + (p.Deferred > 0 ? $", {p.Deferred} due left" : "")
        : "";

    /// <summary>Terminal columns: CJK and full-width characters take two, so Chinese names line up.</summary>
    internal static int DisplayWidth(string text) =>
        text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.0} s";
}
