using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// An FT-style feed: items with their own guids, titles and bodies that share one link. Each is its own article,
/// in the run that first sees them together and when one arrives after the other is archived.
/// </summary>
public class SharedLinkTests
{
    private const string Link = "https://www.ftchinese.com/story/001";

    private static string Feed(params RssFixtureItem[] items) => RssFixture.Document("金融时报", items);

    private static readonly RssFixtureItem First = new("英国央行维持利率不变", Link, "Tue, 26 Mar 2024 08:00:00 GMT") { Guid = "ft-001", Description = "<p>一</p>" };
    private static readonly RssFixtureItem Second = new("英国央行：通胀回落", Link, "Tue, 26 Mar 2024 09:00:00 GMT") { Guid = "ft-002", Description = "<p>二</p>" };

    private static async Task<(LoopbackServer Server, TempFolder Archive)> StartAsync(string onChange)
    {
        var server = await LoopbackServer.StartAsync();
        var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"),
            $"sources:\n  - name: 金融时报\n    folder: ft\n    url: {server.Url("ft.xml")}\n    cleanup: none\n    on-change: {onChange}\n");
        return (server, archive);
    }

    [Fact]
    public async Task Both_items_are_archived_in_one_run()
    {
        var (server, archive) = await StartAsync("ignore");
        await using var _ = server;
        using var __ = archive;
        server.Serve("ft.xml", Feed(First, Second));

        var result = await CliProcess.RunAsync(archive.Path, "run");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("[英国央行维持利率不变](https://www.ftchinese.com/story/001)", File.ReadAllLines(archive.Combine("articles", "ft", "1048574.md"))[1]);
        Assert.Equal("[英国央行：通胀回落](https://www.ftchinese.com/story/001)", File.ReadAllLines(archive.Combine("articles", "ft", "1048573.md"))[1]);
    }

    [Fact]
    public async Task A_later_item_sharing_an_archived_link_is_a_new_article_and_leaves_the_first_untouched()
    {
        var (server, archive) = await StartAsync("update");
        await using var _ = server;
        using var __ = archive;
        server.Serve("ft.xml", Feed(First));
        Assert.Equal(0, (await CliProcess.RunAsync(archive.Path, "run")).ExitCode);
        var first = File.ReadAllText(archive.Combine("articles", "ft", "1048574.md"));

        server.Serve("ft.xml", Feed(First, Second));
        var result = await CliProcess.RunAsync(archive.Path, "run");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(first, File.ReadAllText(archive.Combine("articles", "ft", "1048574.md")));
        Assert.Equal("<!--1711443600000-->\n[英国央行：通胀回落](https://www.ftchinese.com/story/001)\n------\n\n<p>二</p>\n",
            File.ReadAllText(archive.Combine("articles", "ft", "1048573.md")));
    }
}
