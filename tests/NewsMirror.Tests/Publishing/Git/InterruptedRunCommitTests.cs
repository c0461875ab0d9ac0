using NewsMirror.Archive;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>`run --commit` after a writer died: the commit takes what it left, says so, and leaves what an uninterrupted run leaves.</summary>
public class InterruptedRunCommitTests
{
    private static void LeaveDeadWritersLock(ArchivePaths paths) =>
        ArchiveLockTests.WriteLock(paths, ArchiveLockTests.LockJson(ArchiveLockTests.ExitedProcessId(), Environment.MachineName, DateTimeOffset.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task The_commit_of_what_a_dead_run_left_says_how_many_articles_of_which_source_it_holds()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"), Item("法广二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"));
        // A run that wrote its articles and died before its commit.
        Assert.Equal(0, (await g.RunAsync(clone, "--only", "法广")).ExitCode);
        LeaveDeadWritersLock(new ArchivePaths(clone));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("archive: 2 articles left by an interrupted run (法广 2)\n\n法广: 2 left by an interrupted run\n",
            g.Git.Run(clone, "log", "-1", "--format=%B").TrimEnd('\n') + "\n");
        Assert.Contains("committed ", result.Stderr);
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public async Task A_commit_with_new_articles_and_a_dead_runs_leftovers_names_both()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(clone, "--only", "法广")).ExitCode);
        LeaveDeadWritersLock(new ArchivePaths(clone));
        g.Mirror.ServeFeed("dw", Item("德声一", "dw/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广,德国之声");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("archive: 1 new — 德国之声 1; 1 article left by an interrupted run\n\n德国之声: 1 new\n法广: 1 left by an interrupted run\n",
            g.Git.Run(clone, "log", "-1", "--format=%B").TrimEnd('\n') + "\n");
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public async Task A_first_run_killed_while_writing_the_gitignore_is_repaired_by_the_next_run()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        var paths = new ArchivePaths(clone);
        // What the kill left: the catalog built, the root .gitignore only as its hidden temp file, a temp file of
        // the lock's in the state folder, and the dead writer's lock. (A run whose feed is not served yet builds
        // the catalog and archives nothing.)
        await g.RunAsync(clone, "--only", "法广");
        File.Delete(ArchiveGitIgnore.PathIn(paths));
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.True(File.Exists(Path.Combine(paths.StateFolder, "catalog.db")));
        var leftovers = new[] { Path.Combine(clone, $".{Guid.NewGuid():N}.tmp"), Path.Combine(paths.StateFolder, $".{Guid.NewGuid():N}.tmp") };
        foreach (var temp in leftovers)
        {
            File.WriteAllText(temp, ".newsmirror/cat");
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddMinutes(-5));
        }
        LeaveDeadWritersLock(paths);
        Assert.Contains(".newsmirror/catalog.db", g.Git.Run(clone, "status", "--porcelain", "--untracked-files=all"));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(".newsmirror/catalog.db*\n.newsmirror/warc/\n", File.ReadAllText(ArchiveGitIgnore.PathIn(paths)));
        Assert.Contains(".gitignore", g.Git.Run(clone, "show", "--name-only", "--format=", "HEAD"));
        Assert.All(leftovers, temp => Assert.False(File.Exists(temp), temp));
        Assert.Equal("", g.Git.Run(clone, "status", "--porcelain", "--untracked-files=all"));
    }
}
