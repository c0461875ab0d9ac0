using System.Collections.Concurrent;
using Microsoft.Playwright;
using NewsMirror.Publishing.Site;
using NewsMirror.Tests.Bodies;
using NewsMirror.Tests.Catalog;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing;

/// <summary>The built site in real Chromium, over HTTP below a sub-path and from file://.</summary>
/// <remarks>Runs apart from the other test classes: Chromium on two shared cores next to parallel process-level tests was slow enough to miss page-load timeouts.</remarks>
[Collection(nameof(SiteBrowserTests))]
public class SiteBrowserTests(SiteBrowserFixture site) : IClassFixture<SiteBrowserFixture>
{
    [CollectionDefinition(nameof(SiteBrowserTests), DisableParallelization = true)]
    public sealed class RunsAlone;

    /// <summary>A fresh browser context that records the URL of every request any of its pages makes.</summary>
    private async Task<(IBrowserContext Context, IPage Page, ConcurrentQueue<string> Requests)> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 } });
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        return (context, await context.NewPageAsync(), requests);
    }

    private static void AssertOnlyOwnRequests(IEnumerable<string> requests, string ownPrefix)
    {
        var foreign = requests.Where(url => !url.StartsWith(ownPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "requests left the site: " + string.Join(", ", foreign));
    }

    private Uri Http(string relative) => new(site.Server.Url, relative);

    private async Task WalkHomeArticleAndBackAsync(IPage page, string homeUrl)
    {
        await page.GotoAsync(homeUrl);
        Assert.Equal("最新文章", await page.Locator("main h1").TextContentAsync());
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = SiteBrowserFixture.ChineseTitle, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/articles/rfi/1000100.html"));
        Assert.Equal(SiteBrowserFixture.ChineseTitle, await page.Locator("article h1").TextContentAsync());
        Assert.Contains("香港警方宣布新规", await page.Locator("article .body").TextContentAsync());
        Assert.Equal("法广", await page.Locator("dl.facts dd a").First.TextContentAsync());

        await page.GoBackAsync();
        Assert.Equal(homeUrl, page.Url);
        Assert.Equal("最新文章", await page.Locator("main h1").TextContentAsync());
    }

    internal static async Task<IReadOnlyList<string>> SearchAsync(IPage page, string searchUrl, string query)
    {
        await page.GotoAsync(searchUrl);
        await page.FillAsync("#q", query);
        await page.PressAsync("#q", "Enter");
        await page.Locator("#search-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("找到|没有找到|无法") }).WaitForAsync();
        return await page.Locator("#search-results li a").AllTextContentsAsync();
    }

    [Fact]
    public async Task Over_http_below_a_sub_path_home_and_article_render_and_links_go_there_and_back()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            await WalkHomeArticleAndBackAsync(page, site.Server.Url.AbsoluteUri);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, "home.png"), FullPage = true });

            await page.GotoAsync(Http("articles/rfi/1000100.html").AbsoluteUri);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, "article.png"), FullPage = true });
            await page.GotoAsync(Http("sources/rfi/index.html").AbsoluteUri);
            Assert.Equal("法广", await page.Locator("main h1").TextContentAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, "source.png"), FullPage = true });
        }
        AssertOnlyOwnRequests(requests, site.Server.Url.AbsoluteUri);
    }

    [Fact]
    public async Task Over_http_search_finds_articles_by_a_two_character_chinese_word_and_by_an_english_word()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            Assert.Equal([SiteBrowserFixture.ChineseTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "记者"));
            Assert.Equal([SiteBrowserFixture.EnglishTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "Trump"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, "search.png"), FullPage = true });

            await page.GotoAsync(Http("index.html").AbsoluteUri);
            await page.FillAsync("#site-q", "香港");
            await page.PressAsync("#site-q", "Enter");
            await page.Locator("#search-results li").First.WaitForAsync();
            Assert.Equal([SiteBrowserFixture.ChineseTitle], await page.Locator("#search-results li a").AllTextContentsAsync());

            await page.Locator("#search-results li a").First.ClickAsync();
            Assert.Equal(SiteBrowserFixture.ChineseTitle, await page.Locator("article h1").TextContentAsync());

            var many = await SearchAsync(page, Http("search.html").AbsoluteUri, "world");
            Assert.Equal("法广新闻第0条 world news 0", many[0]);
            Assert.Equal("找到 80 篇文章", await page.Locator("#search-status").TextContentAsync());
            await page.ClickAsync("#search-more");
            await page.Locator("#search-results li").Nth(many.Count).WaitForAsync();
            Assert.True(await page.Locator("#search-results li").CountAsync() > many.Count);
        }
        AssertOnlyOwnRequests(requests, site.Server.Url.AbsoluteUri);
    }

    [Fact]
    public async Task The_search_script_tokenizes_the_shared_vectors_as_the_csharp_tokenizer_does()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(Http("search.html").AbsoluteUri);
            var vectors = TokenizerVectors.All;
            // For each input: its tokens, its pairs and its query terms, as the page's own scripts make them.
            var actual = await page.EvaluateAsync<string[][][]>(
                "inputs => inputs.map(text => { const t = NewsMirrorSearchText.tokenize(text); return [t.tokens, t.pairs, NewsMirrorSearchText.queryTerms(text)]; })",
                vectors.Select(v => v.Input).ToArray());

            Assert.Equal(vectors.Count, actual.Length);
            var mismatches = vectors.Select((v, i) => (Vector: v, Got: actual[i]))
                .Where(x => !x.Got[0].SequenceEqual(x.Vector.Tokens) || !x.Got[1].SequenceEqual(x.Vector.Pairs) || !x.Got[2].SequenceEqual(x.Vector.Query))
                .Select(x => $"{x.Vector.Name}: tokens [{string.Join(" ", x.Got[0])}] pairs [{string.Join(" ", x.Got[1])}] query [{string.Join(" ", x.Got[2])}]")
                .ToList();
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
    }

    [Fact]
    public async Task Search_finds_a_simplified_title_by_a_traditional_query_and_an_english_title_by_full_width_letters()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            Assert.Equal([SiteBrowserFixture.ChineseTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "記者證"));
            Assert.Equal([SiteBrowserFixture.EnglishTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "ＴＲＵＭＰ"));
        }
    }

    [Fact]
    public async Task From_file_urls_the_site_renders_navigates_and_searches()
    {
        var (context, page, requests) = await OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        await using (context)
        {
            await WalkHomeArticleAndBackAsync(page, site.FileUrl("index.html").AbsoluteUri);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, "home-phone-file.png"), FullPage = true });

            Assert.Equal([SiteBrowserFixture.ChineseTitle], await SearchAsync(page, site.FileUrl("search.html").AbsoluteUri, "香港"));
            Assert.Equal([SiteBrowserFixture.EnglishTitle], await SearchAsync(page, site.FileUrl("search.html").AbsoluteUri, "trump"));
            Assert.Equal([SiteBrowserFixture.BodyWordTitle], await SearchAsync(page, site.FileUrl("search.html").AbsoluteUri, "zephyrine"));
            Assert.Equal(["zephyrine"], await page.Locator("#search-results li .snippet mark").AllTextContentsAsync());
            Assert.Equal([SiteBrowserFixture.TraditionalTitle], await SearchAsync(page, site.FileUrl("search.html").AbsoluteUri, "贸易战"));
        }
        AssertOnlyOwnRequests(requests, new Uri(site.SiteDirectory + "/").AbsoluteUri);
    }

    [Fact]
    public async Task A_word_only_in_a_body_finds_its_article_with_the_word_highlighted_in_the_snippet()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            Assert.Equal([SiteBrowserFixture.BodyWordTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "zephyrine"));
            var snippet = page.Locator("#search-results li .snippet");
            Assert.Contains("只在正文里", await snippet.TextContentAsync());
            Assert.Equal(["zephyrine"], await snippet.Locator("mark").AllTextContentsAsync());
            Assert.Equal(0, await page.Locator("#search-results li a mark").CountAsync());
        }
        AssertOnlyOwnRequests(requests, site.Server.Url.AbsoluteUri);
    }

    [Fact]
    public async Task Simplified_and_traditional_queries_find_each_other_and_the_match_is_highlighted_as_written()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            Assert.Equal([SiteBrowserFixture.TraditionalTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "贸易战"));
            Assert.Equal(["貿易戰"], await page.Locator("#search-results li a mark").AllTextContentsAsync());

            Assert.Equal([SiteBrowserFixture.ChineseTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "記者證"));
            Assert.Equal(["记者证"], await page.Locator("#search-results li a mark").AllTextContentsAsync());
        }
    }

    [Fact]
    public async Task Markup_written_as_text_in_a_body_shows_as_text_in_the_snippet_and_runs_nothing()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            Assert.Equal([SiteBrowserFixture.MarkupTextTitle], await SearchAsync(page, Http("search.html").AbsoluteUri, "注入"));
            var snippet = page.Locator("#search-results li .snippet");
            Assert.Equal(SiteBrowserFixture.TagsAsText, await snippet.TextContentAsync());
            Assert.Equal(["注入"], await snippet.Locator("mark").AllTextContentsAsync());
            Assert.Equal(0, await page.Locator("#search-results img").CountAsync());
            Assert.Equal(["MARK"], await snippet.EvaluateAsync<string[]>("e => Array.from(e.children, c => c.tagName)"));
            Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        }
    }

    [Fact]
    public async Task Results_come_newest_first_or_by_relevance_with_title_hits_before_body_hits()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            // The body hit is the newer article; the title hit ranks first by relevance.
            Assert.Equal([SiteBrowserFixture.BodyWordTitle, SiteBrowserFixture.AuroraTitle],
                await SearchAsync(page, Http("search.html").AbsoluteUri, "aurora"));

            await page.SelectOptionAsync("#search-order", "relevance");
            await page.Locator("#search-results li").Nth(1).WaitForAsync();
            Assert.Equal([SiteBrowserFixture.AuroraTitle, SiteBrowserFixture.BodyWordTitle],
                await page.Locator("#search-results li a").AllTextContentsAsync());

            // The choice is kept in the address, so a reload or a shared link orders alike.
            await page.ReloadAsync();
            await page.Locator("#search-results li").Nth(1).WaitForAsync();
            Assert.Equal("relevance", await page.InputValueAsync("#search-order"));
            Assert.Equal([SiteBrowserFixture.AuroraTitle, SiteBrowserFixture.BodyWordTitle],
                await page.Locator("#search-results li a").AllTextContentsAsync());
        }
    }

    [Fact]
    public async Task No_script_from_an_archived_body_runs()
    {
        var (context, page, requests) = await OpenAsync();
        await using (context)
        {
            foreach (var url in new[] { Http("articles/test/7.html").AbsoluteUri, site.FileUrl("articles/test/7.html").AbsoluteUri })
            {
                await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(LoadState.Load);
                Assert.Contains("这篇文章的正文带有攻击代码", await page.Locator("article .body").TextContentAsync());
                var link = page.GetByRole(AriaRole.Link, new() { Name = "点我" });
                if (await link.CountAsync() > 0) await link.ClickAsync();
                Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
            }
        }
        AssertOnlyOwnRequests(requests.Where(r => r.StartsWith("http", StringComparison.Ordinal)), site.Server.Url.AbsoluteUri);
    }

    [Fact]
    public async Task The_xss_table_fed_through_the_whole_pipeline_runs_no_script_on_site_or_list_pages()
    {
        // Every vector of the content tests as a feed item's title and body, archived raw (cleanup: none) and cleaned.
        var vectors = ((IEnumerable<object[]>)SanitizerXssTests.Vectors).Select(row => (string)row[0]).ToList();
        await using var feeds = await LoopbackServer.StartAsync();
        feeds.Serve("xss.xml", RssFixture.Document("xss", vectors.Select((vector, i) =>
            new RssFixtureItem($"向量{i} {vector}", $"https://news.example/xss/{i}", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = vector })));
        using var archive = new TempFolder();
        File.WriteAllText(Path.Combine(archive.Path, "newsmirror.yml"), $$"""
            sources:
              - name: raw
                folder: raw
                url: "{{feeds.Url("xss.xml")}}"
                cleanup: none
              - name: cleaned
                folder: cleaned
                url: "{{feeds.Url("xss.xml")}}"
            """);
        var run = await CliProcess.RunAsync(archive.Path, "run");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var build = await CliProcess.RunAsync(archive.Path, "site", "build");
        Assert.True(build.ExitCode == 0, build.Stderr);
        var siteFolder = Path.Combine(archive.Path, "site");
        using var server = SiteServer.Start(siteFolder);

        var (context, page, requests) = await OpenAsync();
        // Bodies keep images and embeds from other hosts; the browser is not let out of loopback to fetch them.
        await context.RouteAsync("**", route => route.Request.Url.StartsWith(server.Url.AbsoluteUri, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        var dialogs = new ConcurrentQueue<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await using (context)
        {
            var pages = new List<string> { "index.html" };
            foreach (var folder in new[] { "raw", "cleaned" })
                pages.AddRange(Directory.GetFiles(Path.Combine(siteFolder, "articles", folder), "*.html").Select(f => $"articles/{folder}/{Path.GetFileName(f)}"));
            Assert.Equal(1 + 2 * vectors.Count, pages.Count);
            foreach (var relative in pages)
            {
                var url = new Uri(server.Url, relative).AbsoluteUri;
                await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(LoadState.Load);
                Assert.Equal(url, page.Url);
                Assert.Equal(0, await page.EvaluateAsync<int>(DangerousUrls));
            }
            // Search results show titles from the index: every one of them, page after page.
            await SearchAsync(page, new Uri(server.Url, "search.html").AbsoluteUri, "向量");
            Assert.Equal($"找到 {2 * vectors.Count} 篇文章", await page.Locator("#search-status").TextContentAsync());
            var results = page.Locator("#search-results li a");
            for (var shown = await results.CountAsync(); shown < 2 * vectors.Count; shown = await results.CountAsync())
            {
                await page.ClickAsync("#search-more");
                await results.Nth(shown).WaitForAsync();
            }
            Assert.All(await results.AllTextContentsAsync(), title => Assert.StartsWith("向量", title));

            // List pages as the most permissive Markdown renderer shows them: inline HTML passed through.
            foreach (var list in Directory.GetFiles(Path.Combine(archive.Path, "lists")))
            {
                await page.SetContentAsync(Markdig.Markdown.ToHtml(File.ReadAllText(list)));
                Assert.Equal(vectors.Count, await page.Locator("a[href^='/articles/']").CountAsync());
                Assert.Equal(0, await page.EvaluateAsync<int>(DangerousUrls));
            }
        }
        Assert.True(dialogs.IsEmpty, "scripts ran: " + string.Join(", ", dialogs));
        // The vectors' hostile resources (scripts, style sheets, frames, bindings) are never even asked for.
        Assert.DoesNotContain(requests, url => url.Contains("evil.example", StringComparison.Ordinal));
    }

    /// <summary>Counts elements whose link or source would run script or load inline documents when followed.</summary>
    private const string DangerousUrls = """
        Array.from(document.querySelectorAll('[href],[src],[action],[formaction],[data],[poster]'))
          .flatMap(e => ['href', 'src', 'action', 'formaction', 'data', 'poster'].map(a => e.getAttribute(a) || ''))
          .filter(v => /^(javascript|vbscript|data):/i.test(v.replace(/[\s\u0000-\u001f]/g, '')))
          .length
        """;

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_main_content()
    {
        var (context, page, _) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync(Http("index.html").AbsoluteUri);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("跳到正文", await page.EvaluateAsync<string>("document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        }
    }
}
