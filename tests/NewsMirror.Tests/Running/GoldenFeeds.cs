using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// The feeds and article pages of <see cref="GoldenArchiveTests"/>: for each of the nine outlets, items shaped as
/// its feed gives them, with what the archive format must carry through unchanged or clean away (bracketed
/// title tags, entities, markup in titles, CRLF and non-breaking spaces in bodies, lazy images, tracking links,
/// scripts, the feed proxy's footer, an item without a date), then a second feed with two more items.
/// </summary>
internal static class GoldenFeeds
{
    private const string FeedxFooter =
        "<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\" style=\"color:orange\">https://feedx.net</a> <br><a href=\"https://feedx.site\">https://feedx.site</a><br></div>";

    public static void ServeFirst(MirrorFixture m)
    {
        foreach (var folder in MirrorFixture.FeedxFolders) m.ServeFeed(folder, FeedxItems(folder, second: false));
        m.ServeFeed("rfa", RfaItems(second: false));
        ServeCdt(m, second: false);
    }

    public static void ServeSecond(MirrorFixture m)
    {
        foreach (var folder in MirrorFixture.FeedxFolders) m.ServeFeed(folder, FeedxItems(folder, second: true));
        m.ServeFeed("rfa", RfaItems(second: true));
        ServeCdt(m, second: true);
    }

    private static RssFixtureItem[] FeedxItems(string folder, bool second)
    {
        var first = new[]
        {
            new RssFixtureItem($"【快讯】{folder} 要闻：“引号” & <b>符号</b>", $"https://www.example.com/{folder}/2024/03/26/news-1.html?utm_source=rss",
                "Tue, 26 Mar 2024 09:42:00 GMT")
            {
                Description = $"<div>26/03/2024 - 09:42</div><p>第一段，<a href=\"https://www.example.com/{folder}/more?utm_source=rss&amp;id=1\" onclick=\"track()\">相关报道</a>。</p>" +
                    "<script>ads.push({})</script>" +
                    $"<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"https://media.example.com/{folder}/1.jpg\" alt=\"图片\"><figcaption>图片说明</figcaption></figure>" +
                    "<p>第二段 &nbsp; 结束。</p>" + FeedxFooter,
            },
            new RssFixtureItem($"[快讯] {folder} 方括号开头的标题", $"https://www.example.com/{folder}/新闻 2?q=中&x=%e4", "Tue, 26 Mar 2024 10:15:01 +0000")
            {
                Description = "\n   <p>第 2 段   正文</p>\r\n\t<p>a\rb &nbsp; 🦌</p>\n\n" + FeedxFooter,
            },
            new RssFixtureItem($"  {folder}: An *English* title with `code` and [brackets]\t", $"https://www.example.com/{folder}/en/3", "Wed, 27 Mar 2024 02:30:00 +0800")
            {
                Description = "<p>The <em>first</em> paragraph &amp; more.</p><img src=\"https://pixel.example.com/track.gif?u=1\" width=\"1\" height=\"1\">" + FeedxFooter,
            },
            new RssFixtureItem($"{folder} 没有日期的文章", $"https://www.example.com/{folder}/undated", "")
            {
                Description = "<p>发布时间不详，以抓取时间为准。</p>",
            },
        };
        if (!second) return first;
        return
        [
            new RssFixtureItem($"{folder} 第二天的新闻 <script>alert(1)</script>", $"https://www.example.com/{folder}/2024/03/28/news-5.html", "Thu, 28 Mar 2024 16:00:00 GMT")
            {
                Description = "<p>新的一天。</p><div class=\"share\"><a href=\"https://twitter.com/share\">分享</a></div>" + FeedxFooter,
            },
            new RssFixtureItem($"{folder} 同一时间的两篇之一", $"https://www.example.com/{folder}/2024/03/28/news-6.html", "Thu, 28 Mar 2024 08:00:00 GMT")
            {
                Description = "<p><strong>重要</strong>：<a href=\"/relative/link\">相对链接</a></p>",
            },
            .. first,
        ];
    }

    private static RssFixtureItem[] RfaItems(bool second)
    {
        var first = new[]
        {
            new RssFixtureItem("自由亚洲 新闻 【时事】", "https://www.rfa.org/ignored-link", "Tue, 26 Mar 2024 08:45:01 GMT")
            {
                Guid = "https://www.rfa.org/mandarin/yataibaodao/news-03262024.html",
                Description = "摘要",
                ContentEncoded = "<p>全文第一段</p>\n<p>全文第二段 <a href=\"https://www.rfa.org/mandarin/x.html\">链接</a></p>\n<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>",
            },
        };
        if (!second) return first;
        return
        [
            new RssFixtureItem("自由亚洲 第二篇", "https://www.rfa.org/ignored-link-2", "Thu, 28 Mar 2024 12:00:00 GMT")
            {
                Guid = "https://www.rfa.org/mandarin/yataibaodao/news-03282024.html",
                Description = "摘要二",
                ContentEncoded = "<p>第二篇全文</p><script>track()</script>",
            },
            .. first,
        ];
    }

    private static void ServeCdt(MirrorFixture m, bool second)
    {
        var items = new List<RssFixtureItem>
        {
            new("【网络民议】有符号的分类", m.Server.Url("chinese/715858.html"), "Tue, 26 Mar 2024 08:45:01 +0000")
            {
                Guid = "https://chinadigitaltimes.net/chinese/?p=715858",
                Description = "摘要",
                Categories = ["📢 公告", "新闻"],
            },
            new("没有符号分类的文章", m.Server.Url("chinese/715859.html"), "Tue, 26 Mar 2024 09:45:01 +0000")
            {
                Guid = "https://chinadigitaltimes.net/chinese/?p=715859",
                Description = "摘要",
                Categories = ["新闻"],
            },
        };
        if (second)
        {
            items.Insert(0, new RssFixtureItem("【图片】页面上有图片的文章", m.Server.Url("chinese/715900.html"), "Thu, 28 Mar 2024 06:00:00 +0000")
            {
                Guid = "https://chinadigitaltimes.net/chinese/?p=715900",
                Description = "比页面更长的摘要：这段摘要的文字比页面正文的文字多得多，多得多，多得多。",
                Categories = ["【墙内】"],
            });
        }
        m.ServeFeed("cdt", [.. items]);
        m.Server.Serve("chinese/715858.html",
            "<html><head><script>var ga=1;</script></head><body><nav><a href=\"/\">首页</a></nav><div class=\"post-content\"><p>正文<br />第二行</p>\n" +
            "<p class='x'>&ldquo;引用&rdquo; &amp; &nbsp;</p><div class=\"addtoany_share_save_container\"><a class=\"a2a_button_twitter\" href=\"#\">Twitter</a></div></div>" +
            "<footer>版权所有</footer></body></html>",
            "text/html; charset=utf-8");
        m.Server.Serve("chinese/715900.html",
            "<html><body><div class=\"post-content\"><p>短文</p><figure><img src=\"https://chinadigitaltimes.net/chinese/files/2024/03/a.jpg\" alt=\"\"></figure>" +
            "<p><img src=\"/chinese/files/2024/03/b.png\"></p></div></body></html>",
            "text/html; charset=utf-8");
    }
}
