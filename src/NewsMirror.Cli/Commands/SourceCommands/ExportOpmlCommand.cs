using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class ExportOpmlCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export-opml", "Print the enabled sources as OPML 2.0 (folder as category \"/<folder>\").") { archive, output };
        command.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive) is not { } context) return ExitCodes.Usage;
            try
            {
                var sources = context.Sources.Where(s => s.Enabled);
                var opml = OpmlFile.Write(sources, DateTimeOffset.UtcNow);
                if (parse.GetValue(output) is { } path) AtomicFile.WriteAllText(path, opml);
                else Console.Out.Write(opml);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Log.Error(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
