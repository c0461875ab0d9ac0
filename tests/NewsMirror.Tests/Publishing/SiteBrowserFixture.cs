using Microsoft.Playwright;
using NewsMirror.Tests.Support;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

/// <summary>
/// One built site for the browser tests, served by <see cref="SiteServer"/> under <c>/mirror/</c> on loopback, and a
/// headless system Chromium (never a downloaded browser). Missing Chromium fails the tests, saying how to install it.
/// </summary>
public sealed class SiteBrowserFixture : IAsyncLifetime
{
    public const string ChineseTitle = "香港警方重新定义传媒采访资格 拒认记协记者证";
    public const string EnglishTitle = "Trump visits Hong Kong for trade talks";
    public const string XssTitle = "正文里藏着脚本的文章";
    public const string AuroraTitle = "极光照亮北欧夜空 Aurora over Tromsø";
    public const string BodyWordTitle = "经济学家谈贸易";
    public const string TraditionalTitle = "經濟學家談貿易戰";
    public const string MarkupTextTitle = "正文里写着标签的文章";

    /// <summary>The text of an article body: markup written out as text, which must reach the reader as text.</summary>
    public const string TagsAsText = "讨论 <img src=x onerror=\"window.__xss=1\"> 这种注入字符串。";

    private readonly TestArchive _archive = new();
    private IPlaywright? _playwright;

    public SiteServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string SiteDirectory => _archive.Site;
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public Uri FileUrl(string relative) => new(Path.Combine(_archive.Site, relative));

    public async Task InitializeAsync()
    {
        var chromiumPath = ChromiumLocation.Find() ?? throw new InvalidOperationException(ChromiumLocation.InstallHint);

        _archive.AddSource("法广", "rfi");
        _archive.AddSource("BBC 中文", "bbc");
        _archive.AddSource("测试", "test");
        _archive.Write("test", 7, XssTitle,
            "<p>这篇文章的正文带有攻击代码。</p><img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>" +
            "<a href=\"javascript:window.__xss=1\">点我</a><svg><script>window.__xss=1</script></svg>", TestArchive.BaseMs - 7_200_000);
        _archive.Write("test", 8, AuroraTitle, "<p>北欧的夜晚。</p>", TestArchive.BaseMs - 36_000_000);
        for (int i = 0; i < 80; i++)
            _archive.Write("rfi", 1000101 + i, $"法广新闻第{i}条 world news {i}", $"<p>第{i}条的正文。</p>", TestArchive.BaseMs - (i + 3) * 3_600_000L);
        _archive.Build();
        // The articles the searches look for come in a second build, so the search runs over both the base index and
        // the recent index that an incremental build adds.
        _archive.Write("rfi", 1000100, ChineseTitle, "<p><strong>香港警方</strong>宣布新规。</p><figure><img src=\"local.png\" alt=\"本地图片\"><figcaption>本地图片说明</figcaption></figure>", TestArchive.BaseMs);
        _archive.Write("bbc", 1041692, EnglishTitle, "<p>The president arrived on Tuesday.</p>", TestArchive.BaseMs - 3_600_000);
        _archive.Write("bbc", 1041700, BodyWordTitle, "<p>昨晚天空出现 aurora 景象，稀有的词 <em>zephyrine</em> 只在正文里。</p>", TestArchive.BaseMs - 7_000_000);
        _archive.Write("bbc", 1041701, TraditionalTitle, "<p>内容。</p>", TestArchive.BaseMs - 18_000_000);
        _archive.Write("test", 9, MarkupTextTitle, "<p>" + System.Net.WebUtility.HtmlEncode(TagsAsText) + "</p>", TestArchive.BaseMs - 20_000_000);
        _archive.Build();
        Directory.CreateDirectory(ScreenshotDirectory);

        Server = SiteServer.Start(_archive.Site, 0, "/mirror/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Server?.Dispose();
        _archive.Dispose();
    }
}
