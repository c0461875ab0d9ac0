using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class ImportOpmlCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "An OPML file (outlines with xmlUrl, at any depth)." };
        var archive = CommonOptions.Archive();
        var command = new Command("import-opml", "Append the feeds of an OPML file to newsmirror.yml; feeds already configured are skipped.") { file, archive };
        command.SetAction(parse =>
        {
            var log = GlobalOptions.Log(parse);
            var paths = new ArchivePaths(parse.GetValue(archive)!);
            try
            {
                var feeds = OpmlFile.Read(File.ReadAllText(parse.GetValue(file)!));
                var sources = SourcesFileText.Load(paths);
                var text = sources.Text;
                var configured = sources.Config.Sources.ToList();
                var added = 0;
                foreach (var feed in feeds)
                {
                    if (configured.FirstOrDefault(s => s.Url == feed.Url || s.Name == feed.Name) is { } known)
                    {
                        log.Info($"skipped {feed.Url}: already configured as '{known.Name}'", feed.Name);
                        continue;
                    }
                    var folder = FolderNames.Choose(feed.Folder, feed.Name, feed.Url, configured.Select(s => s.Folder).ToList());
                    var source = new SourceConfig { Name = feed.Name, Folder = folder, Url = feed.Url };
                    text = SourcesFileEditor.Append(text, source, paths.SourcesFile);
                    configured.Add(source);
                    added++;
                    log.Info($"added (folder {folder}): {feed.Url}", feed.Name);
                }
                if (added > 0) sources.Save(text);
                log.Info($"{added} of {feeds.Count} feeds added to {sources.FileName}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is SourcesFileException or FormatException or IOException or UnauthorizedAccessException)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
