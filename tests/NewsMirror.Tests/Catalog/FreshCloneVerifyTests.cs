using NewsMirror.Catalog;
using NewsMirror.Fetching;
using NewsMirror.Identity;
using NewsMirror.Running;
using NewsMirror.Tests.Evidence.Probes;

namespace NewsMirror.Tests.Catalog;

/// <summary>
/// A run from a fresh clone (no catalog.db) leaves its catalog's folders unbuilt; when a later run of that clone is
/// killed between a log line and its file, <c>verify</c> (which builds those folders) names the article unwritten, as it
/// does for a clone whose catalog was built, and not a deleted file.
/// </summary>
public class FreshCloneVerifyTests
{
    /// <param name="probeSeconds">The run's probe budget: the default run (probes on) or <c>--probe-budget 0</c>.</param>
    [Theory]
    [InlineData(30)]
    [InlineData(0)]
    public async Task A_line_a_killed_run_left_after_a_fresh_clones_run_is_unwritten_not_a_missing_file(int probeSeconds)
    {
        await using var a = await ProbeArchive.StartAsync(3);
        a.Clock.SetUtcNow(ProbeArchive.T0 + TimeSpan.FromHours(2));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(a.Archive.Path, ".newsmirror"), ArchiveCatalog.FileName + "*")) File.Delete(file);

        var report = await new ArchiveRun(a.Paths, new FetchLimits(), a.Clock) { ProbeBudget = TimeSpan.FromSeconds(probeSeconds) }
            .RunAsync([a.Source], CancellationToken.None);
        Assert.Equal(0, report.New);
        Assert.Equal(probeSeconds > 0 ? 3 : 0, report.Probes?.Probes.Count ?? 0);
        using (var deferred = ArchiveCatalog.Open(a.Paths, [a.Source], deferFolders: true)) Assert.True(deferred.Deferred);
        // What a run killed after its log line and before its file leaves: the next id's line, no file.
        var log = a.Paths.IdentityLog("t");
        var next = IdentityLog.ReadFrom(log, 0).Entries.Min(e => e.Id) - 1;
        IdentityLog.Append(log, [TestArchive.Entry($"{next}.md", TestArchive.Record("被打断的文章", a.Server.Url("news/new.html"), 1), "new")]);

        using var catalog = ArchiveCatalog.Open(a.Paths, [a.Source]);
        var verified = ArchiveVerifier.Run(catalog, [a.Source]);

        Assert.False(catalog.Deferred);
        Assert.True(verified.Ok, string.Join("\n", verified.Problems));
        Assert.Equal(($"articles/t/{next}.md", ProblemKinds.Unwritten), (Assert.Single(verified.Unwritten).Path, verified.Unwritten[0].Kind));
    }
}
