using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary>The probe logs are the record: a fresh clone, with no catalog, has the same verdicts and revisions.</summary>
public class ProbeLogRebuildTests
{
    [Fact]
    public async Task A_fresh_clone_rebuilds_verdicts_and_revisions_from_the_committed_log_lines()
    {
        await using var a = await ProbeArchive.StartAsync(2);
        var changed = false;
        a.Page = (n, context) => !changed ? a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n])
            : n == 0 ? ProbeArchive.Write(context, "", 410)
            : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n][..200] + ProbeArchive.ChineseText(900, 30));
        await a.ProbeAsync(TimeSpan.FromHours(1));
        changed = true;
        await a.ProbeAsync(TimeSpan.FromHours(6));
        var report = await a.ProbeAsync(TimeSpan.FromHours(7));
        Assert.Contains("REMOVED.md", report.Files);
        Assert.Contains(".newsmirror/log/probes/t.jsonl", report.Files);
        Assert.Contains(".newsmirror/log/t.jsonl", report.Files);

        var git = new TestGit();
        git.Run(a.Archive.Path, "init", "--quiet", "--initial-branch=main");
        git.Run(a.Archive.Path, "add", "-A");
        git.Run(a.Archive.Path, "commit", "--quiet", "-m", "archive");
        Assert.DoesNotContain("catalog.db", git.Run(a.Archive.Path, "ls-files"));
        using var clone = new TempFolder();
        git.Run(clone.Path, "clone", "--quiet", a.Archive.Path, "mirror");
        var paths = new ArchivePaths(Path.Combine(clone.Path, "mirror"));
        Assert.False(File.Exists(ArchiveCatalog.PathOf(paths)));

        using var original = ArchiveCatalog.Open(a.Paths, [a.Source]);
        using var rebuilt = ArchiveCatalog.Open(paths, [a.Source]);
        rebuilt.CatchUpAll();
        Assert.Equal(RemovalRecords.Of(original).Select(Describe), RemovalRecords.Of(rebuilt).Select(Describe));
        var removal = Assert.Single(RemovalRecords.Of(rebuilt));
        Assert.Equal((ProbeOutcomes.Removed, 410), (removal.Verdict, removal.Status));
        var edited = rebuilt.Rows("t").Single(r => r.Link == a.Link(1)).File;
        var revision = Assert.Single(Revisions.Of(rebuilt, "t", edited));
        Assert.Equal("probe", revision.Action);
        Assert.Equal(ProbeTables.Count(original, "t"), ProbeTables.Count(rebuilt, "t"));
        Assert.Equal(6, ProbeTables.Count(rebuilt, "t"));
    }

    [Fact]
    public async Task A_log_rewritten_under_the_catalog_is_applied_again_from_its_start()
    {
        await using var a = await ProbeArchive.StartAsync(1);
        var gone = false;
        a.Page = (n, context) => gone ? ProbeArchive.Write(context, "", 404) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        gone = true;
        await a.ProbeAsync(TimeSpan.FromHours(1));
        await a.ProbeAsync(TimeSpan.FromHours(2));
        var log = ProbeLog.PathOf(a.Paths, "t");
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source])) Assert.Single(RemovalRecords.Of(catalog));

        // Say a merge kept only the first line: the catalog must not keep a verdict the log no longer holds.
        File.WriteAllLines(log, File.ReadAllLines(log).Take(1));
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source]))
        {
            Assert.Empty(RemovalRecords.Of(catalog));
            Assert.Equal(1, ProbeTables.Count(catalog, "t"));
        }
    }

    private static string Describe(RemovalRecord r) => $"{r.RelativePath} {r.Verdict} {r.Status} {r.FirstSeen:O} {r.VerdictAt:O}";
}
