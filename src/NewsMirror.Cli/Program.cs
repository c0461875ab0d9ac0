using System.CommandLine;
using NewsMirror.Cli.Commands;

var root = new RootCommand("NewsMirror: archives news feeds into a git-friendly Markdown archive compatible with duty-machine/news.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(FeedCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(HistoryCommand.Create());
var parse = root.Parse(args);
// Usage errors exit with 2 in every command, so callers can tell them from a failed source (1).
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) await Console.Error.WriteLineAsync($"newsmirror: {error.Message}");
    await Console.Error.WriteLineAsync("Run 'newsmirror --help' or 'newsmirror <command> --help' for usage.");
    return 2;
}
return await parse.InvokeAsync();
