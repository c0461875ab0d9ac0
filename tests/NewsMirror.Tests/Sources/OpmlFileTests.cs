using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class OpmlFileTests
{
    [Fact]
    public void Export_then_import_keeps_names_urls_and_folders()
    {
        var sources = BuiltInSources.All.Append(new SourceConfig { Name = "A & <B> \"C\"", Folder = "abc", Url = "https://example.org/feed?a=1&b=2" }).ToList();

        var feeds = OpmlFile.Read(OpmlFile.Write(sources, DateTimeOffset.UnixEpoch));

        Assert.Equal(sources.Select(s => (s.Name, s.Url, (string?)s.Folder)), feeds.Select(f => (f.Name, f.Url, f.Folder)));
    }

    [Fact]
    public void Export_writes_opml_2_with_folders_as_categories()
    {
        var opml = OpmlFile.Write([BuiltInSources.Find("法广")!], DateTimeOffset.UnixEpoch);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">", opml.Replace("\r\n", "\n"));
        Assert.Contains("<outline type=\"rss\" text=\"法广\" title=\"法广\" xmlUrl=\"https://feedx.net/rss/rfi.xml\" category=\"/rfi\" />", opml);
        Assert.Contains("<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>", opml);
    }

    [Fact]
    public void Import_flattens_nested_outlines_and_reads_the_first_category_path()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="1.0"><head><title>Reader export</title></head><body>
              <outline text="News">
                <outline text="BBC 中文" type="rss" xmlUrl="https://feeds.bbci.co.uk/zhongwen/simp/rss.xml" category="/news/bbc,/tags/uk"/>
                <outline title="Only a title" xmlUrl="https://example.org/a.xml"/>
              </outline>
              <outline text="Not a feed" htmlUrl="https://example.org/"/>
            </body></opml>
            """;

        var feeds = OpmlFile.Read(opml);

        Assert.Equal([
            new OpmlFeed("BBC 中文", "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "bbc"),
            new OpmlFeed("Only a title", "https://example.org/a.xml", null),
        ], feeds);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"></rss>", "not an OPML document")]
    [InlineData("<opml><body>", "not valid XML")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x \"y\">]><opml version=\"2.0\"><body/></opml>", "not valid XML")]
    public void Anything_else_is_refused(string text, string problem)
    {
        var e = Assert.Throws<FormatException>(() => OpmlFile.Read(text));
        Assert.Contains(problem, e.Message);
    }
}
