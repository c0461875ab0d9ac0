using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using NewsMirror.Cli.Commands;

var root = new RootCommand("NewsMirror: archives news feeds into a git-friendly Markdown archive compatible with duty-machine/news.");
GlobalOptions.AddTo(root);
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(FeedCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(SourcesCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(HistoryCommand.Create());
root.Subcommands.Add(SiteCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(CatalogCommand.Create());
root.Subcommands.Add(ReparseCommand.Create());
root.Subcommands.Add(ProbeCommand.Create());
root.Subcommands.Add(RemovedCommand.Create());
var parse = root.Parse(args);
// Usage errors exit with 2 in every command, so callers can tell them from a failed source (1).
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) await Console.Error.WriteLineAsync($"newsmirror: {error.Message}");
    // Name the command that failed to parse, so the hint points at the help that explains it.
    var names = new List<string>();
    for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult) names.Insert(0, result.Command.Name);
    var command = string.Join(' ', names);
    await Console.Error.WriteLineAsync($"usage: {command} [options]; run '{command} --help' for details.");
    return ExitCodes.Usage;
}

// Ctrl+C and SIGTERM cancel the command, which then unwinds (releasing the archive lock) instead of dying mid-write;
// a second signal ends the process at once.
using var interrupted = new CancellationTokenSource();
void Interrupt(PosixSignalContext signal)
{
    if (interrupted.IsCancellationRequested) return;
    signal.Cancel = true;
    interrupted.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interrupted.Token);
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    Console.Error.WriteLine("newsmirror: interrupted");
    return ExitCodes.Interrupted;
}
