using System.Text;
using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class SafetyTests
{
    [Fact]
    public void External_entities_are_never_resolved()
    {
        var feed = FeedFixtures.Parse("xxe.xml");
        Assert.Equal("XXE &xxe; &internal;", feed.Title);
        Assert.Equal("Item &xxe;", Assert.Single(feed.Items).Title);
        Assert.DoesNotContain(feed.Items, i => i.Title!.Contains("root:"));
    }

    [Fact]
    public void Entity_expansion_does_not_happen()
    {
        var feed = FeedFixtures.Parse("billion-laughs.xml");
        Assert.Equal("Laughs &lol9;", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Nesting_deeper_than_the_cap_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 300));
        var xml = $"<rss version=\"2.0\"><channel><item><title>x</title><description>{deep}</description></item></channel></rss>";
        var error = Assert.Throws<FeedParseException>(() => FeedFixtures.ParseText(xml));
        Assert.Contains("nested deeper than 256", error.Message);
    }

    [Fact]
    public void Documents_over_the_size_cap_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>small</title></channel></rss>");
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(bytes, new FeedParseOptions { MaxDocumentBytes = 10 }));
        Assert.Contains("more than the limit of 10", error.Message);
        Assert.Equal("small", FeedParser.Parse(bytes, new FeedParseOptions()).Title);
    }
}
