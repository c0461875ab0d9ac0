using System.Diagnostics;
using NewsMirror.Tests.Reliability;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli;

/// <summary>
/// The README's "see it work" and main commands, copied out of the README and run as written in a fresh clone of this
/// repository, with a home folder of their own: each does what the README says and leaves the clone untouched.
/// </summary>
public class ReadmeCommandsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_readme_commands_work_in_a_fresh_clone_and_leave_it_untouched()
    {
        var readme = File.ReadAllText(Path.Combine(Checkout(), "README.md"));
        var demoCommand = FirstCommandUnder(readme, "## See it work: one command");
        var mainCommand = FirstCommandUnder(readme, "## The two commands");
        Assert.StartsWith("dotnet run ", demoCommand);
        Assert.Contains(" demo", demoCommand);
        Assert.Contains("run --archive ~/news-mirror", mainCommand);

        using var temp = new TempFolder();
        var clone = temp.Combine("newsmirror");
        Assert.Equal(0, (await ShellAsync(temp.Path, temp.Path, $"git clone --quiet '{Checkout()}' newsmirror")).ExitCode);
        var home = temp.Combine("home");
        Directory.CreateDirectory(home);

        var demo = await ShellAsync(clone, home, demoCommand);
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        var demoArchive = Assert.Single(Directory.GetDirectories(home, "newsmirror-demo-*"));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(demoArchive, "articles"), "*.md", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(demoArchive, "site", "index.html")), demo.Output);

        // The main command archives the built-in outlets; a newsmirror.yml in the archive points it at a loopback
        // feed instead, so that the test stays on this machine.
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("news.xml", HostileResponses.Feed("news", 3));
        var archive = Path.Combine(home, "news-mirror");
        Directory.CreateDirectory(archive);
        File.WriteAllText(Path.Combine(archive, "newsmirror.yml"),
            $"sources:\n  - name: 新闻\n    folder: news\n    url: {server.Url("news.xml")}\n");
        var run = await ShellAsync(clone, home, mainCommand);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(archive, "articles", "news"), "*.md").Length);

        var status = await ShellAsync(clone, home, "git status --porcelain --untracked-files=all");
        Assert.True(status.Output.Length == 0, $"the README's commands changed the clone: {status.Output}");
    }

    /// <summary>The first line of the first fenced code block after <paramref name="heading"/>.</summary>
    private static string FirstCommandUnder(string readme, string heading)
    {
        var at = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README.md has no '{heading}' section");
        var fence = readme.IndexOf("```sh\n", at, StringComparison.Ordinal) + "```sh\n".Length;
        return readme[fence..readme.IndexOf('\n', fence)].Trim();
    }

    private static string Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsMirror.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no NewsMirror.slnx in {AppContext.BaseDirectory} or any folder above it");
    }

    private sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs <paramref name="command"/> as a user types it (bash, so `~` is <paramref name="home"/>). NuGet's package
    /// folder stays the machine's, so that the clone restores from it instead of downloading everything again.
    /// </summary>
    private static async Task<Result> ShellAsync(string directory, string home, string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages : Path.Combine(userHome, ".nuget", "packages");
        start.Environment["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cliHome ? cliHome : userHome;
        start.Environment["HOME"] = home;
        // No build servers outliving the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        var (exitCode, output, error) = await ChildProcess.RunAsync(start, Limit, $"'{command}'");
        return new Result(exitCode, output, error);
    }
}
