using System.Xml.Linq;

namespace NewsMirror.Tests.Publishing;

public class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static TestArchive Archive()
    {
        var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙 源", "乙 源");
        archive.Write("a", 10, "标题 <b>&\"'", "<p>正文<script>alert(1)</script></p>\u0001", TestArchive.BaseMs);
        archive.Write("a", 11, "没有时间", "", timestampMs: null);
        archive.Write("乙 源", 10, "乙的文章 [x] (y)", "<img src=\"i.png\"><p>图</p>", TestArchive.BaseMs - 1000, link: "https://example.org/乙?id=1");
        return archive;
    }

    private static void AssertValidFeed(XDocument feed, int entries)
    {
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "id")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")?.Value));
        DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value);
        Assert.NotNull(root.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var all = root.Elements(Atom + "entry").ToList();
        Assert.Equal(entries, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in all)
        {
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value);
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate" && l.Attribute("href") is not null);
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", (string?)content.Attribute("type"));
            Assert.DoesNotContain("<script", content.Value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_site_feed_and_each_source_feed_are_valid_atom_with_full_sanitized_content()
    {
        using var archive = Archive();
        archive.Build();

        var site = XDocument.Load(archive.SitePath("feed.xml"));
        AssertValidFeed(site, 3);
        AssertValidFeed(XDocument.Load(archive.SitePath("sources/a/feed.xml")), 2);
        AssertValidFeed(XDocument.Load(archive.SitePath("sources/乙 源/feed.xml")), 1);

        var entry = site.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == "标题 <b>&\"'");
        Assert.Contains("<p>正文</p>", entry.Element(Atom + "content")!.Value);
        Assert.Equal("2024-03-26T09:00:00Z", entry.Element(Atom + "published")!.Value);
    }

    [Fact]
    public void Without_a_base_url_feed_links_are_relative_to_the_feed_file_and_point_at_existing_pages()
    {
        using var archive = Archive();
        archive.Build();

        foreach (var feedPath in new[] { "feed.xml", "sources/乙 源/feed.xml" })
        {
            var feed = XDocument.Load(archive.SitePath(feedPath));
            var links = feed.Descendants(Atom + "link").Where(l => (string?)l.Attribute("rel") is "alternate" or "self")
                .Select(l => l.Attribute("href")!.Value).ToList();
            Assert.NotEmpty(links);
            foreach (var href in links)
            {
                Assert.False(Uri.TryCreate(href, UriKind.Absolute, out _), href);
                Assert.True(File.Exists(archive.SitePath(SiteHtml.Resolve(feedPath, href))), $"{feedPath}: {href}");
            }
        }
    }

    [Fact]
    public void With_a_base_url_feed_ids_and_links_are_absolute_below_it()
    {
        using var archive = Archive();
        archive.Build(new Uri("https://mirror.example/news/"));

        var feed = XDocument.Load(archive.SitePath("sources/乙 源/feed.xml"));

        Assert.Equal("https://mirror.example/news/sources/%E4%B9%99%20%E6%BA%90/feed.xml", feed.Root!.Element(Atom + "id")!.Value);
        var alternate = feed.Root.Element(Atom + "entry")!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
        Assert.Equal("https://mirror.example/news/articles/%E4%B9%99%20%E6%BA%90/10.html", alternate.Attribute("href")!.Value);
        var via = feed.Root.Element(Atom + "entry")!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "via");
        Assert.Equal("https://example.org/乙?id=1", via.Attribute("href")!.Value);
    }
}
