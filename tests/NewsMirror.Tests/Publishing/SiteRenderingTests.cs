using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

public class SiteRenderingTests
{
    private const string MarkupTitle = "[链接] (http://x.example/) <b>粗</b> & \"引号\" 'single' *星* _下划线_ `code` </title>";

    [Fact]
    public void A_title_with_markup_characters_is_shown_as_its_text_on_the_article_home_and_day_pages()
    {
        using var archive = new TestArchive();
        archive.AddSource("测试源", "demo");
        archive.Write("demo", 1048574, MarkupTitle, "<p>正文</p>");

        archive.Build();

        var article = SiteHtml.Load(archive, "articles/demo/1048574.html");
        Assert.Equal(MarkupTitle, article.QuerySelector("article h1")!.TextContent);
        Assert.Empty(article.QuerySelectorAll("article h1 *"));
        Assert.Equal(MarkupTitle + " · 新闻镜像", article.Title);
        foreach (var page in new[] { "index.html", "days/2024-03-26.html", "sources/demo/index.html" })
        {
            var links = SiteHtml.Load(archive, page).QuerySelectorAll("ol.articles a").Select(a => a.TextContent);
            Assert.Contains(MarkupTitle, links);
        }
    }

    [Fact]
    public void Cjk_and_very_long_titles_render_whole()
    {
        using var archive = new TestArchive();
        archive.AddSource("德国之声", "dw");
        var longTitle = string.Concat(Enumerable.Repeat("很长的标题Very long title ", 200));
        archive.Write("dw", 1024206, "CK母公司PVH集團抵制新疆棉遭中國調查", "<p>一</p>");
        archive.Write("dw", 1024205, longTitle.Trim(), "<p>二</p>", TestArchive.BaseMs - 1000);

        archive.Build();

        Assert.Equal("CK母公司PVH集團抵制新疆棉遭中國調查", SiteHtml.Load(archive, "articles/dw/1024206.html").QuerySelector("h1")!.TextContent);
        Assert.Equal(longTitle.Trim(), SiteHtml.Load(archive, "articles/dw/1024205.html").QuerySelector("h1")!.TextContent);
        var sourcePage = SiteHtml.Load(archive, "sources/dw/index.html");
        Assert.Equal("德国之声", sourcePage.QuerySelector("main h1")!.TextContent);
        Assert.Equal(2, sourcePage.QuerySelectorAll("ol.articles li").Length);
    }

