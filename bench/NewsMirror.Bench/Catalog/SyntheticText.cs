using System.Text;

namespace NewsMirror.Bench.Catalog;

/// <summary>
/// News-like text: common Chinese characters drawn with a Zipf distribution (so a few characters are in almost
/// every article, as in real text), some traditional spellings, and English names and words.
/// </summary>
internal sealed class SyntheticText(int seed)
{
    private const string Common =
        "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使把机之" +
        "政府总统会议经济市场美国日本香港台湾北京上海新疆西藏俄罗斯乌克兰欧洲英国法国德国中国人民警方记者报道表示认为发展安全问题国际外交部长官员媒体社会企业公司银行投资贸易关税疫情病毒医院学生大学研究" +
        "选举民主自由人权抗议法院判决制裁军事导弹战争和平协议谈判领导人主席总理宣布声明调查网络科技数据手机平台用户价格增长下降百分比亿元美元股市指数能源石油气候环境灾害地震洪水";

    private const string Traditional = "國說個龍臺後發經濟會議總統記者選舉權戰爭導彈協議談判領導聲明調查網絡數據價格億元環境災害";

    private static readonly string[] English =
        ["Trump", "Biden", "Xi", "Putin", "G20", "NATO", "COVID", "Apple", "Huawei", "TikTok", "AI", "Reuters", "AFP", "BBC", "WHO", "EU", "UN", "Tesla"];

    private readonly Random _random = new(seed);
    private readonly double[] _weights = Zipf(Common.Length);

    public string Title()
    {
        var title = new StringBuilder(Words(8, 22));
        if (_random.Next(4) == 0) title.Insert(_random.Next(title.Length), English[_random.Next(English.Length)]);
        return title.ToString();
    }

    /// <summary>An HTML body of about <paramref name="chars"/> characters of text in paragraphs.</summary>
    public string Body(int chars)
    {
        var html = new StringBuilder("<div><i>");
        html.Append(English[_random.Next(English.Length)]).Append("</i></div>");
        int written = 0;
        while (written < chars)
        {
            var paragraph = Words(40, 120);
            if (_random.Next(3) == 0) paragraph += " " + English[_random.Next(English.Length)] + " ";
            html.Append("<p>").Append(paragraph).Append("。</p>");
            written += paragraph.Length;
        }
        return html.ToString();
    }

    private string Words(int min, int max)
    {
        int length = _random.Next(min, max);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(_random.Next(12) == 0 ? Traditional[_random.Next(Traditional.Length)] : Common[Pick()]);
            if (_random.Next(25) == 0) text.Append('，');
        }
        return text.ToString();
    }

    private int Pick()
    {
        double x = _random.NextDouble() * _weights[^1];
        int index = Array.BinarySearch(_weights, x);
        return Math.Min(_weights.Length - 1, index < 0 ? ~index : index);
    }

    /// <summary>Cumulative weights 1/rank.</summary>
    private static double[] Zipf(int n)
    {
        var cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) cumulative[i] = sum += 1.0 / (i + 1);
        return cumulative;
    }
}
