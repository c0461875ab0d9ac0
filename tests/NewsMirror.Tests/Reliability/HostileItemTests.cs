using System.Text.RegularExpressions;
using NewsMirror.Archive;
using NewsMirror.Tests.Support;
using Xunit.Abstractions;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// Feeds that parse but whose items carry hostile links, guids, titles and image addresses: path tricks,
/// NUL bytes, huge strings, bidi marks, and addresses of the machine itself, a cloud metadata service or a local file.
/// </summary>
public partial class HostileItemTests(ITestOutputHelper output)
{
    private static readonly string Long = new('长', 10_000);

    private static readonly string[] PathTricks = ["../../outside/x", "/etc/passwd", "file:///etc/passwd", "a\0b", Long, "\u202Egpj.exe"];

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    private static RssFixtureItem Item(int n, string title, string link, string? guid = null, string body = "<p>正文</p>") =>
        new(title, link, $"Tue, 26 Mar 2024 {n % 24:00}:{n % 60:00}:01 GMT") { Guid = guid, Description = body };

    [Fact]
    public async Task Hostile_titles_links_and_guids_only_ever_become_numbered_files_in_their_folder()
    {
        await using var server = new HostileServer();
        using var archive = new ReliabilityArchive();
        archive.Seed("titles", 2);
        archive.Seed("post-ids", 1);
        var titles = new[] { "a\0b", Long, "\u200F右到左\u202E标记", "标题](javascript:alert(1))", "换\n行\r标题", "<script>alert(1)</script>", "[", "\\" };
        var items = titles.Select((t, i) => Item(i, t, $"https://news.example/t/{i}"))
            .Concat(PathTricks.Select((link, i) => Item(20 + i, $"链接 {i}", link, guid: PathTricks[^(i + 1)])))
            .ToArray();
        server.Serve("titles.xml", RssFixture.Document("titles", items));
        server.Serve("post-ids.xml", RssFixture.Document("post-ids", PathTricks
            .Select((trick, i) => Item(i, $"编号 {i}", $"https://news.example/p/{i}", guid: $"https://news.example/?p={trick}"))
            .Append(Item(30, "巨大编号", "https://news.example/p/big", guid: "https://news.example/?p=99999999999999999999")).ToArray()));
        archive.WriteSources(("titles", server.Url("titles.xml"), ""), ("post-ids", server.Url("post-ids.xml"), "    ids: wordpress-post\n"));
        var before = archive.ArticleHashes();
        var outside = archive.OutsideState();

        var result = await archive.RunAsync("--json");
        output.WriteLine(result.Stdout + result.Stderr);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        foreach (var (file, hash) in before) Assert.Equal(hash, archive.ArticleHashes()[file]);
        Assert.Equal(outside, archive.OutsideState());
        // .gitignore: the run's catalog (.newsmirror/catalog.db) is listed there so that it is never committed.
        Assert.Equal([".gitignore", ".newsmirror", "README.md", "articles", "lists", "newsmirror.yml"], Directory.GetFileSystemEntries(archive.Root).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["post-ids", "titles"], Directory.GetDirectories(archive.Combine("articles")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray());
        foreach (var folder in new[] { "titles", "post-ids" })
        {
            var files = archive.ArticleFiles(folder);
            Assert.All(files, f => Assert.Matches(NumberedFile(), Path.GetFileName(f)));
            Assert.All(files, f => ArticleFile.Parse(File.ReadAllText(f)));
            var list = ListPage.Parse(File.ReadAllText(archive.Combine("lists", folder + ".md")));
            Assert.Equal(files.Length, list.Entries.Count);
            Assert.All(list.Entries, e => Assert.True(File.Exists(archive.Combine("articles", e.Folder, e.FileName)), e.FileName));
        }
        Assert.Equal(2 + titles.Length + PathTricks.Length, archive.ArticleFiles("titles").Length);
        Assert.DoesNotContain("<script", Markdig.Markdown.ToHtml(File.ReadAllText(archive.Combine("lists", "titles.md"))));
    }

    [Fact]
    public async Task Article_pages_on_the_machine_its_network_or_disk_are_refused_without_an_allowance()
    {
        await using var server = new HostileServer();
        using var archive = new ReliabilityArchive();
        server.Serve("page", "<html><body><article><p>只在本机可见的秘密</p></article></body></html>", "text/html");
        var links = new[] { server.Url("page"), "http://169.254.169.254/latest/meta-data/", "http://[::1]:1/page", "file:///etc/passwd", "/etc/passwd", "../outside/secret.txt" };
        server.Serve("pages.xml", RssFixture.Document("pages", links.Select((l, i) => Item(i, $"页面 {i}", l)).ToArray()));
        archive.WriteSources(("pages", server.Url("pages.xml"), "    fulltext: article\n"));
        var outside = archive.OutsideState();

        var result = await archive.RunAsync("--json", "--timeout", "5");
        output.WriteLine(result.Stdout + result.Stderr);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(archive.ArticleFiles("pages"));
        Assert.Equal(["/pages.xml"], server.Requests);
        Assert.Contains("refused to connect to 127.0.0.1 (127.0.0.1 is a loopback address; allow it with the source's allow-hosts or allow-private key)", result.Stderr);
        Assert.Contains("169.254.169.254 is a link-local (cloud metadata) address", result.Stderr);
        Assert.Contains("::1 is a loopback address", result.Stderr);
        Assert.Equal(links.Length, SkippedPages().Matches(result.Stderr).Count);
        Assert.Equal(outside, archive.OutsideState());
    }

    [Fact]
    public async Task The_same_page_is_archived_once_the_source_allows_the_host()
    {
        await using var server = new HostileServer();
        using var archive = new ReliabilityArchive();
        server.Serve("page", "<html><body><article><p>只在本机可见的秘密</p></article></body></html>", "text/html");
        server.Serve("pages.xml", RssFixture.Document("pages", [Item(1, "页面", server.Url("page"))]));
        archive.WriteSources(("pages", server.Url("pages.xml"), "    fulltext: article\n    allow-hosts: [127.0.0.1]\n"));

        var result = await archive.RunAsync("--json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("只在本机可见的秘密", File.ReadAllText(Assert.Single(archive.ArticleFiles("pages"))));
    }

    [Fact]
    public async Task Images_on_the_machine_its_network_or_disk_keep_their_address_and_are_not_fetched()
    {
        await using var server = new HostileServer();
        using var archive = new ReliabilityArchive();
        server.Serve("img.png", Png, "image/png");
        var images = new[] { server.Url("img.png"), "http://169.254.169.254/latest/x.png", "http://0x7f000001:" + server.Port + "/img.png", "file:///etc/passwd", "../../outside/secret.txt" };
        var body = string.Concat(images.Select(src => $"<img src=\"{src}\">"));
        server.Serve("images.xml", RssFixture.Document("images", [Item(1, "图片", server.Url("article/1"), body: body)]));
        archive.WriteSources(("images", server.Url("images.xml"), "    images: localize\n"));
        var outside = archive.OutsideState();

        var result = await archive.RunAsync("--json", "--timeout", "5");
        output.WriteLine(result.Stdout + result.Stderr);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Single(archive.ArticleFiles("images"));
        Assert.False(Directory.Exists(archive.Combine("assets")));
        Assert.Equal(["/images.xml"], server.Requests);
        Assert.Contains("image kept at its original address (refused to connect to 127.0.0.1", result.Stderr);
        Assert.Contains("169.254.169.254 is a link-local (cloud metadata) address", result.Stderr);
        Assert.Equal(outside, archive.OutsideState());
    }

    [GeneratedRegex(@"^\d+\.md$")]
    private static partial Regex NumberedFile();

    [GeneratedRegex("skipped until the next run, article page failed")]
    private static partial Regex SkippedPages();
}
