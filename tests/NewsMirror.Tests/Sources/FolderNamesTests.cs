using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class FolderNamesTests
{
    [Theory]
    [InlineData("Solidot", "https://www.solidot.org/index.rss", "solidot")]
    [InlineData("BBC 中文网", "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", "bbc")]
    [InlineData("端传媒", "https://theinitium.com/newsfeed/", "theinitium")]
    [InlineData("美国之音", "https://www.voachinese.com/api/zyrtyequty", "voachinese")]
    [InlineData("纽约时报", "feeds/nyt.xml", "source")]
    public void Suggests_a_folder_from_an_ascii_name_else_the_host(string name, string url, string expected) =>
        Assert.Equal(expected, FolderNames.Suggest(name, url, []));

    [Fact]
    public void A_taken_folder_gets_a_number_and_a_valid_wanted_folder_is_kept()
    {
        Assert.Equal("bbc-3", FolderNames.Suggest("BBC", "https://x/", ["bbc", "BBC-2"]));
        Assert.Equal("mine", FolderNames.Choose("mine", "BBC", "https://x/", ["bbc"]));
        Assert.Equal("bbc", FolderNames.Choose("../x", "BBC", "https://x/", []));
        Assert.Equal("bbc-2", FolderNames.Choose("BBC", "BBC", "https://x/", ["bbc"]));
    }
}
