using System.IO.Compression;
using System.Text;
using NewsMirror.Evidence.Warc;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Warc;

/// <summary>Runs through a loopback server keep what they fetched as WARC/1.1, read back by warcio and by our reader.</summary>
public class WarcCaptureTests
{
    private static string Page(string text) =>
        $"<!doctype html><html lang=\"zh\"><head><title>页面</title></head><body><article><h1>标题</h1>{string.Concat(Enumerable.Repeat($"<p>{text}：记者从现场了解到，这是一段足够长的正文内容，用来让可读性算法认出文章主体。</p>", 6))}</article></body></html>";

    [Fact]
    public async Task A_run_keeps_each_feed_page_and_redirect_as_a_request_and_response_pair_that_warcio_reads_with_matching_digests()
    {
        await using var m = await MirrorFixture.StartAsync("    fulltext: readability\n" + MirrorFixture.AllowLoopback);
        var feed = RssFixture.Document(MirrorFixture.Names["voa"], [
            new RssFixtureItem("第一篇", m.Server.Url("p/1.html"), "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>摘要一</p>" },
            new RssFixtureItem("第二篇", m.Server.Url("old/2.html"), "Tue, 26 Mar 2024 09:45:01 GMT") { Description = "<p>摘要二</p>" },
        ]);
        // Sent gzip-encoded: the capture keeps the decoded document, and says so by carrying no Content-Encoding.
        m.Server.Handle("voa.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(feed));
        });
        m.Server.Serve("p/1.html", Page("一"), "text/html; charset=utf-8");
        m.Server.Serve("p/2.html", Page("二"), "text/html; charset=utf-8");
        m.Server.Handle("old/2.html", context =>
        {
            context.Response.Redirect(m.Server.Url("p/2.html"));
            return Task.CompletedTask;
        });

        var result = await m.RunAsync("--only", "voa");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var file = Assert.Single(Directory.GetFiles(m.Archive.Combine(".newsmirror", "warc"), "*", SearchOption.AllDirectories));
        var today = DateTime.UtcNow;
        Assert.Equal(Path.Combine(m.Archive.Path, ".newsmirror", "warc", today.ToString("yyyy"), today.ToString("MM"), today.ToString("dd") + "-0.warc.gz"), file);
        var report = WarcioCheck.Files(file);
        Assert.True(report.Problems.Count == 0, report.Json);
        var records = report.Files[file];
        Assert.Equal("warcinfo", records[0].Type);
        Assert.All(records.Skip(1), r => Assert.Equal(records[0].Id, r.Warcinfo));
        var responses = records.Where(r => r.Type == "response").ToList();
        Assert.Equal(
            new[] { (m.Server.Url("old/2.html"), 302), (m.Server.Url("p/1.html"), 200), (m.Server.Url("p/2.html"), 200), (m.Server.Url("voa.xml"), 200) },
            responses.Select(r => (r.Uri!, r.Status!.Value)).Order());
        foreach (var response in responses)
        {
            var request = Assert.Single(records, r => r.Type == "request" && r.ConcurrentTo.SequenceEqual([response.Id]));
            Assert.Equal(response.Uri, request.Uri);
            Assert.Equal([request.Id], response.ConcurrentTo);
        }

        var captured = WarcReader.Read(file).Select(r => CapturedResponse.From(r, file)).OfType<CapturedResponse>()
            .Single(r => r.Target.AbsoluteUri == m.Server.Url("voa.xml"));
        Assert.Equal(Encoding.UTF8.GetBytes(feed), captured.Body);
        Assert.Null(captured.Header("Content-Encoding"));
        Assert.Equal(captured.Body.Length.ToString(), captured.Header("Content-Length"));
        Assert.Contains(WarcFolder.IgnorePattern, File.ReadAllLines(m.Archive.Combine(".gitignore")));
    }

    [Fact]
    public async Task Raw_off_keeps_nothing_and_raw_commit_commits_the_run_s_capture_file()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("rfi", new RssFixtureItem("法广新闻", "https://www.rfi.fr/cn/a1", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>内容</p>" });
        var yml = m.Archive.Combine("newsmirror.yml");
        var sources = File.ReadAllText(yml);
        File.WriteAllText(yml, "raw: off\n" + sources);

        var off = await m.RunAsync("--only", "rfi");

        Assert.True(off.ExitCode == 0, off.Stdout + off.Stderr);
        Assert.True(m.Exists("articles/rfi/1048574.md"));
        Assert.False(Directory.Exists(m.Archive.Combine(".newsmirror", "warc")));
        Assert.DoesNotContain(WarcFolder.IgnorePattern, File.ReadAllLines(m.Archive.Combine(".gitignore")));

        File.WriteAllText(yml, "raw: commit\n" + sources);
        using var git = new TestGit();
        git.InitWithFiles(m.Archive.Path, new Dictionary<string, string>());
        var commit = await CliProcess.RunAsync(m.Archive.Path, git.Environment, "run", "--only", "rfi", "--commit");

        Assert.True(commit.ExitCode == 0, commit.Stdout + commit.Stderr);
        var committed = git.Run(m.Archive.Path, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var warc = Assert.Single(committed, f => f.StartsWith(".newsmirror/warc/", StringComparison.Ordinal));
        Assert.EndsWith("-0.warc.gz", warc);
        Assert.Empty(WarcioCheck.Files(m.Archive.Combine(warc.Split('/'))).Problems);
        Assert.Empty(git.Run(m.Archive.Path, "status", "--porcelain", "--untracked-files=all").Trim());
    }

    [Fact]
    public void The_raw_setting_names_its_values_when_given_another()
    {
        var error = Assert.Throws<NewsMirror.Sources.SourcesFileException>(() =>
            NewsMirror.Sources.SourcesFile.ParseConfig("raw: always\nsources:\n  - name: a\n    url: https://example.org/feed\n    folder: a\n", "newsmirror.yml"));
        Assert.Contains("raw", error.Message);
        Assert.Contains("local | commit | off", error.Message);
        Assert.Equal(NewsMirror.Sources.RawCapture.Local,
            NewsMirror.Sources.SourcesFile.ParseConfig("sources:\n  - name: a\n    url: https://example.org/feed\n    folder: a\n", "newsmirror.yml").Settings.Raw);
    }
}
