using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`images: localize` through a real loopback server: images end up in assets/, once, and the archive shows them offline.</summary>
public class ImageLocalizeTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    [Fact]
    public async Task Images_are_stored_once_by_hash_and_bad_ones_keep_their_address()
    {
        await using var m = await MirrorFixture.StartAsync("    images: localize\n" + MirrorFixture.AllowLoopback);
        string? referer = null;
        m.Server.Serve("img/a.png", Png, "image/png");
        m.Server.Handle("img/same-bytes.png", async c => { referer = c.Request.Headers.Referer; c.Response.ContentType = "image/png"; await c.Response.Body.WriteAsync(Png); });
        m.Server.Serve("img/page.png", "<html>not an image</html>", "image/png");
        m.Server.Serve("img/huge.jpg", new byte[11 * 1024 * 1024], "image/jpeg");
        var a = m.Server.Url("img/a.png");
        m.ServeFeed("voa",
            new RssFixtureItem("图一", "https://www.voanews.com/a/1.html", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = $"<p>文</p><img src=\"{a}\"><img src=\"{m.Server.Url("img/page.png")}\">" },
            new RssFixtureItem("图二", "https://www.voanews.com/a/2.html", "Tue, 26 Mar 2024 09:45:01 GMT") { Description = $"<img src=\"{m.Server.Url("img/same-bytes.png")}\"><img src=\"{m.Server.Url("img/huge.jpg")}\">" });

        var result = await m.RunAsync("--only", "voa");
        await m.Server.DisposeAsync();

        Assert.Equal(0, result.ExitCode);
        var assets = Directory.GetFiles(m.Archive.Combine("assets", "voa"));
        var asset = Assert.Single(assets);
        Assert.Equal(Png, File.ReadAllBytes(asset));
        var local = "../../assets/voa/" + Path.GetFileName(asset);
        var first = m.Read("articles/voa/1048574.md");
        var second = m.Read("articles/voa/1048573.md");
        Assert.Contains($"src=\"{local}\"", first);
        Assert.Contains($"src=\"{local}\"", second);
        Assert.Contains(m.Server.Url("img/page.png"), first);
        Assert.Contains(m.Server.Url("img/huge.jpg"), second);
        Assert.Contains("not an image", result.Stdout);
        Assert.Contains("larger than", result.Stdout);
        Assert.Equal("https://www.voanews.com/a/2.html", referer);
        // Offline: the relative path resolves to the stored file from the article's own folder.
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(m.Archive.Combine("articles", "voa"), local))));
    }
}
