namespace NewsMirror.Publishing.Site;

/// <summary>The search page: a form and a results list that <c>assets/search.js</c> fills from the prebuilt index.</summary>
internal static class SearchPage
{
    public static PageJob Create(SiteContext site)
    {
        const string path = SitePaths.Search;
        const string main = """
            <h1>搜索</h1>
            <form id="search-form" class="search-page" role="search" action="search.html" method="get" data-index="search/">
            <label for="q">搜索文章标题和正文（中文可用单字或词，简繁皆可；英文按单词）</label>
            <div class="row"><input id="q" name="q" type="search" autocomplete="off"><button type="submit">搜索</button></div>
            <div class="row"><label for="search-order">排序</label><select id="search-order" name="order"><option value="newest">最新优先</option><option value="relevance">相关度优先</option></select></div>
            </form>
            <noscript><p>搜索需要启用 JavaScript；也可以按<a href="days/index.html">日期</a>浏览。</p></noscript>
            <p id="search-status" class="meta" role="status" aria-live="polite"></p>
            <ol id="search-results" class="articles"></ol>
            <p><button type="button" id="search-more" hidden>显示更多结果</button></p>
            """;
        var fingerprint = site.Fingerprint(path);
        return new PageJob(path, fingerprint.Finish(),
            () => SiteLayout.Render(site, path, "搜索", main, scripts: [SitePaths.SearchTextScript, SitePaths.SearchVariantsScript, SitePaths.SearchScript], searchBox: false));
    }
}
