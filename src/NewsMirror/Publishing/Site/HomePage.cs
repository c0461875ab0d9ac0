using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Site;

/// <summary>The front page: the newest articles of all sources by day, and the list of sources.</summary>
internal static class HomePage
{
    public static PageJob Create(SiteContext site, IReadOnlyList<SiteArticle> newest, IReadOnlyList<int> sourceCounts)
    {
        const string path = SitePaths.Home;
        bool digest = File.Exists(SiteDigest.In(site.Options.OutputDirectory));
        var fingerprint = site.Fingerprint(path).AddAll(newest).Add(digest ? 1 : 0);
        foreach (var count in sourceCounts) fingerprint.Add(count);
        return new PageJob(path, fingerprint.Finish(), () => Render(site, newest, sourceCounts, digest));
    }

    private static string Render(SiteContext site, IReadOnlyList<SiteArticle> newest, IReadOnlyList<int> sourceCounts, bool digest)
    {
        const string path = SitePaths.Home;
        var html = new StringBuilder();
        html.Append("<h1>最新文章</h1>\n");
        if (digest)
            html.Append("<p class=\"digest\"><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SiteDigest.RelativePath)))
                .Append("\" type=\"application/epub+zip\" download=\"\">每日摘要（EPUB 电子书）</a></p>\n");
        if (newest.Count == 0) html.Append("<p>存档中还没有文章。</p>\n");
        ArticleListHtml.AppendByDay(html, site, path, newest, showSource: true);
        html.Append("<section class=\"sources\" aria-labelledby=\"sources-heading\">\n<h2 id=\"sources-heading\">来源</h2>\n<ul>\n");
        for (int i = 0; i < site.Sources.Count; i++)
        {
            var (name, folder) = site.Sources[i];
            html.Append("<li><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.SourceIndex(folder)))).Append("\">")
                .Append(HtmlEscaper.Escape(name)).Append("</a> <span class=\"meta\">").Append(sourceCounts[i]).Append(" 篇 · <a href=\"")
                .Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.SourceFeed(folder)))).Append("\">Atom</a></span></li>\n");
        }
        html.Append("</ul>\n</section>\n");
        return SiteLayout.Render(site, path, "首页", html.ToString());
    }
}
