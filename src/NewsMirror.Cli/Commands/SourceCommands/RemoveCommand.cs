using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class RemoveCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The source's name or folder." };
        var archive = CommonOptions.Archive();
        var command = new Command("remove", "Delete a source's entry from newsmirror.yml; a built-in outlet is kept with enabled: false. Its articles stay.")
        {
            name, archive,
        };
        command.SetAction(parse =>
        {
            var log = GlobalOptions.Log(parse);
            var paths = new ArchivePaths(parse.GetValue(archive)!);
            try
            {
                var file = SourcesFileText.Load(paths);
                var source = SourceLookup.Find(file.Config, parse.GetValue(name)!);
                var builtIn = BuiltInSources.Find(source.Name) is not null;
                file.Save(builtIn
                    ? SourcesFileEditor.Disable(file.Text, source.Name, paths.SourcesFile)
                    : SourcesFileEditor.Remove(file.Text, source.Name, paths.SourcesFile));
                log.Info(builtIn ? $"disabled the built-in outlet '{source.Name}' (enabled: false)" : $"removed '{source.Name}'; its articles stay in the archive");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is SourcesFileException or ArgumentException)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
