using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Publishing.Git;
using NewsMirror.Publishing.Setup;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "The archive's folder (created if missing; an existing archive is adopted).", DefaultValueFactory = _ => "." };
        var layout = new Option<string?>("--layout") { Description = "duty (articles/<folder>/<id>.md) or jekyll (_posts/); default: detected, else duty." };
        layout.AcceptOnlyFromAmong("duty", "jekyll");
        var ci = new Option<string>("--ci") { Description = "Hourly CI job to write: github, gitlab or none.", DefaultValueFactory = _ => "github" };
        ci.AcceptOnlyFromAmong("github", "gitlab", "none");
        var toolRepository = new Option<string?>("--tool-repository") { Description = "Git URL of NewsMirror for CI to build it from (default: the CI variable NEWSMIRROR_REPOSITORY)." };
        var toolRef = new Option<string>("--tool-ref") { Description = "Branch or tag of NewsMirror that CI builds.", DefaultValueFactory = _ => ToolSource.Default.Ref };
        var command = new Command("init", "Create an archive repository, or adopt an existing archive without touching its articles.")
        {
            directory, layout, ci, toolRepository, toolRef,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var log = GlobalOptions.Log(parse);
            var paths = new ArchivePaths(parse.GetValue(directory)!);
            var provider = parse.GetValue(ci) switch { "gitlab" => CiProvider.GitLab, "none" => CiProvider.None, _ => CiProvider.GitHub };
            ArchiveLayout? wanted = parse.GetValue(layout) switch { "jekyll" => ArchiveLayout.Jekyll, "duty" => ArchiveLayout.Duty, _ => null };
            var warnings = new List<string>();
            List<ArchiveSetup.Step> steps;
            try
            {
                steps = await new ArchiveSetup(paths).RunAsync(wanted, provider, new ToolSource(parse.GetValue(toolRepository), parse.GetValue(toolRef)!), warnings, cancel);
            }
            catch (SourcesFileException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
            catch (GitException e)
            {
                log.Error(e.Message);
                return ExitCodes.GitFailed;
            }
            foreach (var warning in warnings) log.Warning(warning);
            if (log.Verbosity == Verbosity.Quiet) return ExitCodes.Ok;

            var width = steps.Max(s => s.Path.Length);
            Console.Out.WriteLine($"archive: {paths.Root}");
            foreach (var step in steps) Console.Out.WriteLine($"  {step.Path.PadRight(width)}  {step.Action}");
            Console.Out.WriteLine("""

                Next: review newsmirror.yml, then
                  git add -A && git commit -m "Set up NewsMirror"
                  newsmirror run            (archive once, here)
                and push the repository; the CI job then runs `newsmirror run --commit --push --fail-on all` every hour.
                """);
            return ExitCodes.Ok;
        });
        return command;
    }
}
