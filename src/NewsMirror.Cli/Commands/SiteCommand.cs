using NewsMirror.Sources;
using System.CommandLine;
using System.Runtime.InteropServices;
using NewsMirror.Publishing.Site;
using NewsMirror.Archive;
using NewsMirror.Urls;

namespace NewsMirror.Cli.Commands;

internal static class SiteCommand
{
    public static Command Create()
    {
        var command = new Command("site", "Build or preview the static reading site of an archive.");
        command.Subcommands.Add(CreateBuild());
        command.Subcommands.Add(CreateServe());
        return command;
    }

    private static Option<DirectoryInfo> ArchiveOption() => new("--archive")
    {
        Description = "The archive repository (default: the current folder).",
        DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
    };

    private static Option<DirectoryInfo?> OutOption() => new("--out")
    {
        Description = "The site folder (default: <archive>/site).",
    };

    private static string OutputDirectory(DirectoryInfo archive, DirectoryInfo? output) =>
        output?.FullName ?? Path.Combine(archive.FullName, "site");

    private static Command CreateBuild()
    {
        var archive = ArchiveOption();
        var output = OutOption();
        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = "Absolute URL the site is published at, for absolute links in the Atom feeds (without it they are relative to the feed file).",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (HttpUrl.TryParse(text, out var uri)) return uri;
                result.AddError($"--base-url must be an absolute http(s) URL, not '{text}'.");
                return null;
            },
        };
        var epub = new Option<bool>("--epub")
        {
            Description = $"Also write the last day's articles as an EPUB digest ({SiteDigest.RelativePath}), linked from the home page.",
        };
        var command = new Command("build", "Render the archive as a static site (incremental: only changed pages are written).")
        {
            archive, output, baseUrl, epub,
        };
        command.SetAction(parseResult =>
        {
            var log = GlobalOptions.Log(parseResult);
            var archiveDirectory = parseResult.GetValue(archive)!;
            if (!Directory.Exists(Path.Combine(archiveDirectory.FullName, ArchivePaths.ArticlesFolderName)))
            {
                log.Error($"{archiveDirectory.FullName} has no articles/ folder: not an archive.");
                return ExitCodes.Usage;
            }
            IReadOnlyList<(string Name, string Folder)> sources;
            IReadOnlyDictionary<string, string> languages;
            try
            {
                sources = SiteSources.Of(archiveDirectory.FullName);
                languages = SiteSources.Languages(archiveDirectory.FullName);
            }
            catch (SourcesFileException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
            var options = new SiteBuildOptions(archiveDirectory.FullName, OutputDirectory(archiveDirectory, parseResult.GetValue(output)), sources)
            {
                BaseUrl = parseResult.GetValue(baseUrl),
                SourceLanguages = languages,
                Removals = ProbedRemovals.Read(archiveDirectory.FullName),
            };
            // First, so that the home page built next finds the digest and links it.
            if (parseResult.GetValue(epub) && !ExportCommand.WriteSiteDigest(log, archiveDirectory.FullName, options.OutputDirectory)) return ExitCodes.Usage;
            var report = SiteBuilder.Build(options);
            foreach (var skipped in report.SkippedFiles) log.Warning($"skipped (not an article file): {skipped}");
            foreach (var removal in report.UnmatchedRemovals) log.Warning($"removal not shown, no such article: {removal.Folder}/{removal.ArticleId}");
            Console.WriteLine($"{report.Articles} articles, {report.Pages} files: {report.PagesRendered} rendered, " +
                $"{report.PagesWritten} written, {report.PagesDeleted} deleted in {report.Elapsed.TotalSeconds:F1} s → {options.OutputDirectory}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateServe()
    {
        var archive = ArchiveOption();
        var output = OutOption();
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 (0: any free port).",
            DefaultValueFactory = _ => 8000,
        };
        var command = new Command("serve", "Serve the built site on 127.0.0.1 for a preview; Ctrl+C stops it.")
        {
            archive, output, port,
        };
        command.SetAction(async (parseResult, cancellation) =>
        {
            var site = OutputDirectory(parseResult.GetValue(archive)!, parseResult.GetValue(output));
            if (!File.Exists(Path.Combine(site, "index.html")))
            {
                GlobalOptions.Log(parseResult).Error($"{site} holds no site: run 'newsmirror site build' first.");
                return ExitCodes.Usage;
            }
            using var server = SiteServer.Start(site, parseResult.GetValue(port));
            // Ctrl+C and SIGTERM end the wait so the listener is closed, instead of killing the process.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            Console.WriteLine($"Serving {site} at {server.Url} (Ctrl+C stops)");
            try { await Task.Delay(Timeout.Infinite, stop.Token); }
            catch (OperationCanceledException) { }
            Console.WriteLine("Stopped.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
