using System.Security;
using System.Text;
using NewsMirror.Bench.Archives;
using NewsMirror.Bench.Synthetic;
using NewsMirror.Sources;

namespace NewsMirror.Bench.Loopback;

/// <summary>
/// The nine built-in outlets' feeds on the loopback server, shaped as each outlet publishes them (RSS 2.0,
/// CDATA descriptions, content:encoded for 自由亚洲电台, ?p= guids, 【】 categories and article pages for
/// 中国数字时代), and the sources file that points NewsMirror at them.
/// </summary>
internal sealed class OutletFeeds(FeedServer server)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Serves each outlet's feed: its <paramref name="known"/> newest articles of a <see cref="SyntheticArchive"/> of
    /// <paramref name="archived"/> articles (ids and links as generated), then <paramref name="fresh"/> items it lacks.
    /// </summary>
    public void Serve(int archived, int known, int fresh, int seed)
    {
        server.Clear();
        var sources = SyntheticArchive.Sources;
        int perFolder = archived / sources.Count;
        for (int f = 0; f < sources.Count; f++)
        {
            var source = sources[f];
            int count = f == 0 ? archived - perFolder * (sources.Count - 1) : perFolder;
            var text = new NewsText(seed * 31 + f);
            var now = DateTimeOffset.UtcNow;
            var xml = new StringBuilder();
            xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<title>")
                .Append(SecurityElement.Escape(source.Name)).Append("</title>\n<link>https://www.example.com/</link>\n<description>bench</description>\n");
            for (int i = 0; i < fresh; i++)
            {
                var link = $"https://www.example.com/{source.Folder}/new/{seed}-{i}.html";
                bool english = i % 5 == 0;
                var body = text.FeedBody(source.Folder, 4 + i % 10, english);
                if (source.FullText is not null)
                    link = server.Put($"/pages/{source.Folder}/{seed}-{i}.html", Utf8.GetBytes(Page(text.Title(english), body)), "text/html; charset=utf-8");
                AppendItem(xml, source, text.Title(english), link, WordPressGuid(source, 900_000 + seed * 1000 + i) ?? link, now.AddMinutes(-i), body);
            }
            for (int i = count - 1; i >= Math.Max(0, count - known); i--)
            {
                // Known items come back unchanged: the archived guid, link and title, the body the log's hash was taken of.
                var link = SyntheticArchive.Link(source.Folder, i);
                var title = SyntheticArchive.Title(source.Folder, i);
                long id = NewsMirror.Archive.ArticleId.FirstId - i;
                AppendItem(xml, source, title, link, WordPressGuid(source, 0xFFFFF ^ id) ?? link, now.AddDays(-1).AddMinutes(-i), SyntheticArchive.FeedBody(title));
            }
            server.Put(FeedPath(source), Utf8.GetBytes(xml.Append("</channel>\n</rss>\n").ToString()), "application/rss+xml; charset=utf-8");
        }
    }

    /// <summary>
    /// A newsmirror.yml pointing each built-in outlet at its loopback feed, article pages allowed from 127.0.0.1;
    /// <paramref name="cleanup"/> (a <c>cleanup:</c> keyword) is written into each entry when given.
    /// </summary>
    public string SourcesFile(string? cleanup = null)
    {
        var yaml = new StringBuilder("sources:\n");
        foreach (var source in SyntheticArchive.Sources)
        {
            yaml.Append("  - name: ").Append(source.Name).Append("\n    url: ").Append(server.BaseUrl).Append(FeedPath(source)).Append("\n    allow-hosts: [127.0.0.1]\n");
            if (cleanup is not null) yaml.Append("    cleanup: ").Append(cleanup).Append('\n');
        }
        return yaml.ToString();
    }

    public static string FeedPath(SourceConfig source) => $"/feeds/{source.Folder}.xml";

    public static string? WordPressGuid(SourceConfig source, long post) =>
        source.Ids == IdScheme.WordPressPost ? $"https://chinadigitaltimes.net/chinese/?p={post}" : null;

    public static void AppendItem(StringBuilder xml, SourceConfig source, string title, string link, string guid, DateTimeOffset published, string body)
    {
        xml.Append("<item>\n<title>").Append(SecurityElement.Escape(title)).Append("</title>\n<link>").Append(SecurityElement.Escape(link))
            .Append("</link>\n<guid isPermaLink=\"false\">").Append(SecurityElement.Escape(guid)).Append("</guid>\n<pubDate>")
            .Append(published.ToString("r")).Append("</pubDate>\n");
        if (source.Categories == CategoryRule.SymbolOrEmoji) xml.Append("<category>【墙内】</category>\n");
        xml.Append("<description><![CDATA[").Append(body).Append("]]></description>\n");
        if (source.Body == BodyField.Content) xml.Append("<content:encoded><![CDATA[").Append(body).Append("]]></content:encoded>\n");
        xml.Append("</item>\n");
    }

    public static string Page(string title, string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{SecurityElement.Escape(title)}</title><script>var ga=1;</script></head>" +
        $"<body><header><nav><a href=\"/\">首页</a></nav></header><article><h1>{SecurityElement.Escape(title)}</h1><div class=\"post-content\">{body}</div></article>" +
        "<footer>版权所有</footer></body></html>";
}
