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

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of text." };
}
