using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// A loopback server serving fixture feeds for all nine built-in outlets (and 中国数字时代's article pages),
/// plus an archive folder whose newsmirror.yml points each outlet at it. Page and image fetches from
/// loopback are refused by default, so each source allows the fixture's own server explicitly.
/// </summary>
public sealed class MirrorFixture : IAsyncDisposable
{
    public static readonly string[] FeedxFolders = ["reuters", "nyt", "voa", "ft", "bbc", "rfi", "dw"];
    public static readonly Dictionary<string, string> Names = new()
    {
        ["reuters"] = "路透", ["nyt"] = "纽约时报", ["voa"] = "美国之音", ["ft"] = "金融时报", ["bbc"] = "BBC",
        ["rfi"] = "法广", ["dw"] = "德国之声", ["rfa"] = "自由亚洲电台", ["cdt"] = "中国数字时代",
    };

    private MirrorFixture(LoopbackServer server, TempFolder archive)
    {
        Server = server;
        Archive = archive;
    }

    public LoopbackServer Server { get; }
    public TempFolder Archive { get; }

    public const string AllowLoopback = "    allow-hosts: [127.0.0.1]\n";

    public static async Task<MirrorFixture> StartAsync(string extraKeys = "    cleanup: none\n" + AllowLoopback)
    {
        var fixture = new MirrorFixture(await LoopbackServer.StartAsync(), new TempFolder());
        var yaml = new StringBuilder("sources:\n");
        foreach (var (folder, name) in Names)
            yaml.Append($"  - name: {name}\n    url: {fixture.Server.Url(folder + ".xml")}\n").Append(extraKeys);
        File.WriteAllText(fixture.Archive.Combine("newsmirror.yml"), yaml.ToString());
        return fixture;
    }

    public void ServeFeed(string folder, params RssFixtureItem[] items) =>
        Server.Serve(folder + ".xml", RssFixture.Document(Names[folder], items));

    public Task<CliProcess.Result> RunAsync(params string[] extra) => CliProcess.RunAsync(Archive.Path, ["run", .. extra]);

    public string Read(string relative) => File.ReadAllText(Archive.Combine(relative.Split('/')));

    public bool Exists(string relative) => File.Exists(Archive.Combine(relative.Split('/')));

    /// <summary>
    /// Every file of the archive with its bytes and write time, to prove a run changed nothing. The catalog
    /// database and the raw captures are left out: they are not part of the archive (git-ignored) and record each poll.
    /// </summary>
    public Dictionary<string, (string Content, DateTime Written)> Snapshot() =>
        Directory.EnumerateFiles(Archive.Path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("catalog.db", StringComparison.Ordinal)
                && !Path.GetRelativePath(Archive.Path, f).Replace('\\', '/').StartsWith(".newsmirror/warc/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Archive.Path, f), f => (File.ReadAllText(f), File.GetLastWriteTimeUtc(f)));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
    }
}
