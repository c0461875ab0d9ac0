using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Site;

/// <summary>Lists of article links as the home, source and day pages show them.</summary>
internal static class ArticleListHtml
{
    /// <summary>
    /// Articles in their given order, in one section per run of the same China-time day, each headed by a link to that
    /// day's page. Runs, not groups: a source's id order is not always time order, and the order must be kept.
    /// </summary>
    public static void AppendByDay(StringBuilder html, SiteContext site, string from, IReadOnlyList<SiteArticle> articles, bool showSource)
    {
        for (int start = 0; start < articles.Count;)
        {
            var day = articles[start].Day;
            int end = start + 1;
            while (end < articles.Count && articles[end].Day == day) end++;
            html.Append("<section class=\"day\">\n<h2><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(from, SitePaths.Day(day))))
                .Append("\"><time datetime=\"").Append(ChinaTime.DayKey(day)).Append("\">")
                .Append(ChinaTime.DayLabel(day)).Append("</time></a></h2>\n");
            AppendList(html, site, from, articles.Skip(start).Take(end - start), showSource);
            html.Append("</section>\n");
            start = end;
        }
    }

    public static void AppendList(StringBuilder html, SiteContext site, string from, IEnumerable<SiteArticle> articles, bool showSource)
    {
        html.Append("<ol class=\"articles\">\n");
        foreach (var article in articles)
        {
            html.Append("<li><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(from, SitePaths.Article(article)))).Append("\">")
                .Append(HtmlEscaper.Escape(article.Title)).Append("</a> <span class=\"meta\">");
            if (showSource) html.Append("<span class=\"source\">").Append(HtmlEscaper.Escape(site.SourceName(article))).Append("</span> ");
            html.Append("<time datetime=\"").Append(ChinaTime.Iso(article.SortMs)).Append("\">")
                .Append(ChinaTime.ClockDisplay(article.SortMs)).Append("</time></span></li>\n");
        }
        html.Append("</ol>\n");
    }

    /// <summary>A <c>nav</c> of labelled links; a null target leaves the slot out.</summary>
    public static void AppendPager(StringBuilder html, string from, string label, params (string Text, string Rel, string? Target)[] links)
    {
        if (links.All(l => l.Target is null)) return;
        html.Append("<nav class=\"pager\" aria-label=\"").Append(HtmlEscaper.Escape(label)).Append("\"><ul>");
        foreach (var (text, rel, target) in links.Where(l => l.Target is not null))
            html.Append("<li><a rel=\"").Append(rel).Append("\" href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(from, target!))).Append("\">")
                .Append(HtmlEscaper.Escape(text)).Append("</a></li>");
        html.Append("</ul></nav>\n");
    }
}
