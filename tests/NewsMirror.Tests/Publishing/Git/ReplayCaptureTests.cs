using NewsMirror.Tests.Evidence.Warc;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>Under <c>raw: commit</c>, a replay (a push race on the same folder) keeps the commit's capture files.</summary>
public class ReplayCaptureTests
{
    [Fact]
    public async Task A_replayed_commit_still_holds_the_capture_files_the_remote_lacks()
    {
        await using var g = await GitMirror.StartAsync();
        var seed = g.Clone("seed");
        var yml = Path.Combine(seed, "newsmirror.yml");
        File.WriteAllText(yml, "raw: commit\n" + File.ReadAllText(yml));
        g.Git.Run(seed, "commit", "--quiet", "-am", "raw: commit");
        g.Git.Run(seed, "push", "--quiet");
        var (a, b) = (g.Clone("a"), g.Clone("b"));
        g.Mirror.ServeFeed("rfi", Item("一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));
        Assert.Equal(0, (await g.RunAsync(a, "--push", "--only", "法广")).ExitCode);
        var first = Assert.Single(g.Tree(g.Origin, "main", ".newsmirror/warc"));
        // b's capture must have a name the remote lacks (as each fleet clone's has): b already holds number 0 of the day.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(b, first))!);
        File.Copy(Path.Combine(a, first), Path.Combine(b, first));
        g.Mirror.ServeFeed("rfi", Item("二", "rfi/2", "Tue, 26 Mar 2024 09:45:01 GMT"));

        var result = await g.RunAsync(b, "--push", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("replaying", result.Stderr);
        var captures = g.Tree(g.Origin, "main", ".newsmirror/warc");
        Assert.Equal(2, captures.Count);
        var second = Assert.Single(captures, c => c != first);
        Assert.EndsWith("-1.warc.gz", second);
        Assert.Contains(second, g.Git.Run(g.Origin, "show", "--name-only", "--format=", "main"));
        var report = WarcioCheck.Files(Path.Combine(b, second));
        Assert.True(report.Problems.Count == 0, report.Json);
        Assert.Contains(report.Files.Values.Single(), r => r.Type == "response" && r.Uri == g.Mirror.Server.Url("rfi.xml"));
        Assert.Equal("", g.Git.Run(b, "status", "--porcelain", "--", ".newsmirror/warc").Trim());
    }
}
