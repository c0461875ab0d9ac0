using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary>
/// An archive of one source (<c>t</c>) whose articles' pages live on a loopback server; each page answers what the
/// test's <see cref="Page"/> function says for it, so pages change as the fake clock moves on.
/// </summary>
internal sealed class ProbeArchive : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private ProbeArchive(LoopbackServer server, TempFolder archive, int articles)
    {
        Server = server;
        Archive = archive;
        Texts = Enumerable.Range(0, articles).Select(i => ChineseText(i, 240)).ToList();
    }

    public LoopbackServer Server { get; }
    public TempFolder Archive { get; }
    public ArchivePaths Paths => new(Archive.Path);
    public FakeTimeProvider Clock { get; } = new(T0);
    public List<string> Texts { get; }

    /// <summary>How article <c>n</c>'s page answers now; default: the article as archived.</summary>
    public Func<int, HttpContext, Task>? Page { get; set; }

    /// <summary>Called for every article page request (e.g. to move the fake clock).</summary>
    public Action? OnPageRequest { get; set; }

    public SourceConfig Source => SourceSelection.Load(null, Archive.Path).Single();

    public static async Task<ProbeArchive> StartAsync(int articles, string sourceKeys = "")
    {
        var archive = new ProbeArchive(await LoopbackServer.StartAsync(), new TempFolder(), articles);
        File.WriteAllText(archive.Archive.Combine("newsmirror.yml"),
            $"sources:\n  - name: t\n    folder: t\n    url: {archive.Server.Url("feed.xml")}\n    allow-private: true\n{sourceKeys}");
        var items = Enumerable.Range(0, articles).Select(i => new RssFixtureItem(Title(i), archive.Link(i),
            (T0 - TimeSpan.FromMinutes(articles - i)).ToString("r", CultureInfo.InvariantCulture)) { Description = $"<p>{archive.Texts[i]}</p>" });
        archive.Server.Serve("feed.xml", RssFixture.Document("t", items));
        for (var i = 0; i < articles; i++)
        {
            var n = i;
            archive.Server.Handle($"news/{n}.html", context =>
            {
                archive.OnPageRequest?.Invoke();
                return archive.Page is { } page ? page(n, context) : archive.ServeArticle(context, Title(n), archive.Texts[n]);
            });
        }
        archive.Server.Serve("", Html("首页", "<nav>要闻 国际 财经</nav><p>" + ChineseText(1000, 120) + "</p>"), "text/html; charset=utf-8");
        var run = new ArchiveRun(archive.Paths, new FetchLimits(), archive.Clock);
        var report = await run.RunAsync([archive.Source], CancellationToken.None);
        Assert.Equal(articles, report.New);
        return archive;
    }

    public string Link(int n) => Server.Url($"news/{n}.html");

    public static string Title(int n) => $"第{n}篇报道的标题";

    public Task ServeArticle(HttpContext context, string title, string text) => Write(context, Html(title, $"<article><h1>{title}</h1><p>{text}</p></article>"));

    public static async Task Write(HttpContext context, string html, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
    }

    public static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><header>新闻网</header>{body}<footer>版权所有</footer></body></html>";

    /// <summary>Probes at <paramref name="after"/> past the archiving time, as a run would.</summary>
    public async Task<ProbeReport> ProbeAsync(TimeSpan after, ProbeRequest? request = null, int maxConcurrent = 4)
    {
        var at = T0 + after;
        if (at > Clock.GetUtcNow()) Clock.SetUtcNow(at);
        using var fetcher = new HttpFetcher();
        using var catalog = ArchiveCatalog.Open(Paths, [Source]);
        return await new ProbeRun(Paths, catalog, fetcher, new HostLimiter(2), Clock) { MaxConcurrent = maxConcurrent }
            .RunAsync([Source], request ?? new ProbeRequest(), CancellationToken.None);
    }

    public List<ProbeLogLine> LogLines() => ProbeLog.Read(ProbeLog.PathOf(Paths, "t"));

    public List<ProbeLogLine> LinesOf(int n) => LogLines().Where(l => l.Link == Link(n)).ToList();

    /// <summary>Text of deterministic, effectively unique Chinese characters: two seeds share almost no five-character run.</summary>
    public static string ChineseText(int seed, int length)
    {
        var random = new Random(seed + 17);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x4E00, 0x9FA5));
            if (i % 30 == 29) text.Append('。');
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
    }
}
