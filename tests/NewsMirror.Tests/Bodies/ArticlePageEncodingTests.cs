using System.Text;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Bodies;

/// <summary>Article pages go through the same decoder as feeds, and its decisions reach the run's warnings.</summary>
public class ArticlePageEncodingTests
{
    static ArticlePageEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_gbk_page_served_as_utf8_is_read_as_gbk_and_the_decision_is_a_warning()
    {
        await using var m = await MirrorFixture.StartAsync("    fulltext: readability\n" + MirrorFixture.AllowLoopback);
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>第{i}段：记者从现场了解到，央行今天宣布下调存款准备金率，释放长期资金约一万亿元，以支持实体经济发展。</p>"));
        var page = $"<!doctype html><html><head><title>央行</title></head><body><article><h1>央行降准</h1>{paragraphs}</article></body></html>";
        m.Server.Serve("a/gbk.html", Encoding.GetEncoding("gbk").GetBytes(page), "text/html; charset=utf-8");
        m.ServeFeed("voa", new RssFixtureItem("央行降准", m.Server.Url("a/gbk.html"), "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>摘要</p>" });

        var result = await m.RunAsync("--only", "voa");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("第6段：记者从现场了解到，央行今天宣布下调存款准备金率", m.Read("articles/voa/1048574.md"));
        Assert.Contains($"article page {m.Server.Url("a/gbk.html")}: HTTP charset says utf-8 but the bytes are not valid UTF-8; " +
            "read as gb18030, detected from the bytes (confidence 0.99)", result.Stdout);
    }
}
