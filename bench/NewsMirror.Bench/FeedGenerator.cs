using System.Text;
using NewsMirror.Bench.Synthetic;

namespace NewsMirror.Bench;

/// <summary>Builds realistic RSS 2.0 feeds in memory: Chinese titles and HTML bodies, CDATA and escaped markup, entities.</summary>
internal static class FeedGenerator
{
    /// <summary>Items with long HTML bodies (description in CDATA, content:encoded escaped) until the document reaches <paramref name="targetBytes"/>.</summary>
    public static byte[] LargeChineseFeed(int targetBytes, out int itemCount) =>
        Build(targetBytes, paragraphs: 12, out itemCount);

    /// <summary>Many small items (a title, a link, a one-line description).</summary>
    public static byte[] ManySmallItems(int targetBytes, out int itemCount) =>
        Build(targetBytes, paragraphs: 0, out itemCount);

    private static byte[] Build(int targetBytes, int paragraphs, out int itemCount)
    {
        var random = new Random(20240326);
        var text = new NewsText(20240326);
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        xml.Append("<title>法广 RFI - 中文</title>\n<link>https://www.rfi.fr/cn/</link>\n<description>RFI 中文新闻</description>\n<language>zh-CN</language>\n");
        itemCount = 0;
        var start = new DateTimeOffset(2024, 3, 26, 9, 42, 0, TimeSpan.Zero);
        while (Encoding.UTF8.GetByteCount(xml.ToString()) < targetBytes)
        {
            for (var batch = 0; batch < 50; batch++, itemCount++)
            {
                var title = Words(text, 12 + random.Next(10));
                xml.Append("<item>\n<title>").Append(title).Append(" &amp; ").Append(Words(text, 4)).Append("</title>\n");
                xml.Append("<link>https://www.rfi.fr/cn/%E4%BA%9A%E6%B4%B2/").Append(itemCount).Append("-article</link>\n");
                xml.Append("<guid isPermaLink=\"false\">rfi-").Append(itemCount).Append("</guid>\n");
                xml.Append("<pubDate>").Append(start.AddMinutes(-itemCount).ToString("r")).Append("</pubDate>\n");
                xml.Append("<dc:creator>RFI</dc:creator><category>亚洲</category>\n");
                if (paragraphs == 0)
                {
                    xml.Append("<description>").Append(Words(text, 30)).Append("</description>\n</item>\n");
                    continue;
                }
                var html = Html(random, text, paragraphs);
                xml.Append("<description><![CDATA[<div>26/03/2024 - 09:42</div>").Append(html).Append("]]></description>\n");
                xml.Append("<content:encoded>").Append(Escape(html)).Append("</content:encoded>\n</item>\n");
            }
        }
        xml.Append("</channel>\n</rss>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    private static string Html(Random random, NewsText text, int paragraphs)
    {
        var html = new StringBuilder();
        html.Append("<img src=\"https://s.rfi.fr/media/display/").Append(random.Next()).Append(".jpg\" alt=\"").Append(Words(text, 6)).Append("\">\n");
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>").Append(Words(text, 60 + random.Next(80)));
            if (p % 3 == 0)
                html.Append(" <a href=\"https://www.rfi.fr/cn/?a=1&amp;b=").Append(p).Append("\">").Append(Words(text, 5)).Append("</a>");
            html.Append("“").Append(Words(text, 10)).Append("”。</p>\r\n");
        }
        return html.ToString();
    }

    private static string Words(NewsText text, int length) => text.Chinese(length, length + 1);

    private static string Escape(string html) => html.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
