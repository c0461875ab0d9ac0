using System.CommandLine;
using NewsMirror.Catalog;
using NewsMirror.Publishing.Epub;
using NewsMirror.Publishing.Site;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror export epub [--archive DIR] [--since 1d] [--source NAME] [--out FILE]</c>: a period's articles as an EPUB 3 book.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var since = DurationOption.Create("--since", "How far back the digest reaches: 12h, 1d, 7d… (default 1d).", TimeSpan.FromDays(1));
        var source = new Option<string?>("--source") { Description = "Only this source (display name or folder)." };
        var output = new Option<string?>("--out") { Description = "The book's file (default: newsmirror-YYYY-MM-DD.epub in the current folder, the day in China time)." };
        var epub = new Command("epub", "Write the period's articles as an EPUB 3 book, a table of contents per source.") { archive, since, source, output };
        epub.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            using var catalog = context.OpenCatalogCaughtUp();
            var options = Options(context.Sources, DateTimeOffset.UtcNow, parse.GetValue(since));
            if (parse.GetValue(source) is { } name)
            {
                // By folder, so that the name and the folder of one source make the same book (and identifier).
                if (FolderOf(catalog, context.Sources, name) is not { } folder)
                {
                    context.Log.Error($"no source or folder named '{name}' in {context.Paths.Root}");
                    return ExitCodes.Usage;
                }
                options = options with { Source = folder };
            }
            var path = Path.GetFullPath(parse.GetValue(output) ?? EpubDigest.DefaultFileName(options));
            Print(EpubDigest.Write(catalog, options, path), context.Log);
            return ExitCodes.Ok;
        });
        var command = new Command("export", "Export archived articles in other formats.");
        command.Subcommands.Add(epub);
        return command;
    }

    /// <summary>The digest of the period ending <paramref name="now"/>, its sources in the configured order.</summary>
    public static EpubDigestOptions Options(IReadOnlyList<SourceConfig> sources, DateTimeOffset now, TimeSpan since) =>
        new(now, since)
        {
            SourceOrder = sources.Select(s => s.Name).ToList(),
            Languages = sources.DistinctBy(s => s.Folder, StringComparer.Ordinal).ToDictionary(s => s.Folder, s => s.Language, StringComparer.Ordinal),
        };

    private static string? FolderOf(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, string name) =>
        sources.FirstOrDefault(s => s.Name == name || s.Folder == name)?.Folder ??
        catalog.ArchiveFolders().FirstOrDefault(folder => folder == name || catalog.SourceName(folder) == name);

    /// <summary>For <c>site build --epub</c>: the last day of every source, into the site's folder.</summary>
    /// <returns>false (after logging why) when the archive's sources file is unusable.</returns>
    public static bool WriteSiteDigest(CliLog log, string archive, string siteDirectory)
    {
        if (CommandContext.Load(log, archive, null, ArchiveRequirement.Exists) is not { } context) return false;
        using var catalog = context.OpenCatalogCaughtUp();
        Print(EpubDigest.Write(catalog, Options(context.Sources, DateTimeOffset.UtcNow, TimeSpan.FromDays(1)), SiteDigest.In(siteDirectory)), log);
        return true;
    }

    private static void Print(EpubDigestReport report, CliLog log)
    {
        foreach (var problem in report.Unreadable) log.Warning($"skipped (not readable): {problem}");
        foreach (var (source, titles) in report.Sources) Console.WriteLine($"{source}: {titles.Count} articles");
        Console.WriteLine($"{report.Articles} articles, {report.Images} images → {report.Path}");
    }
}
