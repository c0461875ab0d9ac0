using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Tests.Archive;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;
using NewsMirror.Archive.Layouts.Jekyll;

namespace NewsMirror.Tests.Catalog;

/// <summary>`newsmirror import` of archives made by the reference script and its variants, then runs that continue them.</summary>
public class ImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every variant and anomaly in one archive: 7- and 6-digit ids, old names, NaN, junk, duplicates, collisions, Jekyll posts.</summary>
    private static void WriteVariants(string root)
    {
        void Write(string relative, string text)
        {
            var path = Path.Combine([root, .. relative.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        string Article(long? ms, string title, string link) => ArticleFile.Render(new ArticleRecord(ms, title, link, $"<p>{title}的正文</p>"));
        Write("articles/rfi/1000001.md", Article(1695719701000, "七位一", "https://www.rfi.fr/cn/a"));
        Write("articles/rfi/1000000.md", Article(1695719701000, "七位二", "https://www.rfi.fr/cn/b"));
        Write("articles/rfi/999999.md", Article(1698488101000, "六位一", "https://www.rfi.fr/cn/c"));
        Write("articles/rfi/999998_ 旧的: 名字 .md", Article(1699024501000, "旧的: 名字", "https://www.rfi.fr/cn/d"));
        Write("articles/rfi/999997.md", Article(null, "没有日期", "https://www.rfi.fr/cn/e"));
        Write("articles/rfi/999996.md", "<!--1699024501000-->\nthis is not a header\n");
        Write("articles/rfi/999995.md", Article(1699024501000, "六位一（重复）", "http://www.rfi.fr/cn/c#again"));
        Write("articles/rfi/999994.md", Article(1699024501000, "同号一", "https://www.rfi.fr/cn/f"));
        Write("articles/rfi/999994_同号二.md", Article(1699024501000, "同号二", "https://www.rfi.fr/cn/g"));
        Write("_posts/2024-03-26-对 AMD Zen 的攻击.md", JekyllPost.Render(
            new ArticleRecord(1711465827000, "对 AMD Zen 的攻击", "https://www.solidot.org/story?sid=1", "<p>RowHammer 比特翻转</p>\n<p>第二行</p>"),
            "Solidot", Now));
        Write("_posts/-欢迎订阅.md", "---\nlayout: post\ntitle: \"欢迎订阅\"\ndate: \nauthor: x\nfrom: https://example.org/\ntags: [ x ]\ncategories: [ x ]\n---\n\n<div>欢迎</div>\n");
    }

    [SkippableFact]
    public void Every_variant_is_indexed_and_every_anomaly_reported_with_its_path()
    {
        using var archive = new TestArchive();
        WriteVariants(archive.Root);
        using var catalog = archive.Open();

        var (folders, total) = ArchiveImport.Plan(catalog);
        var report = ArchiveImport.Run(catalog, folders, Now);

        Assert.Equal(11, total);
        Assert.Equal(
            new[]
            {
                ("articles/rfi/999996.md", ProblemKinds.Unparsable),
                ("articles/rfi/999997.md", ProblemKinds.NaNDate),
                ("articles/rfi/999994_同号二.md", ProblemKinds.IdCollision),
                ("articles/rfi/999995.md", ProblemKinds.DuplicateArticle),
                ("_posts/-欢迎订阅.md", ProblemKinds.Malformed),
            }.OrderBy(p => p.Item1, StringComparer.Ordinal),
            report.Anomalies.Select(a => (a.Path, a.Kind)).OrderBy(p => p.Path, StringComparer.Ordinal));
        Assert.Equal([("_posts", 2, 2, 0), ("rfi", 9, 9, 8)], report.Folders.Select(f => (f.Folder, f.Files, f.Articles, f.LogLinesWritten)));

        var logged = LogState.Read(archive.Paths.IdentityLog("rfi"));
        Assert.Equal(8, logged.Count);
        Assert.DoesNotContain("999996.md", logged.Keys);
        Assert.Equal("旧的: 名字", logged["999998_ 旧的: 名字 .md"].Title);
        Assert.All(logged.Values, e => Assert.Equal(IdentityLogEntry.Origins.Found, e.Origin));

        var rfi = catalog.Folder("rfi");
        Assert.Equal(999994, rfi.SmallestId);
        Assert.Equal(9, rfi.Count);
        CatalogSearchIndex.IndexPending(catalog);
        Assert.Equal(["_posts/2024-03-26-对 AMD Zen 的攻击.md"], ArchiveSearch.Run(catalog, new SearchRequest("比特翻转")).Hits.Select(h => h.File));
    }

    [SkippableFact]
    public void Importing_twice_writes_no_second_log_line()
    {
        using var archive = new TestArchive();
        WriteVariants(archive.Root);
        using var catalog = archive.Open();
        ArchiveImport.Run(catalog, ArchiveImport.Plan(catalog).Folders, Now);
        var log = File.ReadAllText(archive.Paths.IdentityLog("rfi"));

        var again = ArchiveImport.Run(catalog, ArchiveImport.Plan(catalog).Folders, Now);

        Assert.All(again.Folders, f => Assert.Equal(0, f.LogLinesWritten));
        Assert.Equal(log, File.ReadAllText(archive.Paths.IdentityLog("rfi")));
    }

    [SkippableFact]
    public async Task After_importing_variants_a_run_continues_below_the_smallest_id_without_duplicates()
    {
        await using var m = await MirrorFixture.StartAsync();
        WriteVariants(m.Archive.Path);
        var import = await CliProcess.RunAsync(m.Archive.Path, "import", "--json");
        Assert.True(import.ExitCode == 0, import.Stderr);
        using (var json = JsonDocument.Parse(import.Stdout))
        {
            Assert.Equal(11, json.RootElement.GetProperty("articles").GetInt32());
            Assert.Equal(5, json.RootElement.GetProperty("anomalies").GetArrayLength());
        }
        // Redirected output gets plain progress lines, never a bar.
        Assert.Contains("reading articles: done (11)", import.Stderr);

        m.ServeFeed("rfi",
            new RssFixtureItem("新文章", "https://www.rfi.fr/cn/new", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>新</p>" },
            new RssFixtureItem("六位一", "https://www.rfi.fr/cn/c", "Sat, 28 Oct 2023 10:15:01 GMT") { Description = "<p>c</p>" },
            new RssFixtureItem("没有日期", "https://www.rfi.fr/cn/e", "not a date") { Description = "<p>e</p>" });
        var run = await m.RunAsync("--only", "rfi", "--json");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, report.RootElement.GetProperty("new").GetInt32());
        Assert.Contains("[新文章](https://www.rfi.fr/cn/new)", m.Read("articles/rfi/999993.md"));
        Assert.Equal(10, Directory.GetFiles(m.Archive.Combine("articles", "rfi")).Length);
    }

    [SkippableFact]
    public async Task The_reference_archive_imports_and_a_run_continues_it()
    {
        var corpus = SharedCorpus.Root;
        await using var m = await MirrorFixture.StartAsync();
        CopyDirectory(Path.Combine(corpus, "duty-machine-news"), m.Archive.Path);
        var expected = Directory.GetDirectories(m.Archive.Combine("articles"))
            .ToDictionary(d => Path.GetFileName(d), d => Directory.GetFiles(d).Length);

        var import = await CliProcess.RunAsync(m.Archive.Path, "import", "--json");

        Assert.True(import.ExitCode == 0, import.Stderr);
        using (var json = JsonDocument.Parse(import.Stdout))
        {
            var folders = json.RootElement.GetProperty("folders").EnumerateArray()
                .ToDictionary(f => f.GetProperty("folder").GetString()!, f => f.GetProperty("articles").GetInt32());
            Assert.Equal(expected, folders);
            var anomalies = json.RootElement.GetProperty("anomalies").EnumerateArray()
                .Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("path").GetString())).ToList();
            Assert.Contains((ProblemKinds.IdCollision, "articles/中国数字时代/392261_综合 | 香港警方重新定义传媒采访资格 拒认记协记者证.md"), anomalies);
            Assert.Contains((ProblemKinds.DuplicateArticle, "articles/自由亚洲电台/1047551_效法美国防止尖端技术流向中国 日本拟严审留学生签证.md"), anomalies);
        }

        var known = ArticleFile.ReadHeader(m.Archive.Combine("articles", "rfi", "999999.md"));
        m.ServeFeed("rfi",
            new RssFixtureItem(known.Title, known.Link, "Sat, 28 Oct 2023 10:15:01 GMT") { Description = "<p>旧</p>" },
            new RssFixtureItem("新文章", "https://www.rfi.fr/cn/new", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>新</p>" });
        var run = await m.RunAsync("--only", "rfi", "--json");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var report = JsonDocument.Parse(run.Stdout);
        var rfi = report.RootElement.GetProperty("sources")[0];
        Assert.Equal(1, rfi.GetProperty("new").GetInt32());
        Assert.Equal(1, rfi.GetProperty("known").GetInt32());
        Assert.Contains("[新文章]", m.Read("articles/rfi/999997.md"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
