using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Site;

/// <summary>The frame of every page: head, site header with navigation and search box, main, footer.</summary>
internal static class SiteLayout
{
    /// <param name="scripts">Site scripts the page loads; a page without any forbids scripts altogether by its CSP.</param>
    /// <param name="language">The page's <c>lang</c>, when it is not the site's (an article in its source's language).</param>
    public static string Render(SiteContext site, string path, string title, string main,
        (string Path, string Title)? feed = null, IReadOnlyList<string>? scripts = null, bool searchBox = true, string? language = null)
    {
        string Href(string target) => HtmlEscaper.Escape(SitePaths.Href(path, target));
        scripts ??= [];
        var html = new StringBuilder(main.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(HtmlEscaper.Escape(language ?? site.Options.Language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy(scripts.Count > 0)).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(HtmlEscaper.Escape(title)).Append(" · ").Append(HtmlEscaper.Escape(site.Options.SiteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Href(SitePaths.Stylesheet)).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(HtmlEscaper.Escape(site.Options.SiteTitle))
            .Append("\" href=\"").Append(Href(SitePaths.Feed)).Append("\">\n");
        if (feed is { } own)
            html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(HtmlEscaper.Escape(own.Title))
                .Append("\" href=\"").Append(Href(own.Path)).Append("\">\n");
        foreach (var script in scripts)
            html.Append("<script src=\"").Append(Href(script)).Append("\" defer></script>\n");
        html.Append("</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">跳到正文</a>\n")
            .Append("<header class=\"site\">\n")
            .Append("<a class=\"brand\" href=\"").Append(Href(SitePaths.Home)).Append("\">").Append(HtmlEscaper.Escape(site.Options.SiteTitle)).Append("</a>\n")
            .Append("<nav aria-label=\"站点\"><ul>")
            .Append("<li><a href=\"").Append(Href(SitePaths.Home)).Append("\">首页</a></li>")
            .Append("<li><a href=\"").Append(Href(SitePaths.DayIndex)).Append("\">日期</a></li>")
            .Append("<li><a href=\"").Append(Href(SitePaths.Search)).Append("\">搜索</a></li>")
            .Append("<li><a href=\"").Append(Href(SitePaths.Removed)).Append("\">删除记录</a></li>")
            .Append("</ul></nav>\n");
        if (searchBox)
            html.Append("<form class=\"search\" role=\"search\" action=\"").Append(Href(SitePaths.Search)).Append("\" method=\"get\">")
                .Append("<label for=\"site-q\" class=\"visually-hidden\">搜索文章</label>")
                .Append("<input id=\"site-q\" name=\"q\" type=\"search\" placeholder=\"搜索文章\">")
                .Append("<button type=\"submit\">搜索</button></form>\n");
        html.Append("</header>\n<main id=\"main\" tabindex=\"-1\">\n").Append(main).Append("\n</main>\n")
            .Append("<footer class=\"site\"><p>").Append(HtmlEscaper.Escape(site.Options.SiteTitle))
            .Append(" · 静态存档镜像 · <a href=\"").Append(Href(feed?.Path ?? SitePaths.Feed)).Append("\">Atom 订阅</a></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The sanitizer is the first line against scripts in archived bodies; the policy is the second: pages without site
    /// scripts allow none, and no page may load scripts, styles or fonts from elsewhere. Images and media of bodies may
    /// come from anywhere, as the archive holds them.
    /// </summary>
    private static string ContentSecurityPolicy(bool withScripts) =>
        "default-src 'self'; script-src " + (withScripts ? "'self'" : "'none'") +
        "; style-src 'self'; img-src * data:; media-src *; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com";
}
