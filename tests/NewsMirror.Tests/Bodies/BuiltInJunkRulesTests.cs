using AngleSharp.Html.Parser;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class BuiltInJunkRulesTests
{
    private const string FeedxBest = "获取更多RSS：https://feedx.net https://feedx.best";
    private const string FeedxXyz = "获取更多RSS：https://feedx.net https://feedx.xyz";
    private const string FtNotice = "来自FT中文网的温馨提示：如您对FT中文网的内容感兴趣，请在苹果应用商店或华为应用市场搜索“FT中文网”，下载FT中文网的官方应用，付费订阅。祝您使用愉快！";

    /// <summary>Archive copies: the junk each outlet's rules must remove, and a selector for it that must then match nothing.</summary>
    public static TheoryData<string, string, string[], string> CorpusCases => new()
    {
        { "rfi-999999.md", "rfi", ["分享 :", FeedxBest], "share-button, [data-selfpromo-newsletter], [data-selfpromo-app], hr, a[href*='facebook.com/dialog/share']" },
        { "voa-1045742.md", "美国之音", [FeedxXyz], "hr, a[href*='feedx']" },
        { "cdt-0.md", "cdt", [], ".a2a_kit, a[href*='addtoany.com']" },
        { "cdt-333044.md", "cdt", [], ".a2a_kit, a[href*='addtoany.com'], noscript" },
        { "bbc-1047512.md", "BBC", ["跳过 Twitter 帖子, 1", "结尾 Twitter 帖子, 1"], "[data-e2e=advertisement], a[href^='#skip-']" },
        { "ft-1044801.md", "ft", [FtNotice], "" },
        { "ft-1047134.md", "金融时报", [], ".o-ads, [data-o-ads-name]" },
        { "rfa-1045000.md", "rfa", [], "#zoomattribute, img[src*='icon-zoom']" },
    };

    /// <summary>Bodies written for these tests in the outlets' shapes, with look-alike article text that must stay.</summary>
    public static TheoryData<string, string, string[], string> FixtureCases => new()
    {
        { "rfi-share.html", "rfi", ["分享 :"], "share-button, share-modal, [data-selfpromo-app], a[href*='facebook.com/dialog/share']" },
        { "feedx-footer.html", "voa", [FeedxXyz], "hr, a[href='https://feedx.xyz']" },
        { "addtoany.html", "cdt", [], ".addtoany_share_save_container, a[href*='addtoany.com']" },
        { "bbc-embed.html", "bbc", ["跳过 Twitter 帖子, 1", "结尾 Twitter 帖子, 1"], "[data-e2e=advertisement], .lazyload-placeholder, a[href^='#skip-']" },
        { "ft-promo.html", "ft", [FtNotice], ".o-ads" },
        { "rfa-figure.html", "rfa", [], "#zoomattribute, img[src*='icon-zoom']" },
    };

    [SkippableTheory]
    [MemberData(nameof(CorpusCases))]
    public void Corpus_copy_loses_its_junk_and_nothing_else(string file, string folder, string[] junk, string goneSelector)
    {
        var article = ArchivedArticle.Fixture(file);
        AssertJunkRemovedTextKept(article.Body, article.Link, folder, junk, goneSelector);
    }

    [SkippableTheory]
    [MemberData(nameof(FixtureCases))]
    public void Fixture_body_loses_its_junk_and_nothing_else(string file, string folder, string[] junk, string goneSelector)
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bodies", "Fixtures", "Bodies", file));
        AssertJunkRemovedTextKept(body, new Uri("https://news.example/article/1.html"), folder, junk, goneSelector);
    }

    [SkippableFact]
    public void Every_shared_corpus_article_keeps_all_text_but_the_known_junk()
    {
        var articles = ArchivedArticle.SharedCorpusArticles();
        string[] knownJunk = ["分享 :", FeedxBest, FeedxXyz, "跳过 Twitter 帖子, 1", "结尾 Twitter 帖子, 1", FtNotice];
        var checkedFiles = 0;
        foreach (var path in Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories))
        {
            var article = ArchivedArticle.Read(path);
            var folder = Path.GetFileName(Path.GetDirectoryName(path)!);
            var before = VisibleText.Compact(article.Body);
            var present = knownJunk.Where(j => before.Contains(string.Concat(j.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal)).ToArray();
            var cleaned = BodyCleaner.Clean(article.Body, new CleanupOptions { BaseUrl = article.Link, Rules = BuiltInJunkRules.For(folder) });
            Assert.True(VisibleText.CompactWithout(article.Body, present) == VisibleText.Compact(cleaned), $"text changed in {folder}/{article.Name}");
            checkedFiles++;
        }
        Assert.True(checkedFiles > 0);
    }

    [SkippableFact]
    public void Every_default_outlet_has_rules_and_legacy_folders_share_them()
    {
        Assert.Equal(["bbc", "cdt", "dw", "ft", "nyt", "reuters", "rfa", "rfi", "voa"], BuiltInJunkRules.Outlets.Order());
        Assert.Equal(BuiltInJunkRules.For("rfi"), BuiltInJunkRules.For("法广"));
        Assert.Contains(BuiltInJunkRules.RfiShareBlock, BuiltInJunkRules.For("rfi"));
        Assert.DoesNotContain(BuiltInJunkRules.RfiShareBlock, BuiltInJunkRules.For("dw"));
        Assert.Equal(BuiltInJunkRules.Common, BuiltInJunkRules.For("some-new-source"));
    }

    private static void AssertJunkRemovedTextKept(string body, Uri link, string folder, string[] junk, string goneSelector)
    {
        var cleaned = BodyCleaner.Clean(body, new CleanupOptions { BaseUrl = link, Rules = BuiltInJunkRules.For(folder) });

        Assert.Equal(VisibleText.CompactWithout(body, junk), VisibleText.Compact(cleaned));
        if (goneSelector.Length > 0)
        {
            var before = new HtmlParser().ParseDocument(body).QuerySelectorAll(goneSelector);
            Assert.NotEmpty(before);
            var after = new HtmlParser().ParseDocument(cleaned).QuerySelectorAll(goneSelector);
            Assert.Empty(after);
        }
    }
}
