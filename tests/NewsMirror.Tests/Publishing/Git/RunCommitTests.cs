using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>`newsmirror run --commit`: one commit of exactly the files the run wrote, by the configured author.</summary>
public class RunCommitTests
{
    internal static RssFixtureItem Item(string title, string path, string pubDate) =>
        new(title, "https://www.example.com/" + path, pubDate) { Description = $"<p>{title}</p>" };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The committed files besides the commit's manifest file, after asserting there is exactly one.</summary>
    internal static List<string> WithoutManifest(IEnumerable<string> committed)
    {
        var files = committed.ToList();
        Assert.Matches(@"^\.newsmirror/manifests/[0-9]{4}-[0-9]{2}\.jsonl$", Assert.Single(files, f => f.StartsWith(".newsmirror/manifests/", StringComparison.Ordinal)));
        return files.Where(f => !f.StartsWith(".newsmirror/manifests/", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Commits_exactly_the_files_the_run_wrote_with_a_message_saying_what_was_archived()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"), Item("法广二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"));
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        File.WriteAllText(Path.Combine(clone, "notes.txt"), "not part of the archive");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), "# an edit the operator has not committed\n");

        var result = await g.RunAsync(clone, "--commit", "--only", "法广,德国之声");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, g.CommitCount(clone));
        Assert.Equal("archive: 3 new — 法广 2, 德国之声 1\n\n法广: 2 new\n德国之声: 1 new\n", g.Git.Run(clone, "log", "-1", "--format=%B").TrimEnd('\n') + "\n");
        var committed = Lines(g.Git.Run(clone, "-c", "core.quotepath=false", "show", "--name-only", "--format=", "HEAD")).Order().ToList();
        // .gitignore: the first run in an archive without the catalog's line adds it (the catalog is never committed).
        Assert.Equal(new[]
        {
            ".gitignore", ".newsmirror/log/dw.jsonl", ".newsmirror/log/rfi.jsonl",
            "articles/dw/1048574.md", "articles/rfi/1048573.md", "articles/rfi/1048574.md",
            "lists/德国之声.md", "lists/法广.md",
        }.Order(), WithoutManifest(committed));
        var status = g.Git.Run(clone, "status", "--porcelain");
        Assert.Contains(" M newsmirror.yml", status);
        Assert.Contains("?? notes.txt", status);
        Assert.Equal($"{TestGit.AuthorName} <{TestGit.AuthorEmail}>", g.Git.Run(clone, "log", "-1", "--format=%an <%ae>").Trim());
    }

    [Fact]
    public async Task Localized_images_are_committed_with_the_articles_that_show_them()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        var config = Path.Combine(clone, "newsmirror.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("    cleanup: none\n", "    cleanup: none\n    images: localize\n"));
        g.Git.Run(clone, "commit", "--quiet", "-am", "localize images");
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        g.Mirror.Server.Serve("pic.png", png, "image/png");
        g.Mirror.ServeFeed("rfi", new RssFixtureItem("有图", "https://www.example.com/rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT")
        {
            Description = $"<p><img src=\"{g.Mirror.Server.Url("pic.png")}\"></p>",
        });

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var assets = g.Tree(clone, "HEAD", "assets");
        var asset = Assert.Single(assets);
        Assert.StartsWith("assets/rfi/", asset);
        Assert.Contains($"../../{asset}", g.Show(clone, "HEAD", "articles/rfi/1048574.md"));
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain"));
    }

    [Fact]
    public async Task A_run_with_nothing_new_makes_no_commit()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "法广")).ExitCode);
        var head = g.Git.Head(clone);

        var second = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(head, g.Git.Head(clone));
        Assert.Contains("nothing new to commit", second.Stderr);
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain"));
    }

    [Fact]
    public async Task After_a_run_died_the_next_commit_takes_what_it_left_and_clears_its_git_debris()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        // What a run killed before its commit leaves: its files uncommitted, a temp file, git's index lock, its lock.
        Assert.Equal(0, (await g.RunAsync(clone, "--only", "法广")).ExitCode);
        var paths = new NewsMirror.Archive.ArchivePaths(clone);
        var temp = Path.Combine(clone, "articles", "rfi", $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, "half an article");
        var indexLock = Path.Combine(clone, ".git", "index.lock");
        File.WriteAllText(indexLock, "");
        File.SetLastWriteTimeUtc(indexLock, DateTime.UtcNow.AddMinutes(-5));
        Running.ArchiveLockTests.WriteLock(paths, Running.ArchiveLockTests.LockJson(Running.ArchiveLockTests.ExitedProcessId(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-5)));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("removed .git/index.lock", result.Stderr);
        Assert.Equal(2, g.CommitCount(clone));
        var committed = Lines(g.Git.Run(clone, "-c", "core.quotepath=false", "show", "--name-only", "--format=", "HEAD")).Order().ToList();
        Assert.Equal(new[] { ".gitignore", ".newsmirror/log/rfi.jsonl", "articles/rfi/1048574.md", "lists/法广.md" }.Order(), WithoutManifest(committed));
        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(indexLock));
        Assert.False(File.Exists(paths.InterruptedMarker));
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain"));
    }

    [Fact]
    public async Task Without_a_configured_user_the_default_identity_commits()
    {
        await using var g = await GitMirror.StartAsync(withUser: false);
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("NewsMirror <newsmirror@users.noreply.github.com>|NewsMirror <newsmirror@users.noreply.github.com>",
            g.Git.Run(clone, "log", "-1", "--format=%an <%ae>|%cn <%ce>").Trim());
    }

    [Fact]
    public async Task The_author_option_and_the_git_section_name_author_and_committer()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), "git:\n  author: \"Mirror Bot <bot@example.org>\"\n");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "法广")).ExitCode);
        Assert.Equal("Mirror Bot <bot@example.org>|Mirror Bot <bot@example.org>", g.Git.Run(clone, "log", "-1", "--format=%an <%ae>|%cn <%ce>").Trim());

        Assert.Equal(0, (await g.RunAsync(clone, "--commit", "--only", "德国之声", "--author", "Ann Li <ann@example.org>")).ExitCode);
        Assert.Equal("Ann Li <ann@example.org>|Ann Li <ann@example.org>", g.Git.Run(clone, "log", "-1", "--format=%an <%ae>|%cn <%ce>").Trim());

        var bad = await g.RunAsync(clone, "--commit", "--author", "no email");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Name <email>", bad.Stderr);
    }

    [Fact]
    public async Task Commit_outside_a_git_repository_is_a_usage_error_that_writes_nothing()
    {
        await using var m = await Running.MirrorFixture.StartAsync();
        using var git = new TestGit();
        m.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await CliProcess.RunAsync(m.Archive.Path, git.Environment, "run", "--commit", "--only", "法广");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not in a git repository", result.Stderr);
        Assert.False(m.Exists("articles/rfi/1048574.md"));
    }
}
