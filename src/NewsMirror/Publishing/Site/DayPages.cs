using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Site;

/// <summary>One page per China-time day with every source's articles of that day, and an index of all days.</summary>
internal static class DayPages
{
    /// <param name="days">Each day's articles newest first, the days newest first.</param>
    public static IEnumerable<PageJob> Create(SiteContext site, IReadOnlyList<IGrouping<DateOnly, SiteArticle>> days)
    {
        yield return Index(site, days);
        for (int i = 0; i < days.Count; i++)
        {
            var day = days[i].Key;
            var items = days[i].ToList();
            string? newer = i > 0 ? SitePaths.Day(days[i - 1].Key) : null;
            string? older = i + 1 < days.Count ? SitePaths.Day(days[i + 1].Key) : null;
            var path = SitePaths.Day(day);
            var fingerprint = site.Fingerprint(path).AddAll(items).Add(newer ?? "").Add(older ?? "");
            yield return new PageJob(path, fingerprint.Finish(), () => RenderDay(site, path, day, items, newer, older));
        }
    }

    private static PageJob Index(SiteContext site, IReadOnlyList<IGrouping<DateOnly, SiteArticle>> days)
    {
        const string path = SitePaths.DayIndex;
        var counts = days.Select(d => (d.Key, Count: d.Count())).ToList();
        var fingerprint = site.Fingerprint(path);
        foreach (var (day, count) in counts) fingerprint.Add(day.DayNumber).Add(count);
        return new PageJob(path, fingerprint.Finish(), () => RenderIndex(site, counts));
    }

    private static string RenderDay(SiteContext site, string path, DateOnly day, List<SiteArticle> items, string? newer, string? older)
    {
        var html = new StringBuilder();
        html.Append("<h1><time datetime=\"").Append(ChinaTime.DayKey(day)).Append("\">").Append(ChinaTime.DayLabel(day))
            .Append("</time></h1>\n<p class=\"meta\">").Append(items.Count).Append(" 篇 · 北京时间（UTC+8）</p>\n");
        ArticleListHtml.AppendList(html, site, path, items, showSource: true);
        ArticleListHtml.AppendPager(html, path, "日期", ("后一天", "prev", newer), ("前一天", "next", older));
        return SiteLayout.Render(site, path, ChinaTime.DayLabel(day), html.ToString());
    }

    private static string RenderIndex(SiteContext site, List<(DateOnly Day, int Count)> counts)
    {
        const string path = SitePaths.DayIndex;
        var html = new StringBuilder("<h1>按日期浏览</h1>\n");
        if (counts.Count == 0) html.Append("<p>存档中还没有文章。</p>\n");
        foreach (var month in counts.GroupBy(c => (c.Day.Year, c.Day.Month)))
        {
            html.Append("<section class=\"month\">\n<h2>").Append(month.Key.Year).Append("年").Append(month.Key.Month).Append("月</h2>\n<ul class=\"days\">\n");
            foreach (var (day, count) in month)
                html.Append("<li><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.Day(day)))).Append("\"><time datetime=\"")
                    .Append(ChinaTime.DayKey(day)).Append("\">").Append(day.Day).Append("日</time></a> <span class=\"meta\">")
                    .Append(count).Append(" 篇</span></li>\n");
            html.Append("</ul>\n</section>\n");
        }
        return SiteLayout.Render(site, path, "按日期浏览", html.ToString());
    }
}
