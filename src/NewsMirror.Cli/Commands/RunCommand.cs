using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var sourcesFile = new Option<string?>("--sources") { Description = "Sources file (default: newsmirror.yml in the archive, else the built-in outlets)." };
        var only = new Option<string?>("--only") { Description = "Archive only these sources (names or folders, comma-separated)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed for each feed or page fetch.", DefaultValueFactory = _ => 30 };
        var json = CommonOptions.Json();
        var command = new Command("run", "Archive every new article of the configured sources.") { archive, sourcesFile, only, timeout, json };
        command.SetAction(async (parse, cancel) =>
        {
            var paths = new ArchivePaths(parse.GetValue(archive)!);
            IReadOnlyList<SourceConfig> sources;
            try
            {
                var names = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                sources = SourceSelection.Narrow(SourceSelection.Load(parse.GetValue(sourcesFile), paths.Root), names);
            }
            catch (Exception e) when (e is SourcesFileException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"newsmirror: {e.Message}");
                return ExitCodes.Usage;
            }

            var report = await new ArchiveRun(paths, new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }, TimeProvider.System).RunAsync(sources, cancel);
            if (parse.GetValue(json)) RunReportOutput.WriteJson(report, Console.Out, Console.Error);
            else RunReportOutput.WriteText(report, Console.Out);
            return report.AllOk ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }
}
