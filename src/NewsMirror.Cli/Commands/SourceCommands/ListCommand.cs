using System.CommandLine;
using Spectre.Console;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class ListCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var command = new Command("list", "Print the configured sources (newsmirror.yml, else the built-in outlets).") { archive, json };
        command.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive) is not { } context) return ExitCodes.Usage;
            var (paths, config) = (context.Paths, context.Config);

            if (parse.GetValue(json))
            {
                var sources = config.Sources.Select(s => new SourceListEntryJson(
                    s.Name, s.Folder, s.Url, s.Enabled, s.Body.ToString().ToLowerInvariant(), s.Link.ToString().ToLowerInvariant(), s.FullText));
                Console.Out.WriteLine(CliJson.Serialize(new SourceListJson(File.Exists(paths.SourcesFile) ? paths.SourcesFile : null, sources),
                    SourceListJsonContext.Default.SourceListJson));
            }
            else if (Terminal.IsInteractive)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Name", "Folder", "Enabled", "Feed");
                foreach (var s in config.Sources) table.AddRow(new Text(s.Name), new Text(s.Folder), new Text(s.Enabled ? "yes" : "no"), new Text(s.Url));
                AnsiConsole.Write(table);
            }
            else
            {
                foreach (var s in config.Sources) Console.Out.WriteLine($"{s.Name}\t{s.Folder}\t{(s.Enabled ? "enabled" : "disabled")}\t{s.Url}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
