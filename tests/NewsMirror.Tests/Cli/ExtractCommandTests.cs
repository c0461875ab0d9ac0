using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using NewsMirror.Cli.Commands;
using NewsMirror.Bodies;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli;

public class ExtractCommandTests
{
    private static readonly string NewsPage = Path.Combine(AppContext.BaseDirectory, "Bodies", "Fixtures", "Pages", "news-article.html");

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand { ExtractCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(["extract", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_output_is_one_object_with_the_agreed_fields_and_unescaped_chinese()
    {
        var (exit, output, _) = await Run(NewsPage, "--url", "https://news.example/a/1.html", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["title", "byline", "excerpt", "siteName", "lang", "content", "textLength"], fields);
        var content = json.RootElement.GetProperty("content").GetString()!;
        Assert.Contains("国家统计局周一公布的数据显示", content);
        Assert.Contains("src=\"https://news.example/images/2024/factory.jpg\"", content);
        Assert.Equal(NewsMirror.Bodies.HtmlText.Length(content), json.RootElement.GetProperty("textLength").GetInt32());
        Assert.Equal("示例新闻网", json.RootElement.GetProperty("siteName").GetString());
        Assert.Contains("中国前两月工业生产超预期", output);
    }

    [Fact]
    public async Task Plain_output_is_the_title_then_the_cleaned_html()
    {
        var (exit, output, _) = await Run(NewsPage);

        Assert.Equal(0, exit);
        Assert.StartsWith("中国前两月工业生产超预期 房地产投资继续下滑" + Environment.NewLine + Environment.NewLine + "<", output);
        Assert.DoesNotContain("<script", output);
    }

    [Fact]
    public async Task Page_without_article_exits_with_1()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "<html><body><nav><a href=\"/\"></a></nav></body></html>");
            var (exit, _, error) = await Run(file, "--json");
            Assert.Equal(1, exit);
            Assert.Contains("no article content", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Arguments separated by spaces; <c>PAGE</c> stands for an existing article page.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("/no/such/file.html")]
    [InlineData("PAGE --bogus")]
    [InlineData("PAGE extra")]
    [InlineData("PAGE --url not-a-url")]
    [InlineData("PAGE --url")]
    public async Task Usage_errors_exit_with_2(string args)
    {
        var (exit, output, error) = await Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "PAGE" ? NewsPage : a).ToArray());

        Assert.Equal(2, exit);
        Assert.Contains("usage:", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Url_is_fetched_decoded_by_its_charset_and_used_as_base()
    {
        var page = (await File.ReadAllTextAsync(NewsPage)).Replace("<meta charset=\"utf-8\">", "");
        await using var server = await LoopbackServer.StartAsync();
        string? userAgent = null;
        server.Handle("story/1.html", async context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            context.Response.ContentType = "text/html; charset=gb18030";
            await context.Response.Body.WriteAsync(Encoding.GetEncoding("gb18030").GetBytes(page));
        });

        var (exit, output, _) = await Run(server.Url("story/1.html"), "--json");

        Assert.Equal(0, exit);
        Assert.Contains("国家统计局周一公布的数据显示", output);
        Assert.Contains(server.Url("images/2024/factory.jpg"), output);
        Assert.StartsWith("NewsMirror/", userAgent);
    }

    [Fact]
    public async Task Failed_fetch_exits_with_1()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Status("missing.html", (int)HttpStatusCode.NotFound);

        var (exit, _, error) = await Run(server.Url("missing.html"));

        Assert.Equal(1, exit);
        Assert.Contains("could not fetch", error);
    }

    static ExtractCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
