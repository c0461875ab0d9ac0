using System.CommandLine;
using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror import [--archive DIR] [--json]</c>: index an existing archive and report its anomalies.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var sharedCatalog = SharedCatalog.Option();
        var command = new Command("import", "Index an existing archive (reference script, its variants or NewsMirror): catalog, identity logs, search index; and a shared catalog when one is configured.") { archive, json, sharedCatalog };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            var (url, valid) = SharedCatalog.Resolve(parse, sharedCatalog, context);
            if (!valid) return ExitCodes.Usage;
            // Import rebuilds every folder after writing its log lines: a new catalog need not be built first.
            using var catalog = ArchiveCatalog.Open(context.Paths, context.Sources, buildFolders: false);
            var (folders, total) = ArchiveImport.Plan(catalog);
            var report = ProgressDisplay.Run("reading articles", total, progress => ArchiveImport.Run(catalog, folders, DateTimeOffset.UtcNow, progress));
            ProgressDisplay.Run("indexing text", CatalogSearchIndex.PendingCount(catalog), progress => CatalogSearchIndex.IndexPending(catalog, progress));
            if (url is not null && await SharedImport.RunAsync(url, context, catalog, report, cancel) is var shared and not ExitCodes.Ok) return shared;
            if (parse.GetValue(json)) WriteJson(report);
            else WriteText(report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(ImportReport report)
    {
        var width = Math.Max(6, report.Folders.Select(f => RunReportOutput.DisplayWidth(f.Folder)).DefaultIfEmpty(0).Max());
        string Pad(string folder) => folder + new string(' ', width - RunReportOutput.DisplayWidth(folder));
        Console.WriteLine($"{Pad("folder")}  {"files",7}  {"articles",8}  {"new log lines",13}");
        foreach (var f in report.Folders)
            Console.WriteLine($"{Pad(f.Folder)}  {f.Files,7}  {f.Articles,8}  {f.LogLinesWritten,13}");
        Console.WriteLine($"total: {report.Articles} articles in {report.Folders.Count} folders");
        ProblemJson.WriteText(report.Anomalies, "anomalies");
    }

    private static void WriteJson(ImportReport report) => Console.WriteLine(CliJson.Serialize(new ImportJson(
        report.Articles,
        report.Folders.Select(f => new ImportFolderJson(f.Folder, f.Files, f.Articles, f.LogLinesWritten)),
        ProblemJson.List(report.Anomalies)), ImportJsonContext.Default.ImportJson));
}
