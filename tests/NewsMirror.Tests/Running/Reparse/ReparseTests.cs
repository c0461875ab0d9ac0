using System.Security.Cryptography;
using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Reparse;

/// <summary>
/// <c>newsmirror reparse</c> through real parts: runs against a loopback server under a crippling configuration keep
/// their captures, and a reparse under the repaired configuration recovers what they skipped from those captures alone.
/// </summary>
public class ReparseTests
{
    private const string Crippled = "    exclude:\n      title: 广告\n";

    private static string Sources(LoopbackServer server, string rfiKeys, string dwKeys = "") =>
        "sources:\n" +
        $"  - name: 法广\n    url: {server.Url("rfi.xml")}\n    folder: rfi\n    cleanup: none\n    allow-hosts: [127.0.0.1]\n" + rfiKeys +
        $"  - name: 德国之声\n    url: {server.Url("dw.xml")}\n    folder: dw\n    cleanup: none\n    allow-hosts: [127.0.0.1]\n" + dwKeys;

    private static RssFixtureItem Item(int n, string title) =>
        new(title, $"https://www.rfi.fr/cn/{n}", $"Tue, 26 Mar 2024 0{n}:45:01 GMT") { Description = $"<p>第{n}篇的内容</p>" };

    /// <summary>Every file of the archive but the catalog and the raw captures, with its sha256.</summary>
    private static Dictionary<string, string> Hashes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".newsmirror/catalog.db", StringComparison.Ordinal) && !f.StartsWith(".newsmirror/warc/", StringComparison.Ordinal)
                && !f.StartsWith(".newsmirror/lock", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))));

    [Fact]
    public async Task Reparse_archives_the_items_a_crippled_configuration_skipped_changes_no_existing_file_and_adds_nothing_the_second_time()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new TempFolder();
        var yml = archive.Combine("newsmirror.yml");
        File.WriteAllText(yml, Sources(server, Crippled));
        server.Serve("dw.xml", RssFixture.Document("德国之声", []));
        // Two captures: the second feed drops one skipped item and brings a new one of each kind.
        server.Serve("rfi.xml", RssFixture.Document("法广", [Item(1, "新闻一"), Item(2, "广告二"), Item(3, "新闻三"), Item(4, "广告四")]));
        var first = await CliProcess.RunAsync(archive.Path, "run");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        server.Serve("rfi.xml", RssFixture.Document("法广", [Item(3, "新闻三"), Item(4, "广告四"), Item(5, "新闻五"), Item(6, "广告六")]));
        var second = await CliProcess.RunAsync(archive.Path, "run");
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        var archived = Hashes(archive.Path);
        Assert.Equal(3, archived.Keys.Count(k => k.StartsWith("articles/rfi/", StringComparison.Ordinal)));

        File.WriteAllText(yml, Sources(server, ""));
        var afterConfig = Hashes(archive.Path);
        var log = archive.Combine(".newsmirror", "log", "rfi.jsonl");
        var logBefore = File.ReadAllText(log);
        var requests = server.Requests.Count;
        var dry = await CliProcess.RunAsync(archive.Path, "reparse", "--dry-run", "--json");

        Assert.True(dry.ExitCode == 0, dry.Stdout + dry.Stderr);
        using (var report = JsonDocument.Parse(dry.Stdout))
        {
            var rfi = report.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("folder").GetString() == "rfi");
            Assert.Equal(2, rfi.GetProperty("captures").GetInt32());
            Assert.Equal(new[] { "广告二", "广告四", "广告六" }.Order(StringComparer.Ordinal), rfi.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
            Assert.True(report.RootElement.GetProperty("dryRun").GetBoolean());
        }
        Assert.Equal(afterConfig, Hashes(archive.Path));

        var reparse = await CliProcess.RunAsync(archive.Path, "reparse", "--source", "rfi", "--json");

        Assert.True(reparse.ExitCode == 0, reparse.Stdout + reparse.Stderr);
        Assert.Equal(requests, server.Requests.Count);
        var after = Hashes(archive.Path);
        foreach (var (file, hash) in afterConfig.Where(f => !f.Key.StartsWith(".newsmirror/log/", StringComparison.Ordinal) && !f.Key.StartsWith("lists/", StringComparison.Ordinal) && f.Key != "README.md"))
            Assert.True(after.GetValueOrDefault(file) == hash, $"{file} changed");
        var added = after.Keys.Where(k => k.StartsWith("articles/rfi/", StringComparison.Ordinal)).Except(archived.Keys).ToList();
        Assert.Equal(3, added.Count);
        Assert.Equal(new[] { "广告二", "广告四", "广告六" }.Order(StringComparer.Ordinal), added.Select(f => File.ReadAllText(archive.Combine(f.Split('/')))).Select(TitleOf).Order(StringComparer.Ordinal));
        // The identity log only grew, by a line per article: the lines the runs wrote are kept as they were.
        var logAfter = File.ReadAllText(log);
        Assert.StartsWith(logBefore, logAfter);
        Assert.Equal(3, logAfter[logBefore.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using (var report = JsonDocument.Parse(reparse.Stdout))
            Assert.Equal(3, report.RootElement.GetProperty("added").GetInt32());
        var verify = await CliProcess.RunAsync(archive.Path, "verify", "--json");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        var again = await CliProcess.RunAsync(archive.Path, "reparse", "--json");

        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        using (var report = JsonDocument.Parse(again.Stdout))
        {
            Assert.Equal(0, report.RootElement.GetProperty("added").GetInt32());
            Assert.All(report.RootElement.GetProperty("sources").EnumerateArray(), s => Assert.Empty(s.GetProperty("items").EnumerateArray()));
        }
        Assert.Equal(after, Hashes(archive.Path));
    }

    private static string TitleOf(string article) => NewsMirror.Archive.ArticleFile.TryParse(article, out var record) ? record.Title : "(not an article file)";

    private static string Page(string text) =>
        "<!doctype html><html lang=\"zh\"><head><title>页面</title></head><body><article><h1>标题</h1>" +
        string.Concat(Enumerable.Repeat($"<p>{text}：记者从现场了解到，这是一段足够长的正文内容，用来让可读性算法认出文章主体。</p>", 6)) + "</article></body></html>";

    [Fact]
    public async Task A_full_text_source_takes_captured_pages_and_names_an_item_whose_page_was_never_captured_without_fetching_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new TempFolder();
        var yml = archive.Combine("newsmirror.yml");
        var fullText = "    fulltext: readability\n";
        // dw archives the shared item (so its page is captured); rfi, crippled, skips it and the item only it carries.
        File.WriteAllText(yml, Sources(server, fullText + Crippled, fullText));
        var shared = new RssFixtureItem("广告共享", server.Url("p/shared.html"), "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>摘要</p>" };
        var only = new RssFixtureItem("广告独有", server.Url("p/only.html"), "Tue, 26 Mar 2024 09:45:01 GMT") { Description = "<p>摘要</p>" };
        server.Serve("rfi.xml", RssFixture.Document("法广", [shared, only]));
        server.Serve("dw.xml", RssFixture.Document("德国之声", [shared]));
        server.Serve("p/shared.html", Page("共享页面全文"), "text/html; charset=utf-8");
        server.Serve("p/only.html", Page("独有页面全文"), "text/html; charset=utf-8");
        var run = await CliProcess.RunAsync(archive.Path, "run");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.DoesNotContain("/p/only.html", server.Requests);

        File.WriteAllText(yml, Sources(server, fullText, fullText));
        var requests = server.Requests.Count;
        var reparse = await CliProcess.RunAsync(archive.Path, "reparse", "--source", "法广", "--json");

        Assert.True(reparse.ExitCode == 0, reparse.Stdout + reparse.Stderr);
        Assert.Equal(requests, server.Requests.Count);
        using var report = JsonDocument.Parse(reparse.Stdout);
        var rfi = report.RootElement.GetProperty("sources").EnumerateArray().Single();
        var items = rfi.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("file").GetString());
        var file = items["广告共享"];
        Assert.NotNull(file);
        Assert.Contains("共享页面全文", File.ReadAllText(archive.Combine(file!.Split('/'))));
        Assert.Null(items["广告独有"]);
        Assert.Contains(rfi.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!),
            w => w.Contains(server.Url("p/only.html"), StringComparison.Ordinal) && w.Contains("not in the raw captures", StringComparison.Ordinal));
        Assert.Equal(1, report.RootElement.GetProperty("added").GetInt32());
    }
}
