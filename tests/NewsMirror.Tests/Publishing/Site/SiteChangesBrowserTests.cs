using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.Playwright;
using NewsMirror.Feeds;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing.Site;

/// <summary>Versions of revised articles, removal notices, the removals page and the changes feed, in real Chromium from file://.</summary>
[Collection(nameof(SiteBrowserTests))]
public class SiteChangesBrowserTests(SiteChangesFixture site) : IClassFixture<SiteChangesFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(IBrowserContext Context, IPage Page, ConcurrentQueue<string> Requests)> OpenAsync()
    {
        var context = await site.Browser.NewContextAsync();
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        return (context, await context.NewPageAsync(), requests);
    }

    /// <summary>Every request stayed in the site's folder: nothing loaded from elsewhere, not even from elsewhere on disk.</summary>
    private void AssertOnlySiteRequests(IEnumerable<string> requests)
    {
        var own = new Uri(site.SiteDirectory + "/").AbsoluteUri;
        var foreign = requests.Where(url => !url.StartsWith(own, StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "requests left the site: " + string.Join(", ", foreign));
    }

    private static Task<IReadOnlyList<string>> TextsAsync(IPage page, string selector) => page.Locator(selector).AllTextContentsAsync();

    [Fact]
    public async Task A_revised_chinese_article_lists_its_versions_with_the_changed_characters_marked()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("articles/rfi/1000100.html").AbsoluteUri);
            Assert.Equal(SiteChangesFixture.ChineseTitleRevised, await page.Locator("article h1").TextContentAsync());
            Assert.Contains("记协发表声明强烈反对", await page.Locator("article .body").TextContentAsync());

            Assert.Equal(["version-1", "version-2", "version-3"],
                await page.Locator("ol.versions > li").EvaluateAllAsync<string[]>("items => items.map(i => i.id)"));
            Assert.Equal(["2024-03-26T09:00:00Z", "2024-03-26T10:00:00Z", "2024-03-26T15:00:00Z"],
                await page.Locator("ol.versions > li > p.meta time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))"));
            Assert.Contains("2024-03-26 17:00", await page.Locator("#version-1").TextContentAsync());

            Assert.Equal(["传媒"], await TextsAsync(page, "#version-2 .diff-title del"));
            Assert.Equal(["新闻"], await TextsAsync(page, "#version-2 .diff-title ins"));
            Assert.Equal(["周二"], await TextsAsync(page, "#version-2 .diff-body ins"));
            Assert.Empty(await TextsAsync(page, "#version-2 .diff-body del"));
            Assert.Contains("没有改变", await page.Locator("#version-3 .diff-title").TextContentAsync());
            // The one character the versions share ("表") is folded into the change, which reads better than keeping it.
            Assert.Equal(["表示"], await TextsAsync(page, "#version-3 .diff-body del"));
            Assert.Equal(["发表声明强烈"], await TextsAsync(page, "#version-3 .diff-body ins"));
            // The marked text reads as the newer version once the deletions are left out.
            Assert.Equal("香港警方周二宣布新规，记者证须由政府认可。\n记协发表声明强烈反对。",
                await page.Locator("#version-3 .diff-body .diff-lines").EvaluateAsync<string>(
                    "e => [...e.childNodes].filter(n => n.nodeName !== 'DEL').map(n => n.textContent).join('')"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "versions.png"), FullPage = true });
        }
        AssertOnlySiteRequests(requests);
    }

    [Fact]
    public async Task A_revised_english_article_marks_whole_words()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("articles/bbc/1041692.html").AbsoluteUri);
            Assert.Equal(2, await page.Locator("ol.versions > li").CountAsync());
            Assert.Equal(["trade"], await TextsAsync(page, "#version-2 .diff-title del"));
            Assert.Equal(["tariff"], await TextsAsync(page, "#version-2 .diff-title ins"));
            Assert.Equal(["Tuesday"], await TextsAsync(page, "#version-2 .diff-body del"));
            Assert.Equal(["Wednesday evening"], await TextsAsync(page, "#version-2 .diff-body ins"));
        }
        AssertOnlySiteRequests(requests);
    }

    [Fact]
    public async Task Insertions_and_deletions_are_told_apart_without_colour_on_screen_and_in_print()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("articles/bbc/1041692.html").AbsoluteUri);
            const string style = "e => { const s = getComputedStyle(e); return s.textDecorationLine + '|' + s.backgroundColor; }";
            var ins = page.Locator("#version-2 .diff-body ins");
            var del = page.Locator("#version-2 .diff-body del");
            Assert.StartsWith("underline|", await ins.EvaluateAsync<string>(style));
            Assert.StartsWith("line-through|", await del.EvaluateAsync<string>(style));
            Assert.NotEqual(await ins.EvaluateAsync<string>(style), await del.EvaluateAsync<string>(style));

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.Equal("underline|rgba(0, 0, 0, 0)", await ins.EvaluateAsync<string>(style));
            Assert.Equal("line-through|rgba(0, 0, 0, 0)", await del.EvaluateAsync<string>(style));
        }
    }

    [Fact]
    public async Task A_revision_whose_file_was_kept_shows_the_new_title_and_says_its_text_was_not_kept()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("articles/rfi/1000101.html").AbsoluteUri);
            Assert.Equal(SiteChangesFixture.IgnoredTitle, await page.Locator("article h1").TextContentAsync());
            Assert.Equal(["（更新）"], await TextsAsync(page, "#version-2 .diff-title ins"));
            Assert.Contains("正文没有保存", await page.Locator("#version-2 .diff-body").TextContentAsync());
            Assert.Equal(0, await page.Locator("aside.removal").CountAsync());

            await page.GotoAsync(site.FileUrl("articles/rfi/1000102.html").AbsoluteUri);
            Assert.Equal(0, await page.Locator("section.versions").CountAsync());
        }
    }

    [Fact]
    public async Task Removed_and_redirected_articles_carry_the_notice_with_its_date_and_evidence()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("articles/rfi/1000102.html").AbsoluteUri);
            Assert.Equal("原文已于 2024年3月27日 从来源删除", await page.Locator("aside.removal h2").TextContentAsync());
            Assert.Equal("removed", await page.Locator("aside.removal .verdict").TextContentAsync());
            Assert.Equal("404", await page.Locator("aside.removal .status").TextContentAsync());
            Assert.Equal(0, await page.Locator("aside.removal .redirect").CountAsync());
            Assert.Equal(SiteChangesFixture.RemovedTitle, await page.Locator("article h1").TextContentAsync());

            await page.GotoAsync(site.FileUrl("articles/bbc/1041693.html").AbsoluteUri);
            Assert.Equal("原文已于 2024年3月28日 在来源被重定向到别处", await page.Locator("aside.removal h2").TextContentAsync());
            Assert.Equal("redirected", await page.Locator("aside.removal .verdict").TextContentAsync());
            Assert.Equal("301", await page.Locator("aside.removal .status").TextContentAsync());
            Assert.Equal(SiteChangesFixture.RedirectTarget, await page.Locator("aside.removal .redirect a").GetAttributeAsync("href"));
        }
        AssertOnlySiteRequests(requests);
    }

    [Fact]
    public async Task The_removals_page_lists_the_newest_verdict_first_and_is_reached_from_every_page()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(site.FileUrl("index.html").AbsoluteUri);
            await page.GetByRole(AriaRole.Link, new() { Name = "删除记录", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/removed.html", StringComparison.Ordinal));
            Assert.Equal([SiteChangesFixture.RedirectedTitle, SiteChangesFixture.RemovedTitle], await TextsAsync(page, "ol.removed > li h2"));
            Assert.Equal(["redirected", "removed"], await TextsAsync(page, "ol.removed .verdict"));

            await page.GetByRole(AriaRole.Link, new() { Name = SiteChangesFixture.RemovedTitle, Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/articles/rfi/1000102.html", StringComparison.Ordinal));
            Assert.Equal(1, await page.Locator("aside.removal").CountAsync());
        }
        AssertOnlySiteRequests(requests);
    }

    [Fact]
    public void The_changes_feed_is_valid_atom_that_the_feed_parser_reads_back_with_every_removal_and_edit()
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.SiteDirectory, "changes.xml"));
        var feed = FeedParser.Parse(bytes, new FeedParseOptions { BaseUrl = site.FileUrl("changes.xml") });
        Assert.Equal("atom1.0", feed.Format);
        Assert.Empty(feed.Errors);
        Assert.Equal("删除与修改 · 新闻镜像", feed.Title);
        Assert.Equal(SiteChangesFixture.Archived.AddDays(2), feed.Updated);
        Assert.EndsWith("/removed.html", feed.Link);

        var items = feed.Items;
        Assert.Equal(
            [
                "已重定向：" + SiteChangesFixture.RedirectedTitle,
                "已删除：" + SiteChangesFixture.RemovedTitle,
                "已修改：" + SiteChangesFixture.ChineseTitleRevised,
                "已修改：法广快讯（更新）",
                "已修改：" + SiteChangesFixture.EnglishTitleRevised,
                "已修改：" + SiteChangesFixture.ChineseTitleRevised,
            ],
            items.Select(i => i.Title));
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.All(items, item => Assert.StartsWith("urn:uuid:", item.Guid ?? item.Id));
        Assert.Equal(
            [
                SiteChangesFixture.Archived.AddDays(2), SiteChangesFixture.Archived.AddDays(1), SiteChangesFixture.Archived.AddHours(6),
                SiteChangesFixture.Archived.AddHours(3), SiteChangesFixture.Archived.AddHours(2), SiteChangesFixture.Archived.AddHours(1),
            ],
            items.Select(i => i.Updated!.Value));
        Assert.Equal(site.FileUrl("articles/bbc/1041693.html").AbsoluteUri + "#removal", items[0].Link);
        Assert.Equal(site.FileUrl("articles/rfi/1000100.html").AbsoluteUri + "#version-3", items[2].Link);
        Assert.Equal(["redirected"], items[0].Categories);
        Assert.Equal(["edited"], items[2].Categories);
        Assert.Contains("HTTP 状态 301", items[0].Summary);
        Assert.Contains(SiteChangesFixture.RedirectTarget, items[0].Summary);
        Assert.Equal("BBC", items[0].Author);

        // What the parser forgives, Atom requires: a feed id, a self link, an author.
        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.StartsWith("urn:uuid:", root.Element(Atom + "id")!.Value);
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "changes.xml");
        Assert.NotNull(root.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.All(root.Elements(Atom + "entry"), e => Assert.NotNull(e.Element(Atom + "author")));
    }

    [Fact]
    public async Task Incremental_builds_show_a_new_revision_and_a_new_removal_and_leave_other_pages_alone()
    {
        using var archive = new RevisedArchive();
        archive.AddSource("法广", "rfi");
        archive.Add("rfi", 1, "第一篇", "<p>原来的正文。</p>", SiteChangesFixture.Archived);
        archive.Add("rfi", 2, "第二篇", "<p>不变的正文。</p>", SiteChangesFixture.Archived);
        archive.Build();
        var page = archive.Archive.SitePath("articles/rfi/1.html");
        var untouched = archive.Archive.SitePath("articles/rfi/2.html");
        var untouchedWritten = File.GetLastWriteTimeUtc(untouched);
        Assert.DoesNotContain("class=\"versions\"", archive.Archive.ReadSite("articles/rfi/1.html"));

        archive.Update("rfi", 1, "第一篇", "<p>改过的正文。</p>", SiteChangesFixture.Archived.AddHours(1));
        archive.Build();
        Assert.Contains("id=\"version-2\"", archive.Archive.ReadSite("articles/rfi/1.html"));
        Assert.Contains("<del>原来</del><ins>改过</ins>", archive.Archive.ReadSite("articles/rfi/1.html"));

        // A revision that leaves the file as it was changes only the log: the page must still learn of it.
        archive.Ignore("rfi", 1, "第一篇（再改）", SiteChangesFixture.Archived.AddHours(2));
        archive.Build();
        Assert.Contains("id=\"version-3\"", archive.Archive.ReadSite("articles/rfi/1.html"));
        Assert.Equal(2, XDocument.Load(archive.Archive.SitePath("changes.xml")).Root!.Elements(Atom + "entry").Count());

        archive.Removals.Add(new SiteRemoval("rfi", 1, SiteRemoval.Verdicts.Replaced, SiteChangesFixture.Archived.AddDays(3), 200, null));
        var report = archive.Build();
        Assert.Contains("<aside class=\"removal\"", File.ReadAllText(page));
        Assert.Contains("第一篇", archive.Archive.ReadSite("removed.html"));
        Assert.Equal(3, XDocument.Load(archive.Archive.SitePath("changes.xml")).Root!.Elements(Atom + "entry").Count());
        // The article page, the removals page and the changes feed: nothing else changed with the verdict.
        Assert.Equal(3, report.PagesWritten);
        Assert.Equal(untouchedWritten, File.GetLastWriteTimeUtc(untouched));

        var (context, browserPage, requests) = await OpenAsync();
        await using (context)
        {
            await browserPage.GotoAsync(new Uri(page).AbsoluteUri);
            Assert.Equal("原文已于 2024年3月29日 在来源被替换：页面还在，文章已不见", await browserPage.Locator("aside.removal h2").TextContentAsync());
            Assert.Equal(3, await browserPage.Locator("ol.versions > li").CountAsync());
            Assert.Equal(["（再改）"], await TextsAsync(browserPage, "#version-3 .diff-title ins"));
        }
        var own = new Uri(archive.Archive.Site + "/").AbsoluteUri;
        Assert.All(requests, url => Assert.StartsWith(own, url));
    }
}
