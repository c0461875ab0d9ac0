using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class NamespaceTests
{
    [Fact]
    public void A_prefixed_atom_feed_is_read_by_namespace_and_a_prefix_bound_elsewhere_is_not_atom()
    {
        var feed = FeedFixtures.Parse("atom-prefixed.xml");
        Assert.Equal("atom1.0", feed.Format);
        Assert.Equal("Prefixed Atom", feed.Title);
        Assert.Equal("https://prefixed.example/", feed.Link);
        Assert.Equal(["Prefixed entry", "Default-namespace entry"], feed.Items.Select(i => i.Title));
        Assert.Equal("<p>Body</p>", feed.Items[0].Content);
        Assert.Equal(["prefixed"], feed.Items[0].Categories);
        Assert.Equal("https://prefixed.example/2", feed.Items[1].Link);
    }

    [Fact]
    public void A_default_namespace_on_rss_holds_the_rss_elements()
    {
        var feed = FeedFixtures.Parse("rss-default-namespace.xml");
        Assert.Equal("rss2.0", feed.Format);
        Assert.Equal("Default namespace", feed.Title);
        Assert.Equal("https://ns.example/", feed.Link);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Namespaced item", item.Title);
        Assert.Equal("ns-1", item.Id);
        Assert.Equal("https://ns.example/1", item.Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("Summary", item.Summary);
        Assert.Equal("<p>Content via a non-standard prefix</p>", item.Content);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void An_atom_03_root_in_an_unknown_namespace_variant_still_reads_its_title_and_entries()
    {
        var feed = FeedFixtures.Parse("atom03-unknown-namespace.xml");
        Assert.Equal("atom0.3", feed.Format);
        Assert.Equal("Variant namespace", feed.Title);
        Assert.Equal("Still Atom 0.3", feed.Description);
        Assert.Equal("https://variant.example/", feed.Link);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("Read anyway", entry.Title);
        Assert.Equal("<p>summary</p>", entry.Summary);
        Assert.Equal(["feed element in the unknown namespace http://example.com/newnamespace read as Atom 0.3"], feed.Errors);
    }
}
