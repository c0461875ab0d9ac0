using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog;

/// <summary>`newsmirror search` through the real executable: it indexes what is pending and prints the documented JSON.</summary>
public class SearchCommandTests
{
    [Fact]
    public async Task Json_output_has_the_documented_shape()
    {
        using var archive = new TestArchive();
        archive.Article("dw", "1048574.md", TestArchive.Record("解碼中國", "https://www.dw.com/zh/a-1", 1711442701000, "<p>梵蒂岡的外交</p>"));
        archive.Article("dw", "1048573.md", TestArchive.Record("另一篇", "https://www.dw.com/zh/a-2", 1711448101000, "<p>中国经济</p>"));

        var result = await CliProcess.RunAsync(archive.Root, "search", "中国", "--json", "--limit", "1", "--since", "2024-03-26");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.False(json.RootElement.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.True(json.RootElement.GetProperty("rankedByRelevance").GetBoolean());
        var hit = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal(["source", "folder", "file", "title", "published", "snippet"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("德国之声", hit.GetProperty("source").GetString());
        Assert.Equal("dw", hit.GetProperty("folder").GetString());
        Assert.Equal("articles/dw/1048574.md", hit.GetProperty("file").GetString());
        Assert.Equal("解碼中國", hit.GetProperty("title").GetString());
        Assert.Equal("2024-03-26T08:45:01Z", hit.GetProperty("published").GetString());
    }

    [Fact]
    public async Task A_bad_date_is_a_usage_error()
    {
        using var archive = new TestArchive();

        var result = await CliProcess.RunAsync(archive.Root, "search", "x", "--since", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since", result.Stderr);
    }
}
