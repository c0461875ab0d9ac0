using System.CommandLine;
using NewsMirror.Cli.Commands.SourceCommands;

namespace NewsMirror.Cli.Commands;

internal static class SourcesCommand
{
    public static Command Create() => new("sources", "List, add, remove, test, import and export the sources of newsmirror.yml.")
    {
        ListCommand.Create(),
        AddCommand.Create(),
        RemoveCommand.Create(),
        TestCommand.Create(),
        ImportOpmlCommand.Create(),
        ExportOpmlCommand.Create(),
    };
}
