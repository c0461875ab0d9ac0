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
}
