using NewsMirror.Archive;
using NewsMirror.Tests.Publishing.Git;
using NewsMirror.Tests.Support;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Evidence.Manifests;

/// <summary>Manifests through real runs and real git: every commit adds its line, kills and races keep the chain, verify --manifests names what breaks.</summary>
public class ManifestCommitTests
{
    private static Task<CliProcess.Result> VerifyAsync(GitMirror g, string clone, params string[] args) =>
        CliProcess.RunAsync(clone, g.Git.Environment, ["verify", "--manifests", .. args]);

    private static string[] ManifestLines(string clone) =>
        Directory.GetFiles(Path.Combine(clone, ".newsmirror", "manifests"), "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).ToArray();

    private static async Task<string> TwoCommitsAsync(GitMirror g)
    {
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "法广")).ExitCode);
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "德国之声")).ExitCode);
        return clone;
    }

    [Fact]
    public async Task Each_commit_adds_one_line_listing_what_it_committed_and_verify_proves_them_whole()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = await TwoCommitsAsync(g);

        var lines = ManifestLines(clone);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"prev\":null,", lines[0]);
        Assert.Contains("\"path\":\"articles/rfi/1048574.md\"", lines[0]);
        Assert.Contains("\"path\":\"articles/dw/1048574.md\"", lines[1]);
        Assert.DoesNotContain("articles/rfi", lines[1]);
        var result = await VerifyAsync(g, clone);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("ok: 2 manifest lines chained", result.Stdout);
    }

    [Fact]
    public async Task A_changed_article_exits_1_and_is_named_with_the_line_that_listed_it()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = await TwoCommitsAsync(g);
        var month = Path.GetFileName(Directory.GetFiles(Path.Combine(clone, ".newsmirror", "manifests")).Single());
        var article = Path.Combine(clone, "articles", "dw", "1048574.md");
        var bytes = File.ReadAllBytes(article);
        bytes[^2] ^= 1;
        File.WriteAllBytes(article, bytes);

        var result = await VerifyAsync(g, clone, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{{\"where\":\"{month}:2\",\"path\":\"articles/dw/1048574.md\",\"message\":\"changed since it was listed", result.Stdout);
        Assert.StartsWith("{\"ok\":false,\"lines\":2,", result.Stdout);
    }

    [Fact]
    public async Task Lines_cut_off_the_end_are_named_by_the_commit_whose_line_is_gone()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = await TwoCommitsAsync(g);
        var month = Directory.GetFiles(Path.Combine(clone, ".newsmirror", "manifests")).Single();
        File.WriteAllLines(month, File.ReadAllLines(month)[..1]);

        var result = await VerifyAsync(g, clone);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"commit {g.Git.Head(clone)[..12]}: the line this commit added is no longer in the manifests", result.Stdout);
    }

    [Fact]
    public async Task A_commit_that_rewrote_a_manifest_line_is_named()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = await TwoCommitsAsync(g);
        var month = Directory.GetFiles(Path.Combine(clone, ".newsmirror", "manifests")).Single();
        var lines = File.ReadAllLines(month);
        // Rewritten consistently (the second line's prev updated too), so the chain alone would pass.
        File.WriteAllLines(month, [lines[0].Replace("\"time\":\"", "\"time\":\"1"), lines[1]]);
        g.Git.Run(clone, "commit", "--quiet", "-am", "tidy the manifest");

        var result = await VerifyAsync(g, clone);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"commit {g.Git.Head(clone)[..12]}: removed or rewrote 1 manifest line(s)", result.Stdout);
    }

    [Fact]
    public async Task A_run_killed_between_appending_its_line_and_committing_leaves_a_valid_chain_that_the_next_commit_completes()
    {
        // The kill is made by a pre-commit hook (a shell script): this test needs a Unix system with /proc.
        if (!OperatingSystem.IsLinux()) return;
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "法广")).ExitCode);
        // git commit runs this once the line is appended and staged: it SIGKILLs NewsMirror (git's parent), once.
        var hook = Path.Combine(clone, ".git", "hooks", "pre-commit");
        var killedFlag = Path.Combine(clone, ".git", "killed");
        File.WriteAllText(hook, $"#!/bin/sh\n[ -e '{killedFlag}' ] && exit 0\ntouch '{killedFlag}'\nkill -9 $(cut -d' ' -f4 /proc/$PPID/stat)\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var killed = await g.RunAsync(clone, "--commit", "--only", "德国之声");

        Assert.Equal(137, killed.ExitCode);
        Assert.True(File.Exists(killedFlag));
        Assert.Equal(2, g.CommitCount(clone));
        // What the kill left: a second line that no commit holds, describing files as they are: the chain is valid.
        Assert.Equal(2, ManifestLines(clone).Length);
        var between = await VerifyAsync(g, clone);
        Assert.True(between.ExitCode == 0, between.Stdout + between.Stderr);

        g.Mirror.ServeFeed("bbc", Item("BBC一", "bbc/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        var next = await g.RunAsync(clone, "--commit", "--only", "BBC");

        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Equal(3, g.CommitCount(clone));
        var lines = ManifestLines(clone);
        Assert.Equal(2, lines.Length);
        // The dropped line's files are in the commit that took them, and in its line.
        Assert.Contains("\"path\":\"articles/dw/1048574.md\"", lines[1]);
        Assert.Contains("\"path\":\"articles/bbc/1048574.md\"", lines[1]);
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain", "--untracked-files=all"));
        var after = await VerifyAsync(g, clone);
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr);
    }

    [Fact]
    public async Task Rebased_and_replayed_commits_recompute_their_lines_so_the_pushed_chain_stays_whole()
    {
        await using var g = await GitMirror.StartAsync();
        var (a, b, c) = (g.Clone("a"), g.Clone("b"), g.Clone("c"));
        g.Mirror.ServeFeed("rfi", Item("一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(a, "--push", "--only", "法广")).ExitCode);
        // b races on another folder: rebased.
        var rebased = await g.RunAsync(b, "--push", "--only", "德国之声");
        Assert.True(rebased.ExitCode == 0, rebased.Stderr);
        Assert.Contains("catching up", rebased.Stderr);
        Assert.DoesNotContain("replaying", rebased.Stderr);
        // c races on the folder a archived into, under the same new ids: replayed with fresh ids.
        g.Mirror.ServeFeed("rfi", Item("二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"), Item("三", "rfi/3", "Tue, 26 Mar 2024 10:45:01 GMT"));
        var replayed = await g.RunAsync(c, "--push", "--only", "法广");
        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
        Assert.Contains("replaying", replayed.Stderr);

        var fresh = g.Clone("fresh");
        var lines = ManifestLines(fresh);
        Assert.Equal(3, lines.Length);
        Assert.Equal(4, g.CommitCount(fresh));
        var result = await VerifyAsync(g, fresh);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("", g.Git.Run(g.Origin, "rev-list", "--merges", "main").Trim());
    }
}
