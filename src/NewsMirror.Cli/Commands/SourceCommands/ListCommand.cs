using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
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
                var sources = config.Sources.Select(s => new
                {
                    name = s.Name, folder = s.Folder, url = s.Url, enabled = s.Enabled,
                    body = s.Body.ToString().ToLowerInvariant(), link = s.Link.ToString().ToLowerInvariant(), fulltext = s.FullText,
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(new { file = File.Exists(paths.SourcesFile) ? paths.SourcesFile : null, sources },
                    new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
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
