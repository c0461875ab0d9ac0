using System.CommandLine;
using NewsMirror.Running;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// <c>run --fail-on any|all|none</c>: which failed sources make the run exit <see cref="ExitCodes.SomeFailed"/>.
/// A scheduled job uses <c>all</c> so that one outlet being down does not fail it every hour.
/// </summary>
internal static class FailOnOption
{
    public const string Any = "any";
    public const string All = "all";
    public const string None = "none";

    public static Option<string> Create() => new Option<string>("--fail-on")
    {
        Description = "Exit 1 when any source failed (default), only when all failed, or never.",
        DefaultValueFactory = _ => Any,
    }.AcceptOnlyFromAmong(Any, All, None);

    /// <summary>
    /// Whether the report fails the run under the policy. The archive's own files (README, status file) not
    /// being written is no outlet's fault: it fails the run under <c>any</c> and <c>all</c>.
    /// </summary>
    public static bool Fails(string policy, RunReport report) => policy switch
    {
        None => false,
        All => (report.Sources.Count > 0 && report.Sources.All(s => !s.Ok)) || report.ReadmeError is not null || report.StatusFileError is not null,
        _ => !report.AllOk,
    };
}
