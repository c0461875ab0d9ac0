using System.Text.Json;
using NewsMirror.Tests.Support;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary><c>push: [origin, mirror2, mirror3]</c>: each remote pushed on its own, reported by the run and by status, and one that fell behind catching up.</summary>
public class SeveralRemotesTests
{
    private static string AddBareRemote(GitMirror g, string clone, string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(g.Origin)!, name + ".git");
        g.Git.Run(Path.GetDirectoryName(g.Origin)!, "clone", "--quiet", "--bare", g.Origin, path);
        g.Git.Run(clone, "remote", "add", name, path);
        return path;
    }

    private static JsonElement Remote(JsonElement list, string name) => list.EnumerateArray().Single(r => r.GetProperty("remote").GetString() == name);

    [Fact]
    public async Task A_remote_that_rejects_does_not_keep_the_others_from_any_commit_and_catches_up_once_it_accepts()
    {
        // The rejecting hook is a shell script: this test needs a Unix system (as git's hooks do).
        if (OperatingSystem.IsWindows()) return;
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        var mirror2 = AddBareRemote(g, clone, "mirror2");
        var mirror3 = AddBareRemote(g, clone, "mirror3");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), "push: [origin, mirror2, mirror3]\n");
        g.Git.Run(clone, "commit", "--quiet", "-am", "push to three remotes");
        g.Git.Run(clone, "push", "--quiet", "origin", "main");
        g.Git.Run(clone, "push", "--quiet", "mirror3", "main");
        var hook = Path.Combine(mirror2, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'mirror2 declines' >&2\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        foreach (var (title, path) in new[] { ("法广一", "rfi/1"), ("法广二", "rfi/2") })
        {
            g.Mirror.ServeFeed("rfi", Item(title, path, "Tue, 26 Mar 2024 08:45:01 GMT"));
            var run = await g.RunAsync(clone, "--push", "--only", "法广", "--json");

            Assert.Equal(3, run.ExitCode);
            var git = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("git");
            Assert.False(git.GetProperty("pushed").GetBoolean());
            var remotes = git.GetProperty("remotes");
            Assert.Equal(["origin", "mirror2", "mirror3"], remotes.EnumerateArray().Select(r => r.GetProperty("remote").GetString()));
            Assert.True(Remote(remotes, "origin").GetProperty("pushed").GetBoolean());
            Assert.True(Remote(remotes, "mirror3").GetProperty("pushed").GetBoolean());
            Assert.False(Remote(remotes, "mirror2").GetProperty("pushed").GetBoolean());
            Assert.Contains("mirror2 declines", Remote(remotes, "mirror2").GetProperty("error").GetString());
            Assert.Contains("push failed (mirror2/main)", run.Stderr);
            Assert.Equal(g.Git.Head(clone), g.Git.Head(g.Origin, "main"));
            Assert.Equal(g.Git.Head(clone), g.Git.Head(mirror3, "main"));
        }
        Assert.Equal(g.CommitCount(clone), g.CommitCount(mirror3, "main"));
        // mirror2 still holds only the seed commit it was cloned with.
        Assert.Equal(1, g.CommitCount(mirror2, "main"));

        var behind = await CliProcess.RunAsync(clone, g.Git.Environment, "status", "--json");
        Assert.Equal(0, behind.ExitCode);
        var status = JsonDocument.Parse(behind.Stdout).RootElement.GetProperty("remotes");
        Assert.True(Remote(status, "mirror2").GetProperty("behind").GetBoolean());
        Assert.False(Remote(status, "mirror2").GetProperty("pushed").GetBoolean());
        Assert.False(Remote(status, "origin").GetProperty("behind").GetBoolean());
        var text = await CliProcess.RunAsync(clone, g.Git.Environment, "status");
        Assert.Contains("remote mirror2/main: PUSH FAILED", text.Stdout);
        Assert.Contains("has not got the latest commit yet", text.Stdout);

        // Once mirror2 accepts again, the next run brings it every commit it missed, even with nothing new.
        File.Delete(hook);
        var next = await g.RunAsync(clone, "--push", "--only", "法广");

        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Contains("pushed to mirror2/main", next.Stdout);
        Assert.Equal(g.Git.Head(clone), g.Git.Head(mirror2, "main"));
        var caughtUp = JsonDocument.Parse((await CliProcess.RunAsync(clone, g.Git.Environment, "status", "--json")).Stdout).RootElement.GetProperty("remotes");
        Assert.All(caughtUp.EnumerateArray(), r => Assert.False(r.GetProperty("behind").GetBoolean()));
    }

    [Fact]
    public async Task A_second_remote_that_moved_on_is_reported_and_not_forced_while_the_first_is_caught_up_with()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        var mirror2 = AddBareRemote(g, clone, "mirror2");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), "push:\n  - origin\n  - mirror2\n");
        g.Git.Run(clone, "commit", "--quiet", "-am", "push to two remotes");
        g.Git.Run(clone, "push", "--quiet", "origin", "main");
        // Someone else committed to mirror2 only.
        var other = g.Clone("other");
        g.Git.Run(other, "remote", "add", "mirror2", mirror2);
        g.Git.Run(other, "fetch", "--quiet", "mirror2");
        g.Git.Run(other, "reset", "--quiet", "--hard", "mirror2/main");
        File.WriteAllText(Path.Combine(other, "NOTE.md"), "elsewhere\n");
        g.Git.Run(other, "add", "NOTE.md");
        g.Git.Run(other, "commit", "--quiet", "-m", "a commit only mirror2 has");
        g.Git.Run(other, "push", "--quiet", "mirror2", "HEAD:main");
        var theirs = g.Git.Head(mirror2, "main");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var run = await g.RunAsync(clone, "--push", "--only", "法广");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(g.Git.Head(clone), g.Git.Head(g.Origin, "main"));
        Assert.Equal(theirs, g.Git.Head(mirror2, "main"));
        Assert.Contains("NOT pushed to mirror2/main: mirror2/main has commits this branch lacks: not forced", run.Stdout);
    }
}
