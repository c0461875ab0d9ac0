using System.Globalization;
using System.Text;
using NewsMirror.Sources;

namespace NewsMirror.Running.Demo;

/// <summary>
/// Everything the demo serves — each outlet's feed, article pages and pictures — and the sources that point at it.
/// Every address is on the demo server, and each source may fetch pages and images from it (<c>allow-hosts</c>).
/// </summary>
public sealed class DemoContent
{
    private const string Rss = "application/rss+xml; charset=utf-8";
    private const string Html = "text/html; charset=utf-8";

    private readonly Uri _base;
    private readonly Dictionary<string, DemoResponse> _files = new(StringComparer.Ordinal);
    private readonly List<SourceConfig> _sources = [];

    private DemoContent(Uri baseUrl) => _base = baseUrl;

    /// <summary>Path on the server → answer.</summary>
    public IReadOnlyDictionary<string, DemoResponse> Files => _files;

    /// <summary>One source per outlet, in <see cref="DemoOutlet.All"/> order.</summary>
    public IReadOnlyList<SourceConfig> Sources => _sources;

    public static DemoContent Build(Uri baseUrl, DemoNews news, DateTimeOffset now)
    {
        var content = new DemoContent(baseUrl);
        for (var i = 0; i < DemoOutlet.All.Count; i++)
        {
            var outlet = DemoOutlet.All[i];
            var stories = outlet.Stories == 0 ? [] : news.Stories(i, outlet.Stories, now, TimeSpan.FromDays(10) / outlet.Stories);
            content.Add(outlet, stories, now);
        }
        return content;
    }

    private string Url(string path) => new Uri(_base, path).AbsoluteUri;

    private void Add(DemoOutlet outlet, IReadOnlyList<DemoStory> stories, DateTimeOffset now)
    {
        var feedPath = $"/feeds/{outlet.Folder}.xml";
        _sources.Add(new SourceConfig
        {
            Name = outlet.Name,
            Folder = outlet.Folder,
            Url = Url(feedPath),
            Body = outlet.Kind == DemoFeedKind.RssContentEncoded ? BodyField.Content : BodyField.Auto,
            FullText = outlet.Kind == DemoFeedKind.FullText ? DemoOutlet.FullTextSelector : null,
            Images = outlet.Images ? ImageMode.Localize : ImageMode.Keep,
            // Page and image fetches refuse loopback addresses unless the source allows them.
            AllowHosts = [_base.Host],
        });
        var feed = outlet.Kind switch
        {
            DemoFeedKind.Broken => "<!DOCTYPE html><html lang=\"zh\"><head><title>远方通讯 - 网站改版中</title></head>" +
                "<body><h1>网站改版中</h1><p>本站订阅地址已停用，敬请期待新版网站。</p></body></html>",
            DemoFeedKind.Atom => AtomFeed(outlet, stories, now),
            _ => RssFeed(outlet, stories, now),
        };
        _files[feedPath] = new DemoResponse(Encoding.UTF8.GetBytes(feed), outlet.Kind == DemoFeedKind.Broken ? Html : Rss);
        foreach (var story in stories)
        {
            if (HasImage(outlet, story)) _files[ImagePath(outlet, story)] = new DemoResponse(DemoImage.Png(outlet.Folder.Sum(c => c) * 1000 + story.Number), "image/png");
            _files[PagePath(outlet, story)] = new DemoResponse(Encoding.UTF8.GetBytes(Page(outlet, story)), Html);
        }
    }

    private static bool HasImage(DemoOutlet outlet, DemoStory story) => outlet.Images && story.Number % 3 == 1;

    private static string PagePath(DemoOutlet outlet, DemoStory story) => $"/{outlet.Folder}/{story.Published:yyyyMMdd}/{story.Number}.html";

    private static string ImagePath(DemoOutlet outlet, DemoStory story) => $"/images/{outlet.Folder}/{story.Number}.png";

    private string Body(DemoOutlet outlet, DemoStory story)
    {
        var body = new StringBuilder();
        if (HasImage(outlet, story)) body.Append("<p><img src=\"").Append(Url(ImagePath(outlet, story))).Append("\" alt=\"").Append(Escape(story.Title)).Append("\"></p>");
        foreach (var paragraph in story.Paragraphs) body.Append("<p>").Append(Escape(paragraph)).Append("</p>");
        return body.ToString();
    }

    private string Page(DemoOutlet outlet, DemoStory story) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{Escape(story.Title)} - {outlet.Name}</title></head><body>" +
        $"<nav><a href=\"/\">{outlet.Name}首页</a> | 要闻 | 财经 | 文化</nav>" +
        $"<article><h1>{Escape(story.Title)}</h1><p class=\"byline\">{outlet.Name}记者 {story.Published:yyyy-MM-dd HH:mm}</p>" +
        $"<div class=\"article-body\">{Body(outlet, story)}</div></article>" +
        "<footer>版权所有 · 未经授权不得转载</footer></body></html>";

    private string RssFeed(DemoOutlet outlet, IReadOnlyList<DemoStory> stories, DateTimeOffset now)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n")
            .Append($"<title>{outlet.Name}</title><link>{Url("/" + outlet.Folder + "/")}</link><description>{outlet.Name}新闻</description>")
            .Append($"<language>zh-cn</language><lastBuildDate>{Rfc822(now)}</lastBuildDate>\n");
        foreach (var story in stories)
        {
            var link = Url(PagePath(outlet, story));
            xml.Append("<item><title>").Append(Escape(story.Title)).Append("</title><link>").Append(link).Append("</link>")
                .Append("<guid isPermaLink=\"true\">").Append(link).Append("</guid><pubDate>").Append(Rfc822(story.Published)).Append("</pubDate>");
            var summary = Escape(story.Paragraphs[0]);
            switch (outlet.Kind)
            {
                case DemoFeedKind.RssContentEncoded:
                    xml.Append("<description>").Append(summary).Append("</description><content:encoded><![CDATA[").Append(Body(outlet, story)).Append("]]></content:encoded>");
                    break;
                case DemoFeedKind.FullText:
                    xml.Append("<description>").Append(summary).Append("</description>");
                    break;
                default:
                    xml.Append("<description><![CDATA[").Append(Body(outlet, story)).Append("]]></description>");
                    break;
            }
            xml.Append("</item>\n");
        }
        return xml.Append("</channel></rss>\n").ToString();
    }

    private string AtomFeed(DemoOutlet outlet, IReadOnlyList<DemoStory> stories, DateTimeOffset now)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n")
            .Append($"<title>{outlet.Name}</title><id>{Url("/" + outlet.Folder + "/")}</id><updated>{Rfc3339(now)}</updated>")
            .Append($"<link href=\"{Url("/" + outlet.Folder + "/")}\"/><author><name>{outlet.Name}编辑部</name></author>\n");
        foreach (var story in stories)
        {
            var link = Url(PagePath(outlet, story));
            xml.Append("<entry><title>").Append(Escape(story.Title)).Append("</title><link href=\"").Append(link).Append("\"/>")
                .Append("<id>").Append(link).Append("</id><published>").Append(Rfc3339(story.Published)).Append("</published>")
                .Append("<updated>").Append(Rfc3339(story.Published)).Append("</updated>")
                .Append("<content type=\"html\">").Append(Escape(Body(outlet, story))).Append("</content></entry>\n");
        }
        return xml.Append("</feed>\n").ToString();
    }

    private static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
