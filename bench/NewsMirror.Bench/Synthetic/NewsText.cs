using System.Text;

namespace NewsMirror.Bench.Synthetic;

/// <summary>
/// News-like titles and bodies: Chinese (simplified with some traditional spellings, English names mixed in) or
/// English. Feed bodies carry what outlets' feeds carry (lazy and srcset images, links with tracking parameters,
/// share bars, the feed proxy's footer, scripts, tracking pixels, advert slots); archived bodies are what the
/// cleaner leaves: one line of paragraphs and images.
/// </summary>
internal sealed class NewsText(int seed)
{
    private const string Hanzi =
        "的一是不了人在有这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" +
        "政府总统会议经济市场美国日本香港台湾北京上海新疆西藏俄罗斯乌克兰欧洲英国法国德国人民警方记者报道表示认为发展安全问题国际外交部长";
    private const string Traditional = "國說個龍臺後發經濟會議總統記者選舉權戰爭導彈協議談判領導聲明調查網絡數據";
    private static readonly string[] Names = ["Trump", "Biden", "Xi Jinping", "NATO", "COVID-19", "Huawei", "TikTok", "Reuters", "the White House", "G20"];
    private static readonly string[] EnglishWords =
        ["the", "government", "said", "on", "Tuesday", "officials", "in", "Beijing", "Hong Kong", "election", "trade", "talks", "of", "a", "new",
         "policy", "after", "protest", "court", "ruled", "and", "economy", "growth", "sanctions", "report", "human", "rights", "military", "to", "with"];

    private readonly Random _random = new(seed);

    public bool NextIsEnglish(int oneIn) => _random.Next(oneIn) == 0;

    public string Title(bool english = false) => english ? Sentence(6, 14).TrimEnd('.') : Words(10, 28);

    /// <summary>A body of about <paramref name="paragraphs"/> paragraphs as <paramref name="folder"/>'s feed gives it.</summary>
    public string FeedBody(string folder, int paragraphs, bool english = false)
    {
        var html = new StringBuilder();
        if (folder == "bbc") html.Append("<div class=\"lazyload-placeholder\"></div><div data-e2e=\"advertisement\"><script>ads.push({})</script></div>");
        html.Append("<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/media/").Append(_random.Next())
            .Append(".jpg\" srcset=\"/media/w320/").Append(_random.Next()).Append(".jpg 320w, /media/w800/x.jpg 800w\" alt=\"")
            .Append(Text(english, 4, 10)).Append("\"><figcaption>").Append(Text(english, 8, 20)).Append("</figcaption></figure>\n");
        for (int p = 0; p < paragraphs; p++)
        {
            html.Append("<p>").Append(Text(english, 40, 140));
            if (_random.Next(4) == 0)
                html.Append(" <a href=\"https://www.example.com/news/").Append(_random.Next()).Append("?utm_source=rss&amp;utm_medium=feed&amp;id=")
                    .Append(p).Append("\" onclick=\"track()\">").Append(Text(english, 4, 8)).Append("</a>");
            html.Append(english ? "</p>\n" : "。</p>\n");
            if (p == paragraphs / 2) html.Append("<div class=\"o-ads\" data-o-ads-name=\"mpu\"></div><script src=\"https://ads.example/x.js\"></script>\n");
        }
        html.Append("<img src=\"https://pixel.example.com/track.gif?u=").Append(_random.Next()).Append("\" width=\"1\" height=\"1\">");
        if (folder == "cdt") html.Append("<div class=\"addtoany_share_save_container\"><a class=\"a2a_button_twitter\" href=\"#\">Twitter</a></div>");
        if (folder is not ("rfa" or "cdt"))
            html.Append("<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\" style=\"color:orange\">https://feedx.net</a> <br><a href=\"https://feedx.site\">https://feedx.site</a><br></div>");
        return html.ToString();
    }

    /// <summary>A body as the archive stores it: cleaned, on one line, with an image and paragraphs.</summary>
    public string ArchivedBody(string folder, int paragraphs, bool english = false)
    {
        var html = new StringBuilder("<figure><img src=\"https://media.example.com/").Append(folder).Append('/').Append(_random.Next())
            .Append(".jpg\" alt=\"").Append(Text(english, 4, 10)).Append("\"><figcaption>").Append(Text(english, 8, 20)).Append("</figcaption></figure>");
        for (int p = 0; p < paragraphs; p++)
        {
            html.Append("<p>").Append(Text(english, 40, 140));
            if (_random.Next(5) == 0) html.Append(" <a href=\"https://www.example.com/news/").Append(_random.Next()).Append("\">").Append(Text(english, 4, 8)).Append("</a>");
            html.Append(english ? "</p>" : "。</p>");
        }
        return html.ToString();
    }

    /// <summary>Chinese text of <paramref name="min"/> to <paramref name="max"/> characters, as titles and paragraphs use.</summary>
    public string Chinese(int min, int max) => Words(min, max);

    private string Text(bool english, int min, int max) => english ? Sentence(min / 4 + 2, max / 4 + 3) : Words(min, max);

    private string Words(int min, int max)
    {
        int length = _random.Next(min, max);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(_random.Next(12) == 0 ? Traditional[_random.Next(Traditional.Length)] : Hanzi[_random.Next(Hanzi.Length)]);
            if (_random.Next(20) == 0) text.Append('，');
            if (_random.Next(60) == 0) text.Append(' ').Append(Names[_random.Next(Names.Length)]).Append(' ');
        }
        return text.ToString();
    }

    private string Sentence(int min, int max)
    {
        int words = _random.Next(min, max);
        var text = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            if (i > 0) text.Append(' ');
            var word = _random.Next(10) == 0 ? Names[_random.Next(Names.Length)] : EnglishWords[_random.Next(EnglishWords.Length)];
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }
        return text.Append('.').ToString();
    }
}
