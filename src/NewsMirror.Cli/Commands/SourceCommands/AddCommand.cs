using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class AddCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "The feed, or a web page that advertises one with <link rel=\"alternate\">." };
        var archive = CommonOptions.Archive();
        var name = new Option<string?>("--name") { Description = "Display name (default: the feed's title)." };
        var folder = new Option<string?>("--folder") { Description = "articles/<folder>/ (default: from the name, else the feed's host)." };
        var body = new Option<string?>("--body") { Description = string.Join(" | ", SourceKeywords.Body.Keywords) + "." };
        body.AcceptOnlyFromAmong([.. SourceKeywords.Body.Keywords]);
        var link = new Option<string?>("--link") { Description = string.Join(" | ", SourceKeywords.Link.Keywords) + ": the item field that becomes the article's link." };
        link.AcceptOnlyFromAmong([.. SourceKeywords.Link.Keywords]);
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed for each fetch.", DefaultValueFactory = _ => 30 };
        var command = new Command("add", "Find the feed at URL, preview it and append it to newsmirror.yml (comments are kept).")
        {
            url, archive, name, folder, body, link, timeout,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var log = GlobalOptions.Log(parse);
            var paths = new ArchivePaths(parse.GetValue(archive)!);
            SourcesFileText file;
            ArchiveConfig config;
            try
            {
                file = SourcesFileText.Load(paths);
                config = file.Config;
            }
            catch (SourcesFileException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }

            DiscoveredFeed found;
            using (var fetcher = new HttpFetcher(new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }))
            {
                try { found = await FeedDiscovery.DiscoverAsync(fetcher, parse.GetValue(url)!, paths.Root, cancel); }
                catch (Exception e) when (e is FetchException or FeedParseException)
                {
                    log.Error($"no feed added: {e.Message}");
                    return ExitCodes.SomeFailed;
                }
            }
            FeedPreview.Write(Console.Out, found.Url, found.Feed);

            var sourceName = parse.GetValue(name) ?? (found.Feed.Title?.Trim() is { Length: > 0 } title ? title : new Uri(found.Url).Host);
            var source = new SourceConfig
            {
                Name = sourceName,
                Folder = parse.GetValue(folder) ?? FolderNames.Suggest(sourceName, found.Url, config.Sources.Select(s => s.Folder)),
                Url = found.Url,
                Body = parse.GetValue(body) is { } bodyKeyword ? SourceKeywords.Body.Parse(bodyKeyword) : BodyField.Auto,
                Link = parse.GetValue(link) is { } linkKeyword ? SourceKeywords.Link.Parse(linkKeyword) : LinkField.Link,
            };
            if (config.Sources.FirstOrDefault(s => s.Url == source.Url) is { } existing)
            {
                log.Error($"'{existing.Name}' already archives {source.Url}");
                return ExitCodes.Usage;
            }
            try { file.Save(SourcesFileEditor.Append(file.Text, source, paths.SourcesFile)); }
            catch (SourcesFileException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
            log.Info($"added '{source.Name}' (folder {source.Folder}) to {(file.Exists ? "" : "a new ")}{file.FileName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
