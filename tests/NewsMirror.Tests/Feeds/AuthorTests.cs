using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class AuthorTests
{
    [Fact]
    public void Rss_author_forms_are_kept_as_written_and_told_apart_into_name_and_email()
    {
        var feed = FeedFixtures.Parse("authors.xml");
        Assert.Equal("editor@example.org (The Editor)", feed.Author);
        Assert.Equal(new FeedPerson("The Editor", "editor@example.org", null), feed.AuthorDetail);
        Assert.Equal(
            [
                ("jo@example.com (Jo Smith)", new FeedPerson("Jo Smith", "jo@example.com", null)),
                ("Jo Smith <jo@example.com>", new FeedPerson("Jo Smith", "jo@example.com", null)),
                ("jo@example.com", new FeedPerson(null, "jo@example.com", null)),
                ("mailto:jo@example.com", new FeedPerson(null, "jo@example.com", null)),
                ("李明", new FeedPerson("李明", null, null)),
                ("Ana Pérez", new FeedPerson("Ana Pérez", null, null)),
                ("Podcast Host", new FeedPerson("Podcast Host", null, null)),
                ("Atom Person", new FeedPerson("Atom Person", "atom@example.org", "/people/atom")),
                (null, null),
            ],
            feed.Items.Select(i => (i.Author, i.AuthorDetail)));
    }

    [Fact]
    public void Atom_person_parts_resolve_the_uri_and_entries_fall_back_to_contributor_dublin_core_then_the_feed()
    {
        var feed = FeedFixtures.Parse("atom-authors.xml");
        var team = new FeedPerson("Feed Team", "team@example.org", "https://example.org/team");
        Assert.Equal(team, feed.AuthorDetail);
        Assert.Equal(
            [
                ("Jo Smith", new FeedPerson("Jo Smith", "jo@example.com", "https://jo.example.com/")),
                ("anon@example.com", new FeedPerson(null, "anon@example.com", null)),
                ("Helper Writer", new FeedPerson("Helper Writer", null, null)),
                ("Dc Creator", new FeedPerson("Dc Creator", null, null)),
                ("Feed Team", team),
            ],
            feed.Items.Select(i => (i.Author, i.AuthorDetail)));
    }

    [Theory]
    [InlineData("  (Jo Smith)  jo@example.com ", "Jo Smith", "jo@example.com")]
    [InlineData("<jo.smith+news@mail.example.co.uk>", null, "jo.smith+news@mail.example.co.uk")]
    [InlineData("Newsroom", "Newsroom", null)]
    public void Person_text_splits_like_feedparser(string text, string? name, string? email)
    {
        Assert.Equal(new FeedPerson(name, email, null), FeedPerson.FromText(text));
    }

    [Fact]
    public void Blank_person_text_is_no_person()
    {
        Assert.Null(FeedPerson.FromText("  "));
        Assert.Null(FeedPerson.FromParts(" ", null, ""));
    }
}
