using System.Text.RegularExpressions;

namespace NewsMirror.Tests.Cli;

/// <summary><c>--help</c> of every command, through the real executable: only what the command itself takes.</summary>
public class HelpTextTests
{
    /// <summary>The commands whose work involves git; every other command's help must not mention it.</summary>
    private static readonly HashSet<string> GitCommands = ["run", "watch", "init"];

    private static readonly Regex GitWord = new(@"\bgit\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public async Task Every_command_help_has_no_additional_arguments_section_and_no_git_wording_unless_it_uses_git()
    {
        var commands = await DiscoverAsync([]);
        var names = commands.Select(c => string.Join(' ', c)).ToList();
        Assert.Contains("feed inspect", names);
        Assert.Contains("extract", names);
        var problems = new List<string>();
        foreach (var command in commands)
        {
            var help = await HelpOfAsync(command);
            var name = string.Join(' ', command);
            if (help.Contains("additional arguments", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{name}: help shows an additional-arguments section");
            if (!GitCommands.Contains(command[0]) && GitWord.Match(help) is { Success: true } git)
                problems.Add($"{name}: help speaks of git: {LineAt(help, git.Index)}");
        }
        Assert.Empty(problems);
    }

    /// <summary>The root's commands and, recursively, their subcommands, read from each help's "Commands:" section.</summary>
    private static async Task<List<string[]>> DiscoverAsync(string[] parent)
    {
        var found = new List<string[]>();
        foreach (var name in CommandsListed(await HelpOfAsync(parent)))
        {
            string[] command = [.. parent, name];
            found.Add(command);
            found.AddRange(await DiscoverAsync(command));
        }
        return found;
    }

    private static async Task<string> HelpOfAsync(string[] command)
    {
        string[] arguments = [.. command, "--help"];
        var result = await Support.CliProcess.RunAsync(AppContext.BaseDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"newsmirror {string.Join(' ', command)} --help exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    private static IEnumerable<string> CommandsListed(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        if (start < 0) yield break;
        foreach (var line in lines.Skip(start + 1))
        {
            if (!line.StartsWith("  ", StringComparison.Ordinal)) break;
            yield return line.TrimStart().Split(' ')[0];
        }
    }

    private static string LineAt(string text, int index)
    {
        var begin = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        return text[begin..(end < 0 ? text.Length : end)].Trim();
    }
}
