using System.CommandLine;

namespace NewsMirror.Cli.Commands;

/// <summary>Options that mean the same in every command that has them.</summary>
internal static class CommonOptions
{
    public static Option<string> Archive() => new("--archive")
    {
        Description = "The archive's root folder (default: the current folder).",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>How long a writing command waits for another writer to finish (ArchiveLock).</summary>
    public static Option<int> Wait() => new("--wait")
    {
        Description = "Seconds to wait while another newsmirror process writes to the archive (default 0: exit at once with code 4).",
        DefaultValueFactory = _ => 0,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of text." };

    public static Option<string?> SourcesFile() => new("--sources") { Description = "Sources file (default: newsmirror.yml in the archive, else the built-in outlets)." };

    public static Option<int> Timeout() => new("--timeout") { Description = "Seconds allowed for each feed or page fetch.", DefaultValueFactory = _ => 30 };

    public static Option<bool> Commit() => new("--commit") { Description = "Commit the files the run wrote (one commit, nothing when nothing is new)." };

    public static Option<bool> Push() => new("--push") { Description = "Then push (implies --commit); never forces, rebases and retries when the remote moved on." };

    public static Option<string?> Author() => new("--author") { Description = "Author and committer of the commit, \"Name <email>\" (default: git: author in newsmirror.yml, else git's user)." };

    public static Option<bool> StatusFile() => new("--status-file") { Description = "Write STATUS.md, the sources' health, into the archive (also: status-file: true in newsmirror.yml)." };

    public static Option<string?> MetricsFile() => new("--metrics-file")
    {
        Description = "After each run, write Prometheus metrics to this file (node_exporter textfile format, replaced atomically).",
    };

    public static Option<bool> Site() => new("--site") { Description = "Rebuild the reading site (<archive>/site) after archiving; only changed pages are written." };

    public static Option<double> ProbeBudget() => new("--probe-budget")
    {
        Description = "Seconds each run may spend re-fetching archived articles that are due a probe (edits, removals at the source); 0: none.",
        DefaultValueFactory = _ => 5,
    };
}
