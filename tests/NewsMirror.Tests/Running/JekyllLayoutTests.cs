using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`layout: jekyll`: the run writes `_posts/YYYY-MM-DD-<title>.md` posts instead of `articles/`.</summary>
public class JekyllLayoutTests
{
    private static RssFixtureItem Item(string title, string path, string pubDate, string body) =>
        new(title, "https://www.example.com/" + path, pubDate) { Description = body };

    private static async Task<MirrorFixture> JekyllMirrorAsync()
    {
        var m = await MirrorFixture.StartAsync();
        var config = m.Archive.Combine("newsmirror.yml");
        File.WriteAllText(config, "layout: jekyll\n" + File.ReadAllText(config));
        return m;
    }

    [Fact]
    public async Task Writes_posts_with_front_matter_and_suffixes_colliding_names()
    {
        await using var m = await JekyllMirrorAsync();
        m.ServeFeed("rfi",
            Item("每日简讯", "rfi/2", "Tue, 26 Mar 2024 10:45:01 GMT", "<p>晚</p>"),
            Item("每日简讯", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT", "<p>早</p>"),
            Item("中/美 会谈", "rfi/3", "Wed, 27 Mar 2024 01:00:00 GMT", "<p>谈</p>"));

        var result = await m.RunAsync("--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("""
            ---
            layout: post
            title: "每日简讯"
            date: 2024-03-26T08:45:01.000Z
            author: 法广
            from: https://www.example.com/rfi/1
            tags: [ 法广 ]
            comments: True
            categories: [ 法广 ]
            ---
            <!--1711442701000-->
            [每日简讯](https://www.example.com/rfi/1)
            ------

            <div>
            <p>早</p>
            </div>

            """, m.Read("_posts/2024-03-26-每日简讯.md"));
        Assert.Contains("[每日简讯](https://www.example.com/rfi/2)", m.Read("_posts/2024-03-26-每日简讯-2.md"));
        Assert.Contains("[中/美 会谈](https://www.example.com/rfi/3)", m.Read("_posts/2024-03-27-中--美 会谈.md"));
        Assert.False(Directory.Exists(m.Archive.Combine("articles")));
        Assert.Equal(3, Directory.GetFiles(m.Archive.Combine("_posts")).Length);
        Assert.Equal(
            "法广\n------\n\n3-27 [中/美 会谈](/_posts/2024-03-27-中--美%20会谈.md)\n\n3-26 [每日简讯](/_posts/2024-03-26-每日简讯-2.md)\n\n3-26 [每日简讯](/_posts/2024-03-26-每日简讯.md)\n\n",
            m.Read("lists/法广.md"));
        var logged = File.ReadAllLines(m.Archive.Combine(".newsmirror", "log", "rfi.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("file").GetString()).ToList();
        Assert.Equal(["2024-03-26-每日简讯.md", "2024-03-26-每日简讯-2.md", "2024-03-27-中--美 会谈.md"], logged);
    }

    [Fact]
    public async Task A_second_run_knows_its_posts_and_adopted_posts_by_their_front_matter()
    {
        await using var m = await JekyllMirrorAsync();
        var posts = Directory.CreateDirectory(m.Archive.Combine("_posts")).FullName;
        const string adopted = "---\nlayout: post\ntitle: \"旧文\"\ndate: 2024-03-25T01:00:00.000Z\nauthor: 法广\nfrom: https://www.example.com/rfi/0\ntags: [ 法广 ]\ncomments: True\ncategories: [ 法广 ]\n---\n<!--1711328400000-->\n[旧文](https://www.example.com/rfi/0)\n------\n\n<div>\n<p>旧</p>\n</div>\n";
        File.WriteAllText(Path.Combine(posts, "2024-03-25-旧文.md"), adopted);
        m.ServeFeed("rfi",
            Item("新文", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT", "<p>新</p>"),
            Item("旧文", "rfi/0", "Mon, 25 Mar 2024 01:00:00 GMT", "<p>旧</p>"));

        var first = await m.RunAsync("--only", "法广", "--json");
        var before = m.Snapshot();
        var second = await m.RunAsync("--only", "法广", "--json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        using (var json = JsonDocument.Parse(first.Stdout))
        {
            Assert.Equal(1, json.RootElement.GetProperty("new").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("sources")[0].GetProperty("known").GetInt32());
        }
        Assert.Equal(adopted, File.ReadAllText(Path.Combine(posts, "2024-03-25-旧文.md")));
        Assert.Equal(2, Directory.GetFiles(posts).Length);
        using (var json = JsonDocument.Parse(second.Stdout))
            Assert.Equal(0, json.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(before, m.Snapshot());
    }
}
