using Microsoft.Playwright;
using NewsMirror.Publishing.Site;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Site;

/// <summary>
/// An archive whose sources revised and removed articles after archiving, its built site, and a headless system
/// Chromium. Times are UTC; the site shows them in China time (UTC+8).
/// </summary>
public sealed class SiteChangesFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Archived = new(2024, 3, 26, 9, 0, 0, TimeSpan.Zero);

    public const string ChineseTitle = "香港警方重新定义传媒采访资格";
    public const string ChineseTitleRevised = "香港警方重新定义新闻采访资格";
    public const string EnglishTitle = "Trump visits Hong Kong for trade talks";
    public const string EnglishTitleRevised = "Trump visits Hong Kong for tariff talks";
    public const string IgnoredTitle = "法广快讯";
    public const string RemovedTitle = "被删除的报道";
    public const string RedirectedTitle = "被重定向的报道";
    public const string RedirectTarget = "https://www.bbc.com/zhongwen/simp";

    private readonly RevisedArchive _archive = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string SiteDirectory => _archive.Archive.Site;
    internal RevisedArchive Archive => _archive;

    public Uri FileUrl(string relative) => new(Path.Combine(SiteDirectory, relative));

    public async Task InitializeAsync()
    {
        var chromiumPath = ChromiumLocation.Find() ?? throw new InvalidOperationException(ChromiumLocation.InstallHint);
        _archive.AddSource("法广", "rfi");
        _archive.AddSource("BBC", "bbc");
        _archive.Add("rfi", 1000100, ChineseTitle, "<p>香港警方宣布新规，记者证须由政府认可。</p><p>记协表示反对。</p>", Archived);
        _archive.Add("rfi", 1000101, IgnoredTitle, "<p>快讯正文。</p>", Archived);
        _archive.Add("rfi", 1000102, RemovedTitle, "<p>这篇报道后来被删除。</p>", Archived);
        _archive.Add("bbc", 1041692, EnglishTitle, "<p>The president arrived on Tuesday.</p>", Archived);
        _archive.Add("bbc", 1041693, RedirectedTitle, "<p>这篇报道后来被重定向。</p>", Archived);
        _archive.Update("rfi", 1000100, ChineseTitleRevised, "<p>香港警方周二宣布新规，记者证须由政府认可。</p><p>记协表示反对。</p>", Archived.AddHours(1));
        _archive.Update("rfi", 1000100, ChineseTitleRevised, "<p>香港警方周二宣布新规，记者证须由政府认可。</p><p>记协发表声明强烈反对。</p>", Archived.AddHours(6));
        _archive.Update("bbc", 1041692, EnglishTitleRevised, "<p>The president arrived on Wednesday evening.</p>", Archived.AddHours(2));
        _archive.Ignore("rfi", 1000101, "法广快讯（更新）", Archived.AddHours(3));
        _archive.Removals.Add(new SiteRemoval("rfi", 1000102, SiteRemoval.Verdicts.Removed, Archived.AddDays(1), 404, null));
        _archive.Removals.Add(new SiteRemoval("bbc", 1041693, SiteRemoval.Verdicts.Redirected, Archived.AddDays(2), 301, RedirectTarget));
        _archive.Build();

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
        _archive.Dispose();
    }
}
