using System.Text;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.Jekyll;

namespace NewsMirror.Tests.Archive.Layouts.Jekyll;

public class JekyllPostNameTests
{
    private static readonly DateTimeOffset Date = new(2024, 3, 26, 23, 30, 0, TimeSpan.FromHours(-2));

    [Fact]
    public void The_first_attempt_is_the_plain_name_and_later_ones_carry_a_suffix()
    {
        Assert.Equal("2024-03-27-中--美 会谈.md", JekyllPostName.Of(Date, "中/美 会谈", 1));
        Assert.Equal("2024-03-27-中--美 会谈-2.md", JekyllPostName.Of(Date, "中/美 会谈", 2));
        Assert.Equal("-无日期.md", JekyllPostName.Of(null, "无日期", 1));
    }

    [Fact]
    public void A_long_title_is_cut_to_fit_file_systems_without_splitting_characters()
    {
        var title = string.Concat(Enumerable.Repeat("新闻🦌", 60));

        var plain = JekyllPostName.Of(Date, title, 1);
        var suffixed = JekyllPostName.Of(Date, title, 12);

        Assert.InRange(Encoding.UTF8.GetByteCount(plain), 200, 240);
        Assert.InRange(Encoding.UTF8.GetByteCount(suffixed), 200, 240);
        Assert.EndsWith("-12.md", suffixed);
        Assert.StartsWith("2024-03-27-新闻🦌新闻", plain);
        foreach (var name in new[] { plain, suffixed })
            Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
        Assert.StartsWith(suffixed[..^"-12.md".Length], plain);
    }
}
