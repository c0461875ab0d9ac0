using System.CommandLine;
using NewsMirror.Cli.Commands;

var root = new RootCommand("NewsMirror: archives news feeds into a git-friendly Markdown archive compatible with duty-machine/news.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SiteCommand.Create());
return await root.Parse(args).InvokeAsync();
