using System.Text.RegularExpressions;
using NewsMirror.Running;

namespace NewsMirror.Tests.Running;

/// <summary>The README's main commands, as a newcomer copies them from the repository root, leave the checkout alone.</summary>
public class RunCommandReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(
        SourceCheckout.Enclosing(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run outside NewsMirror's checkout"),
        "README.md"));

    /// <summary>Lines of the README's shell blocks that run NewsMirror from the checkout.</summary>
    private static List<string> DotnetRunLines() =>
        Readme.Split('\n').Where(l => l.StartsWith("dotnet run ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Every_run_or_watch_command_archives_into_a_folder_outside_the_checkout()
    {
        var archiving = DotnetRunLines().Where(l => Regex.IsMatch(l, @" -- (run|watch)\b")).ToList();

        Assert.NotEmpty(archiving);
        foreach (var line in archiving)
        {
            var folder = Regex.Match(line, @"--archive (\S+)");
            Assert.True(folder.Success, $"no --archive in: {line}");
            // From the repository root, only a home-relative or absolute folder is outside the checkout.
            Assert.Matches(@"^(~/|/)", folder.Groups[1].Value);
        }
    }

    [Fact]
    public void See_it_work_with_the_demo_comes_before_the_two_commands()
    {
        var demo = Readme.IndexOf("## See it work: one command", StringComparison.Ordinal);
        var two = Readme.IndexOf("## The two commands", StringComparison.Ordinal);

        Assert.InRange(demo, 0, two);
        Assert.Equal("dotnet run -c Release --project src/NewsMirror.Cli -- demo", DotnetRunLines()[0]);
    }
}
