using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// One source's stream. Numbered pages are cut from the OLDEST article on, so adding new articles changes only the
/// last page or two instead of shifting every page; <c>index.html</c> shows the newest page-size articles.
/// </summary>
internal static class SourcePages
{
    public static IEnumerable<PageJob> Create(SiteContext site, int sourceIndex, IReadOnlyList<SiteArticle> newestFirst)
    {
        var folder = site.Sources[sourceIndex].Folder;
        int size = site.Options.PageSize;
        int count = newestFirst.Count;
        int pageCount = (count + size - 1) / size;

        var indexItems = Slice(newestFirst, 0, size);
        string? olderThanIndex = count > size ? SitePaths.SourcePage(folder, PageHolding(count, size, size)) : null;
        yield return Job(site, sourceIndex, SitePaths.SourceIndex(folder), indexItems, null, olderThanIndex, count, 0);
        if (count <= size) yield break;

        for (int page = 1; page <= pageCount; page++)
        {
            // Page p holds the oldest-first positions [(p-1)·size, p·size), i.e. newest-first indexes counted from the end.
            int end = count - (page - 1) * size;
            int start = Math.Max(0, end - size);
            var items = Slice(newestFirst, start, end - start);
            string newer = page == pageCount ? SitePaths.SourceIndex(folder) : SitePaths.SourcePage(folder, page + 1);
            string? older = page == 1 ? null : SitePaths.SourcePage(folder, page - 1);
            // The total is left off numbered pages: it changes with every new article and would make them all change.
            yield return Job(site, sourceIndex, SitePaths.SourcePage(folder, page), items, newer, older, 0, page);
        }
    }

    /// <summary>The numbered page that holds the article at newest-first <paramref name="index"/>.</summary>
    private static int PageHolding(int count, int size, int index) => (count - 1 - index) / size + 1;

    private static List<SiteArticle> Slice(IReadOnlyList<SiteArticle> articles, int start, int length) =>
        Enumerable.Range(start, Math.Max(0, Math.Min(length, articles.Count - start))).Select(i => articles[i]).ToList();

    private static PageJob Job(SiteContext site, int sourceIndex, string path, List<SiteArticle> items,
        string? newer, string? older, int total, int page)
    {
        var fingerprint = site.Fingerprint(path).AddAll(items).Add(newer ?? "").Add(older ?? "").Add(total);
        return new PageJob(path, fingerprint.Finish(), () => Render(site, sourceIndex, path, items, newer, older, total, page));
    }

    private static string Render(SiteContext site, int sourceIndex, string path, List<SiteArticle> items,
        string? newer, string? older, int total, int page)
    {
        var (name, folder) = site.Sources[sourceIndex];
        var html = new StringBuilder();
        html.Append("<h1>").Append(HtmlEscaper.Escape(name)).Append("</h1>\n<p class=\"meta\">");
        html.Append(page == 0 ? $"最新文章（共 {total} 篇）" : $"第 {page} 页（由旧到新编号）");
        html.Append(" · <a href=\"").Append(HtmlEscaper.Escape(SitePaths.Href(path, SitePaths.SourceFeed(folder)))).Append("\">Atom 订阅</a></p>\n");
        if (items.Count == 0) html.Append("<p>这个来源还没有文章。</p>\n");
        ArticleListHtml.AppendByDay(html, site, path, items, showSource: false);
        ArticleListHtml.AppendPager(html, path, "翻页", ("较新的文章", "prev", newer), ("更早的文章", "next", older));
        var title = page == 0 ? name : $"{name} · 第 {page} 页";
        return SiteLayout.Render(site, path, title, html.ToString(), (SitePaths.SourceFeed(folder), name));
    }
}
