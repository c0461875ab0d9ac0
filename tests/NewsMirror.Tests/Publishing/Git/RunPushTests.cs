using NewsMirror.Tests.Support;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>`newsmirror run --push` against a local bare repository, including races with another clone.</summary>
public class RunPushTests
{
    [Fact]
    public async Task Pushes_the_runs_commit_to_the_upstream_branch()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--push", "--only", "法广", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(g.Git.Head(clone), g.Git.Head(g.Origin, "main"));
        Assert.Contains("articles/rfi/1048574.md", g.Tree(g.Origin, "main", "articles"));
        Assert.Contains("\"pushed\":true", result.Stdout);
    }

    [Fact]
    public async Task A_race_on_other_folders_is_rebased_and_history_stays_linear()
    {
        await using var g = await GitMirror.StartAsync();
        var (a, b) = (g.Clone("a"), g.Clone("b"));
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(a, "--push", "--only", "法广")).ExitCode);

        var result = await g.RunAsync(b, "--push", "--only", "德国之声");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("catching up", result.Stderr);
        Assert.DoesNotContain("replaying", result.Stderr);
        Assert.Equal(3, g.CommitCount(g.Origin, "main"));
        Assert.Equal("", g.Git.Run(g.Origin, "rev-list", "--merges", "main").Trim());
        var articles = g.Tree(g.Origin, "main", "articles");
        Assert.Contains("articles/rfi/1048574.md", articles);
        Assert.Contains("articles/dw/1048574.md", articles);
    }

    [Fact]
    public async Task A_race_on_the_same_folder_replays_the_articles_with_fresh_ids_and_both_sides_survive()
    {
        await using var g = await GitMirror.StartAsync();
        var (a, b) = (g.Clone("a"), g.Clone("b"));
        g.Mirror.ServeFeed("rfi", Item("一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"), Item("二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(a, "--push", "--only", "法广")).ExitCode);
        // Clone b has not seen a's commit: it archives "二" again and "三", under the same new ids a used.
        g.Mirror.ServeFeed("rfi", Item("二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"), Item("三", "rfi/3", "Tue, 26 Mar 2024 10:45:01 GMT"));

        var result = await g.RunAsync(b, "--push", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("replaying", result.Stderr);
        Assert.Equal(g.Git.Head(b), g.Git.Head(g.Origin, "main"));
        var files = g.Tree(g.Origin, "main", "articles/rfi");
        Assert.Equal(["articles/rfi/1048572.md", "articles/rfi/1048573.md", "articles/rfi/1048574.md"], files.Order().ToList());
        var titles = files.Select(f => g.Show(g.Origin, "main", f).Split('\n')[1]).ToList();
        Assert.Equal(new[] { "[一](https://www.example.com/rfi/1)", "[二](https://www.example.com/rfi/2)", "[三](https://www.example.com/rfi/3)" }.Order(),
            titles.Order());
        Assert.Equal(3, g.Show(g.Origin, "main", ".newsmirror/log/rfi.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("法广\n------\n\n3-26 [三](/articles/rfi/1048572.md)\n\n3-26 [二](/articles/rfi/1048573.md)\n\n3-26 [一](/articles/rfi/1048574.md)\n\n",
            g.Show(g.Origin, "main", "lists/法广.md"));
        Assert.StartsWith("archive: 1 new — 法广 1", g.Git.Run(g.Origin, "log", "-1", "--format=%s", "main"));
        Assert.NotEqual(0, g.Git.TryRun(b, "rev-parse", "--verify", "--quiet", "refs/newsmirror/unpushed").ExitCode);
    }

    [Fact]
    public async Task A_push_that_keeps_failing_is_retried_a_bounded_number_of_times_and_the_commit_stays_local()
    {
        // The hook is a shell script: this test needs a Unix system (as git's hooks do).
        if (OperatingSystem.IsWindows()) return;
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        var hook = Path.Combine(g.Origin, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho attempt >> \"$GIT_DIR/attempts\"\necho 'declined by the test' >&2\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--push", "--only", "法广");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("push failed", result.Stderr);
        Assert.Contains("declined by the test", result.Stderr);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(g.Origin, "attempts")).Length);
        Assert.Equal(2, g.CommitCount(clone));
        Assert.Equal(1, g.CommitCount(g.Origin, "main"));

        // Once the remote accepts again, the next run pushes the commit left behind, even with nothing new.
        File.Delete(hook);
        var next = await g.RunAsync(clone, "--push", "--only", "法广");
        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Equal(g.Git.Head(clone), g.Git.Head(g.Origin, "main"));
    }
}
