using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary>
/// A fresh clone (no catalog.db) chooses its due probes from the identity and probe logs without building the catalog,
/// and chooses exactly what a run with the built catalog chooses.
/// </summary>
public class ProbeFreshCloneTests
{
    /// <summary>Article 0's page fails (a retry is pending), article 1's is gone (a removal verdict waits for confirmation).</summary>
    private static async Task<ProbeArchive> ArchiveWithHistoryAsync()
    {
        var a = await ProbeArchive.StartAsync(6);
        a.Page = (n, context) => n switch
        {
            0 => ProbeArchive.Write(context, "busy", 503),
            1 => ProbeArchive.Write(context, "gone", 404),
            _ => a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]),
        };
        Assert.Equal(6, (await a.ProbeAsync(TimeSpan.FromHours(1))).Probes.Count);
        return a;
    }

    /// <summary>The files a probe pass chooses, in its order, with the catalog built or deferred (a copy of the archive without catalog.db).</summary>
    private static async Task<List<string>> ChosenAsync(ProbeArchive a, TempFolder copy, bool fresh, ProbeRequest request)
    {
        var root = fresh ? copy.Path : a.Archive.Path;
        if (fresh)
        {
            CopyFolder(a.Archive.Path, copy.Path);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(copy.Path, ".newsmirror"), ArchiveCatalog.FileName + "*")) File.Delete(file);
        }
        var paths = new ArchivePaths(root);
        using var fetcher = new HttpFetcher();
        using var catalog = ArchiveCatalog.Open(paths, [a.Source], deferFolders: fresh);
        Assert.Equal(fresh, catalog.Deferred);
        var report = await new ProbeRun(paths, catalog, fetcher, new HostLimiter(2), a.Clock) { MaxConcurrent = 1 }.RunAsync([a.Source], request, CancellationToken.None);
        Assert.Equal(fresh, catalog.Deferred);
        return report.Probes.Select(p => p.Line.File).ToList();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    [Theory]
    [InlineData(2)] // the retry and the confirmation are due, the others' next point (6 h) is not
    [InlineData(7)] // every article is due at its 6 h point
    [InlineData(24 * 40)] // past the schedule's horizon: only the pending retry and confirmation are due
    public async Task A_fresh_clone_chooses_the_same_due_probes_as_a_run_with_the_catalog(int hours)
    {
        await using var a = await ArchiveWithHistoryAsync();
        a.Clock.SetUtcNow(ProbeArchive.T0 + TimeSpan.FromHours(hours));
        using var copy = new TempFolder();

        // The fresh clone first: the run with the catalog appends probe lines of its own.
        var fresh = await ChosenAsync(a, copy, fresh: true, new ProbeRequest());
        var built = await ChosenAsync(a, copy, fresh: false, new ProbeRequest());

        Assert.NotEmpty(built);
        Assert.Equal(built.Order(StringComparer.Ordinal), fresh.Order(StringComparer.Ordinal));
        if (hours == 24 * 40) Assert.Equal(new[] { ArticleFileOf(a, 0), ArticleFileOf(a, 1) }.Order(StringComparer.Ordinal), fresh.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_fresh_clone_with_a_limit_probes_at_most_that_many_without_building_the_catalog()
    {
        await using var a = await ArchiveWithHistoryAsync();
        a.Clock.SetUtcNow(ProbeArchive.T0 + TimeSpan.FromHours(7));
        using var copy = new TempFolder();

        var chosen = await ChosenAsync(a, copy, fresh: true, new ProbeRequest { Limit = 2 });

        Assert.Equal(2, chosen.Count);
    }

    [Fact]
    public async Task A_fresh_clones_run_with_probes_keeps_the_catalog_deferred_when_a_removal_is_not_final()
    {
        await using var a = await ProbeArchive.StartAsync(3);
        a.Clock.SetUtcNow(ProbeArchive.T0 + TimeSpan.FromHours(2));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(a.Archive.Path, ".newsmirror"), ArchiveCatalog.FileName + "*")) File.Delete(file);

        var report = await new ArchiveRun(a.Paths, new FetchLimits(), a.Clock) { ProbeBudget = TimeSpan.FromSeconds(30) }.RunAsync([a.Source], CancellationToken.None);

        Assert.Equal(3, report.Probes!.Probes.Count);
        using var catalog = ArchiveCatalog.Open(a.Paths, [a.Source], deferFolders: true);
        Assert.True(catalog.Deferred);
    }

    [Fact]
    public async Task A_fresh_clone_lists_the_final_removals_as_the_catalog_does_without_building_it()
    {
        await using var a = await ProbeArchive.StartAsync(3);
        a.Page = (n, context) => n == 1 ? ProbeArchive.Write(context, "gone", 410) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        await a.ProbeAsync(TimeSpan.FromHours(2));
        using var copy = new TempFolder();
        CopyFolder(a.Archive.Path, copy.Path);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(copy.Path, ".newsmirror"), ArchiveCatalog.FileName + "*")) File.Delete(file);

        using var built = ArchiveCatalog.Open(a.Paths, [a.Source]);
        using var fresh = ArchiveCatalog.Open(new ArchivePaths(copy.Path), [a.Source], deferFolders: true);
        var listed = RemovalRecords.Of(built).Select(Describe).ToList();
        var listedFresh = RemovalRecords.Of(fresh).Select(Describe).ToList();

        Assert.Equal([$"t/{ArticleFileOf(a, 1)} {ProbeOutcomes.Removed} {ProbeArchive.Title(1)}"], listed.Select(l => l[..l.IndexOf('|')]));
        Assert.Equal(listed, listedFresh);
        Assert.True(fresh.Deferred);
    }

    private static string Describe(RemovalRecord r) =>
        $"{r.Folder}/{r.File} {r.Verdict} {r.Title}|{r.Link} {r.Archived:O} {r.FirstSeen:O} {r.VerdictAt:O} {r.Status} {string.Join(",", r.WarcRecords)}";

    private static string ArticleFileOf(ProbeArchive a, int n) => a.LinesOf(n)[0].File;
}
