using NewsMirror.Archive;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Cli.Commands;

/// <summary>`run --site`: the archive's reading site brought up to date after a run.</summary>
internal static class SiteRebuild
{
    public static void Run(ArchivePaths paths, CliLog log)
    {
        if (!Directory.Exists(paths.ArticlesRoot)) return;
        var options = new SiteBuildOptions(paths.Root, Path.Combine(paths.Root, "site"), SiteSources.Of(paths.Root))
        {
            SourceLanguages = SiteSources.Languages(paths.Root),
            Removals = ProbedRemovals.Read(paths.Root),
        };
        var report = SiteBuilder.Build(options);
        log.Info($"site: {report.PagesWritten} pages written, {report.PagesDeleted} deleted in {report.Elapsed.TotalSeconds:F1} s → {options.OutputDirectory}");
    }
}
