using System.Text;

namespace NewsMirror.Bench.Content;

/// <summary>
/// Article bodies shaped like the nine outlets' feeds: Chinese paragraphs with English names, images (lazy,
/// srcset, relative), links with tracking parameters, and the junk the cleaner removes (share bars, feed-proxy
/// footer, scripts, tracking pixels, advert slots).
/// </summary>
internal sealed class NewsBodies(int seed)
{
    private const string Hanzi =
        "的一是不了人在有这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" +
        "政府总统会议经济市场美国日本香港台湾北京上海新疆西藏俄罗斯乌克兰欧洲英国法国德国人民警方记者报道表示认为发展安全问题国际外交部长";
    private const string Traditional = "國說個龍臺後發經濟會議總統記者選舉權戰爭導彈協議談判領導聲明調查網絡數據";
    private static readonly string[] English = ["Trump", "Biden", "Xi Jinping", "NATO", "COVID-19", "Huawei", "TikTok", "Reuters", "the White House", "G20"];

    private readonly Random _random = new(seed);

    public string Title() => Words(10, 28);

    /// <summary>A body of about <paramref name="paragraphs"/> paragraphs in the style of <paramref name="folder"/>'s feed.</summary>
    public string Body(string folder, int paragraphs)
    {
        var html = new StringBuilder();
        if (folder == "bbc") html.Append("<div class=\"lazyload-placeholder\"></div><div data-e2e=\"advertisement\"><script>ads.push({})</script></div>");
        html.Append("<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/media/").Append(_random.Next())
            .Append(".jpg\" srcset=\"/media/w320/").Append(_random.Next()).Append(".jpg 320w, /media/w800/x.jpg 800w\" alt=\"")
            .Append(Words(4, 10)).Append("\"><figcaption>").Append(Words(8, 20)).Append("</figcaption></figure>\n");
        for (int p = 0; p < paragraphs; p++)
        {
            html.Append("<p>").Append(Words(40, 140));
            if (_random.Next(3) == 0) html.Append(' ').Append(English[_random.Next(English.Length)]).Append(' ').Append(Words(10, 30));
            if (_random.Next(4) == 0)
                html.Append(" <a href=\"https://www.example.com/news/").Append(_random.Next()).Append("?utm_source=rss&amp;utm_medium=feed&amp;id=")
                    .Append(p).Append("\" onclick=\"track()\">").Append(Words(4, 8)).Append("</a>");
            html.Append("。</p>\n");
            if (p == paragraphs / 2) html.Append("<div class=\"o-ads\" data-o-ads-name=\"mpu\"></div><script src=\"https://ads.example/x.js\"></script>\n");
        }
        html.Append("<img src=\"https://pixel.example.com/track.gif?u=").Append(_random.Next()).Append("\" width=\"1\" height=\"1\">");
        if (folder == "cdt") html.Append("<div class=\"addtoany_share_save_container\"><a class=\"a2a_button_twitter\" href=\"#\">Twitter</a></div>");
        if (folder is not ("rfa" or "cdt"))
            html.Append("<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\" style=\"color:orange\">https://feedx.net</a> <br><a href=\"https://feedx.site\">https://feedx.site</a><br></div>");
        return html.ToString();
    }

    private string Words(int min, int max)
    {
        int length = _random.Next(min, max);
        var text = new StringBuilder(length + 8);
        while (text.Length < length)
        {
            text.Append(_random.Next(12) == 0 ? Traditional[_random.Next(Traditional.Length)] : Hanzi[_random.Next(Hanzi.Length)]);
            if (_random.Next(20) == 0) text.Append('，');
        }
        return text.ToString();
    }
}
