using NewsMirror.Running.Demo;

namespace NewsMirror.Tests.Running.Demo;

public class DemoNewsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_outlet_gets_distinct_titles_newest_first()
    {
        var news = DemoNews.Load();
        var stories = news.Stories(0, 200, Now, TimeSpan.FromHours(1));

        Assert.Equal(200, stories.Select(s => s.Title).Distinct().Count());
        Assert.True(stories.Zip(stories.Skip(1)).All(p => p.First.Published > p.Second.Published));
        Assert.All(stories, s => Assert.DoesNotContain("{", s.Title + string.Concat(s.Paragraphs)));
        Assert.NotEqual(stories[0].Title, news.Stories(1, 1, Now, TimeSpan.FromHours(1))[0].Title);
    }

    [Fact]
    public void Same_outlet_and_time_give_the_same_stories()
    {
        var first = DemoNews.Load().Stories(2, 5, Now, TimeSpan.FromHours(1));
        var second = DemoNews.Load().Stories(2, 5, Now, TimeSpan.FromHours(1));

        Assert.Equal(first.Select(s => (s.Title, string.Concat(s.Paragraphs), s.Published)), second.Select(s => (s.Title, string.Concat(s.Paragraphs), s.Published)));
    }

    [Fact]
    public void A_line_outside_the_format_is_an_error_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => DemoNews.Parse("[places]\n临江\n[topic 天气]\ntitel: 错字\n"));

        Assert.Contains("titel: 错字", error.Message);
    }
}
