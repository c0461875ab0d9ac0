using System.CommandLine;
using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror verify [--archive DIR] [--json] [--fix | --manifests]</c>: prove the archive whole, or list every problem.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var fix = new Option<bool>("--fix") { Description = "Regenerate what is derived (identity-log lines, catalog, list pages, README); article files are never touched." };
        var manifests = new Option<bool>("--manifests") { Description = "Instead: check the manifests' hash chain and that every file they list still has its listed sha256." };
        var command = new Command("verify", "Check that every article parses, ids are unique, and logs, catalog, list pages and README agree with the files.") { archive, json, fix, manifests };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            if (parse.GetValue(manifests))
            {
                if (!parse.GetValue(fix)) return await ManifestVerification.RunAsync(context.Paths, parse.GetValue(json), cancel);
                context.Log.Error("--fix and --manifests: a manifest problem is evidence, never repaired");
                return ExitCodes.Usage;
            }
            using var catalog = ArchiveCatalog.Open(context.Paths, context.Sources);
            var report = Verify(catalog, context.Sources);
            IReadOnlyList<ArchiveProblem> fixedProblems = [];
            if (parse.GetValue(fix) && !report.Ok)
            {
                ArchiveRepair.Run(catalog, context.Sources, DateTimeOffset.UtcNow);
                var after = Verify(catalog, context.Sources);
                fixedProblems = report.Problems.Where(p => !after.Problems.Contains(p)).ToList();
                report = after;
            }
            if (parse.GetValue(json))
            {
                var output = new VerifyJson(report.Ok, report.Articles, ProblemJson.List(report.Problems), ProblemJson.List(fixedProblems), ProblemJson.List(report.Unwritten));
                Console.WriteLine(CliJson.Serialize(output, VerifyJsonContext.Default.VerifyJson));
            }
            else
            {
                ProblemJson.WriteText(fixedProblems, "fixed");
                ProblemJson.WriteText(report.Problems, "problems");
                ProblemJson.WriteText(report.Unwritten, "unwritten (a stopped run's writes, not archived)");
                Console.WriteLine(report.Ok ? $"ok: {report.Articles} articles, archive whole" : $"{report.Problems.Count} problems in {report.Articles} articles");
            }
            return report.Ok ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    private static VerifyReport Verify(ArchiveCatalog catalog, IReadOnlyList<NewsMirror.Sources.SourceConfig> sources)
    {
        var total = ArchiveImport.Plan(catalog).Total;
        return ProgressDisplay.Run("verifying", total, progress => ArchiveVerifier.Run(catalog, sources, progress));
    }
}
