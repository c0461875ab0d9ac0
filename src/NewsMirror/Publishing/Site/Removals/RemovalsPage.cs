using System.Text;

namespace NewsMirror.Publishing.Site.Removals;

/// <summary>The page listing every article removed, redirected or replaced at its source, newest verdict first.</summary>
internal static class RemovalsPage
{
    public static PageJob Create(SiteContext site, IReadOnlyList<(SiteArticle Article, SiteRemoval Removal)> removed)
    {
        const string path = SitePaths.Removed;
        var fingerprint = site.Fingerprint(path).Add(removed.Count);
        foreach (var (article, removal) in removed) fingerprint.Add(article).Add(removal.Verdict).Add(removal.VerdictTime.ToUnixTimeMilliseconds())
            .Add(removal.HttpStatus).Add(removal.RedirectTarget ?? "");
        return new PageJob(path, fingerprint.Finish(), () => Render(site, removed));
    }

    private static string Render(SiteContext site, IReadOnlyList<(SiteArticle Article, SiteRemoval Removal)> removed)
    {
        const string path = SitePaths.Removed;
        var html = new StringBuilder();
        html.Append("<h1>来源删除的文章</h1>\n<p class=\"meta\">存档之后被来源删除、重定向或替换的文章，按判定时间由新到旧。共 ").Append(removed.Count)
            .Append(" 篇 · <a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.ChangesFeed))).Append("\">删除与修改的 Atom 订阅</a></p>\n");
        if (removed.Count == 0) html.Append("<p>还没有来源删除过存档的文章。</p>\n");
        else html.Append("<ol class=\"removed\">\n");
        foreach (var (article, removal) in removed)
        {
            html.Append("<li>\n<h2><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.Article(article)))).Append("\">")
                .Append(HtmlEscaper.Escape(article.Title)).Append("</a></h2>\n<p>");
            RemovalNotice.AppendSentence(html, removal);
            html.Append(" <span class=\"meta\">· ").Append(HtmlEscaper.Escape(site.SourceName(article))).Append("</span></p>\n");
            RemovalNotice.AppendEvidence(html, removal);
            html.Append("</li>\n");
        }
        if (removed.Count > 0) html.Append("</ol>\n");
        return SiteLayout.Render(site, path, "来源删除的文章", html.ToString(), (SitePaths.ChangesFeed, "删除与修改"));
    }
}
