using System.CommandLine;

namespace NewsMirror.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Archive every new article of the configured sources.");
        command.SetAction(_ => 0);
        return command;
    }
}