    [Fact]
    public void An_empty_body_renders_a_page_that_says_so()
    {
        using var archive = new TestArchive();
        archive.AddSource("空", "empty");
        archive.Write("empty", 5, "没有正文的文章", "");

        archive.Build();

        var page = SiteHtml.Load(archive, "articles/empty/5.html");
        Assert.Contains("没有正文", page.QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public void Body_scripts_handlers_forms_and_foreign_frames_are_removed_but_images_figures_videos_and_players_kept()
    {
        using var archive = new TestArchive();
        archive.AddSource("危险", "xss");
        archive.Write("xss", 7, "XSS", "<p>前</p><img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>" +
            "<a href=\"javascript:alert(1)\">js</a><form action=\"/steal\"><input name=a></form>" +
            "<iframe src=\"https://evil.example/\"></iframe><iframe src=\"https://www.youtube.com/embed/abc\"></iframe>" +
            "<figure><img src=\"images/a.jpg\" srcset=\"images/a.jpg 1x, javascript:alert(1) 2x\"><figcaption>图</figcaption></figure>" +
            "<video controls src=\"https://media.example/v.mp4\"></video><svg onload=\"window.__xss=1\"></svg><p>后</p>");

        archive.Build();

        var body = SiteHtml.Load(archive, "articles/xss/7.html").QuerySelector(".body")!;
        Assert.Empty(body.QuerySelectorAll("script, form, input, svg"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["https://www.youtube.com/embed/abc"], body.QuerySelectorAll("iframe").Select(f => f.GetAttribute("src")));
        Assert.Equal("图", body.QuerySelector("figure figcaption")!.TextContent);
        Assert.Equal("images/a.jpg", body.QuerySelector("figure img")!.GetAttribute("src"));
        Assert.NotNull(body.QuerySelector("video[controls]"));
        Assert.Contains("前", body.TextContent);
        Assert.Contains("后", body.TextContent);
    }

    [Fact]
    public void A_source_with_one_article_has_an_index_page_without_pager_and_an_article_without_neighbours()
    {
        using var archive = new TestArchive();
        archive.AddSource("独篇", "one");
        archive.Write("one", 1048574, "唯一的文章", "<p>x</p>");

        archive.Build();

        var index = SiteHtml.Load(archive, "sources/one/index.html");
        Assert.Single(index.QuerySelectorAll("ol.articles li"));
        Assert.Null(index.QuerySelector("nav.pager"));
        Assert.False(File.Exists(archive.SitePath("sources/one/page-1.html")));
        Assert.Null(SiteHtml.Load(archive, "articles/one/1048574.html").QuerySelector("nav.pager"));
    }

    [Fact]
    public void A_source_with_ten_thousand_articles_pages_through_every_article_once_from_its_index()
    {
        using var archive = new TestArchive();
        archive.AddSource("大量", "many");
        const int count = 10_000;
        for (int i = 0; i < count; i++)
            archive.Write("many", 1_000_000 - count + i, $"第{count - i}篇 Article {count - i}", "<p>x</p>", TestArchive.BaseMs - i * 60_000L);

        archive.Build();

        var seen = new List<string>();
        var page = "sources/many/index.html";
        var visited = new HashSet<string>();
        while (visited.Add(page))
        {
            var document = SiteHtml.Load(archive, page);
            seen.AddRange(SiteHtml.LinkTargets(document, page, "ol.articles a"));
            var older = document.QuerySelector("nav.pager a[rel=next]");
            if (older is null) break;
            page = SiteHtml.Resolve(page, older.GetAttribute("href")!);
        }
        Assert.Equal(count, seen.Distinct().Count());
        Assert.Equal(count, seen.Count);
        Assert.All(seen, target => Assert.True(File.Exists(archive.SitePath(target)), target));
        Assert.Equal("articles/many/990000.html", seen[0]);
        Assert.Equal("articles/many/999999.html", seen[^1]);
    }

    [Fact]
    public void Article_pages_link_to_their_older_and_newer_neighbours_in_the_source()
    {
        using var archive = new TestArchive();
        archive.AddSource("邻居", "n");
        archive.Write("n", 12, "新", "<p>1</p>", TestArchive.BaseMs);
        archive.Write("n", 13, "中", "<p>2</p>", TestArchive.BaseMs - 1000);
        archive.Write("n", 14, "旧", "<p>3</p>", TestArchive.BaseMs - 2000);

        archive.Build();

        var middle = SiteHtml.Load(archive, "articles/n/13.html");
        Assert.Equal("articles/n/14.html", SiteHtml.Resolve("articles/n/13.html", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href")!));
        Assert.Equal("articles/n/12.html", SiteHtml.Resolve("articles/n/13.html", middle.QuerySelector("a[rel=next]")!.GetAttribute("href")!));
    }

    [Fact]
    public void Ids_order_the_source_by_number_so_999999_is_newer_than_1000000()
    {
        using var archive = new TestArchive();
        archive.AddSource("法广", "rfi");
        archive.Write("rfi", 1000000, "旧的", "<p>a</p>", TestArchive.BaseMs - 86_400_000);
        archive.Write("rfi", 999999, "新的", "<p>b</p>");

        archive.Build();

        var titles = SiteHtml.Load(archive, "sources/rfi/index.html").QuerySelectorAll("ol.articles a").Select(a => a.TextContent).ToList();
        Assert.Equal(["新的", "旧的"], titles);
    }

    [Fact]
    public void Days_are_china_time_days_and_the_home_page_groups_the_newest_articles_of_all_sources_by_day()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙", "b");
        long lateEveningUtc = 1711470600000; // 2024-03-26T16:30Z = 2024-03-27 00:30 China time
        archive.Write("a", 10, "午夜之后", "<p>x</p>", lateEveningUtc);
        archive.Write("b", 10, "下午", "<p>y</p>", TestArchive.BaseMs);

        archive.Build();

        Assert.Equal(["午夜之后"], SiteHtml.Load(archive, "days/2024-03-27.html").QuerySelectorAll("ol.articles a").Select(a => a.TextContent));
        Assert.Equal(["下午"], SiteHtml.Load(archive, "days/2024-03-26.html").QuerySelectorAll("ol.articles a").Select(a => a.TextContent));
        var home = SiteHtml.Load(archive, "index.html");
        var days = home.QuerySelectorAll("section.day").ToList();
        Assert.Equal(["2024-03-27", "2024-03-26"], days.Select(d => d.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal("甲", days[0].QuerySelector(".source")!.TextContent);
        Assert.Equal("乙", days[1].QuerySelector(".source")!.TextContent);
    }

    [Fact]
    public void Files_sharing_an_id_get_distinct_pages()
    {
        using var archive = new TestArchive();
        archive.AddSource("中国数字时代", "cdt");
        archive.Write("cdt", 392261, "天朝主义", "<p>a</p>", fileName: "392261_【天朝主义】标题.md");
        archive.Write("cdt", 392261, "综合", "<p>b</p>", fileName: "392261_综合 | 标题.md");

        archive.Build();

        Assert.Equal("天朝主义", SiteHtml.Load(archive, "articles/cdt/392261.html").QuerySelector("h1")!.TextContent);
        Assert.Equal("综合", SiteHtml.Load(archive, "articles/cdt/392261-2.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Article_pages_take_their_sources_lang_from_newsmirror_yml_and_other_pages_the_sites()
    {
        using var archive = new TestArchive();
        archive.AddSource("简体", "hans");
        archive.AddSource("繁體", "hant");
        archive.AddSource("English", "en");
        File.WriteAllText(Path.Combine(archive.Root, "newsmirror.yml"), """
            sources:
              - name: 简体
                folder: hans
                url: https://example.org/hans.xml
              - name: 繁體
                folder: hant
                url: https://example.org/hant.xml
                lang: zh-Hant
              - name: English
                folder: en
                url: https://example.org/en.xml
                lang: en
            """);
        archive.Write("hans", 1, "简体标题", "<p>正文</p>");
        archive.Write("hant", 1, "繁體標題", "<p>正文</p>");
        archive.Write("en", 1, "English title", "<p>Body</p>");

        var languages = SiteSources.Languages(archive.Root);
        SiteBuilder.Build(archive.Options() with { SourceLanguages = languages });

        string Lang(string page) => SiteHtml.Load(archive, page).DocumentElement.GetAttribute("lang")!;
        Assert.Equal("zh-Hans", Lang("articles/hans/1.html"));
        Assert.Equal("zh-Hant", Lang("articles/hant/1.html"));
        Assert.Equal("en", Lang("articles/en/1.html"));
        Assert.Equal("zh-Hans", Lang("index.html"));
        Assert.Equal("zh-Hans", Lang("sources/en/index.html"));
    }

    [Fact]
    public void Every_page_sets_lang_uses_landmarks_and_links_only_relatively_to_files_that_exist()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("中文 文件夹", "中文 文件夹");
        for (int i = 0; i < 120; i++) archive.Write("a", 100 + i, $"甲{i}", "<p>x</p>", TestArchive.BaseMs - i * 3_600_000L);
        archive.Write("中文 文件夹", 1, "空格和中文", "<p><a href=\"https://elsewhere.example/\">外链</a></p>");

        archive.Build();

        var pages = Directory.GetFiles(archive.Site, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 120);
        foreach (var file in pages)
        {
            var relative = Path.GetRelativePath(archive.Site, file).Replace('\\', '/');
            var page = SiteHtml.Load(archive, relative);
            Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(page.QuerySelector("body > header"));
            Assert.NotNull(page.QuerySelector("header nav"));
            Assert.NotNull(page.QuerySelector("main#main"));
            Assert.NotNull(page.QuerySelector("body > footer"));
            foreach (var element in page.QuerySelectorAll("[href], [src]").Where(e => e.Closest(".body, dd.link") is null))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith('#')) continue;
                Assert.False(Uri.TryCreate(url, UriKind.Absolute, out _), $"{relative} links to absolute {url}");
                var target = SiteHtml.Resolve(relative, url.Split('?')[0]);
                Assert.True(File.Exists(archive.SitePath(target)), $"{relative} links to missing {target}");
            }
        }
    }

    [Fact]
    public void Files_that_are_not_article_files_are_skipped_and_reported_while_the_rest_is_built()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.Write("a", 1, "好文章", "<p>x</p>");
        File.WriteAllText(archive.ArticlePath("a", "2.md"), "---\nlayout: post\ntitle: 不是文章\n---\n正文\n", TestArchive.Utf8);
        File.WriteAllText(archive.ArticlePath("a", "notes.md"), "not an article", TestArchive.Utf8);

        var report = archive.Build();

        Assert.Equal(1, report.Articles);
        Assert.Equal([Path.Combine("articles", "a", "2.md")], report.SkippedFiles);
        Assert.True(File.Exists(archive.SitePath("articles/a/1.html")));
        Assert.False(File.Exists(archive.SitePath("articles/a/2.html")));
    }

    [Fact]
    public void Source_names_come_from_list_pages_and_fall_back_to_the_folder()
    {
        using var archive = new TestArchive();
        archive.AddSource("ignored", "dw");
        archive.AddSource("ignored", "voa");
        Directory.CreateDirectory(Path.Combine(archive.Root, "lists"));
        File.WriteAllText(Path.Combine(archive.Root, "lists", "德国之声.md"),
            "德国之声\n------\n\n9-25 [标题](/articles/dw/1024206.md)\n\n", TestArchive.Utf8);

        var names = ArchiveSourceNames.Discover(archive.Root);

        Assert.Equal([("德国之声", "dw"), ("voa", "voa")], names);
    }
}
