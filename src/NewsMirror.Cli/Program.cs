using System.CommandLine;
using NewsMirror.Cli.Commands;

var root = new RootCommand("NewsMirror: archives news feeds into a git-friendly Markdown archive compatible with duty-machine/news.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(HistoryCommand.Create());
return await root.Parse(args).InvokeAsync();
