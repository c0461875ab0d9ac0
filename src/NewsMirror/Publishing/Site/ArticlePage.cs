using System.Text;
using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Identity;
using NewsMirror.Publishing.Site.Removals;
using NewsMirror.Publishing.Site.Versions;
using NewsMirror.Urls;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// One article: title, source, original link, times, the sanitized body, and its neighbours in the source; for an
/// article its source removed, the notice of it, and for one its source revised, its versions.
/// </summary>
internal static class ArticlePage
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <param name="revisions">The article's identity-log lines when its source revised it (<see cref="RevisionLines"/>).</param>
    /// <param name="feedBodies">Bodies the feeds sanitized in this build; an article page of a feed entry reuses its body.</param>
    public static PageJob Create(SiteContext site, FeedBodies feedBodies, SiteArticle article, IReadOnlyList<IdentityLogEntry>? revisions, SiteRemoval? removal,
        SiteArticle? older, SiteArticle? newer)
    {
        var path = SitePaths.Article(article);
        var fingerprint = site.Fingerprint(path).AddHash(article.ContentHash).Add(article);
        AddNeighbour(fingerprint, older);
        AddNeighbour(fingerprint, newer);
        fingerprint.Add(revisions?.Count ?? 0);
        foreach (var line in revisions ?? [])
            fingerprint.Add(line.Archived.ToUnixTimeMilliseconds()).Add(line.Change ?? "").Add(line.Title).Add(line.Hash ?? "");
        if (removal is null) fingerprint.Add("");
        else fingerprint.Add(removal.Verdict).Add(removal.VerdictTime.ToUnixTimeMilliseconds()).Add(removal.HttpStatus).Add(removal.RedirectTarget ?? "");
        return new PageJob(path, fingerprint.Finish(), () => Render(site, feedBodies, path, article, revisions, removal, older, newer));
    }

    /// <summary>Reads the article file again; null when it is gone or no longer an article file.</summary>
    public static ArticleRecord? ReadRecord(SiteContext site, SiteArticle article)
    {
        var file = Path.Combine(ArchiveScanner.ArticlesDirectory(site.Options.ArchiveRoot, article.Folder), article.File.FileName);
        try
        {
            return ArticleFile.TryParse(File.ReadAllText(file, Utf8), out var record) ? record : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Only http(s) links are made clickable: the link is archive data, not trusted.</summary>
    public static bool IsWebLink(string link) => HttpUrl.Is(link);

    private static void AddNeighbour(InputHash fingerprint, SiteArticle? neighbour)
    {
        if (neighbour is null) fingerprint.Add("");
        else fingerprint.Add(neighbour.Slug).AddHash(neighbour.ContentHash); // the title comes from the file
    }

    private static string Render(SiteContext site, FeedBodies feedBodies, string path, SiteArticle article, IReadOnlyList<IdentityLogEntry>? revisions,
        SiteRemoval? removal, SiteArticle? older, SiteArticle? newer)
    {
        var record = ReadRecord(site, article);
        var (sourceName, folder) = site.Sources[article.SourceIndex];
        var html = new StringBuilder();
        if (removal is not null) RemovalNotice.Append(html, removal);
        html.Append("<article class=\"article\">\n<header>\n<h1>").Append(HtmlEscaper.Escape(article.Title)).Append("</h1>\n<dl class=\"facts\">\n");
        html.Append("<div><dt>来源</dt><dd><a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.SourceIndex(folder)))).Append("\">")
            .Append(HtmlEscaper.Escape(sourceName)).Append("</a></dd></div>\n");
        if (record is not null && record.Link.Length > 0)
        {
            html.Append("<div><dt>原文</dt><dd class=\"link\">");
            if (IsWebLink(record.Link))
                html.Append("<a href=\"").Append(HtmlEscaper.Escape(record.Link)).Append("\" rel=\"noopener noreferrer nofollow external\">")
                    .Append(HtmlEscaper.Escape(record.Link)).Append("</a>");
            else
                html.Append(HtmlEscaper.Escape(record.Link));
            html.Append("</dd></div>\n");
        }
        html.Append("<div><dt>发布时间</dt><dd>");
        AppendTime(html, article.TimestampMs);
        html.Append("</dd></div>\n<div><dt>存档时间</dt><dd>");
        AppendTime(html, article.ArchivedMs);
        html.Append("</dd></div>\n</dl>\n</header>\n<div class=\"body\">\n");
        var body = record is null ? "" : feedBodies.SanitizedIfKnown(article) ?? BodySanitizer.Sanitize(record.Body);
        html.Append(body.Length > 0 ? body : "<p class=\"meta\">（没有正文）</p>").Append("\n</div>\n</article>\n");
        if (revisions is not null)
        {
            var relativePath = $"{ArchivePaths.ArticlesFolderName}/{article.Folder}/{article.File.FileName}";
            VersionsSection.Append(html, ArticleVersions.Of(site.Options.ArchiveRoot, relativePath, revisions, record));
        }
        ArticleListHtml.AppendPager(html, path, "同一来源的文章",
            ("上一篇（较早）：" + older?.Title, "prev", older is null ? null : SitePaths.Article(older)),
            ("下一篇（较新）：" + newer?.Title, "next", newer is null ? null : SitePaths.Article(newer)));
        return SiteLayout.Render(site, path, article.Title, html.ToString(), (SitePaths.SourceFeed(folder), sourceName),
            language: site.LanguageOf(folder));
    }

    private static void AppendTime(StringBuilder html, long? ms)
    {
        if (ms is not { } value)
        {
            html.Append("未知");
            return;
        }
        html.Append("<time datetime=\"").Append(ChinaTime.Iso(value)).Append("\">").Append(ChinaTime.Display(value)).Append("</time>（北京时间）");
    }
}
