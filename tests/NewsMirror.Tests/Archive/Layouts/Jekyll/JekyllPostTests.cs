using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.Jekyll;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive.Layouts.Jekyll;

public class JekyllPostTests
{
    private static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string[] CorpusPosts(string corpus) =>
        Directory.GetFiles(Path.Combine(corpus, "jekyll-variant"), "*.md", SearchOption.AllDirectories);

    [SkippableFact]
    public void Corpus_posts_with_a_header_block_render_back_byte_for_byte()
    {
        var corpus = SharedCorpus.Root;
        var rendered = 0;
        foreach (var path in CorpusPosts(corpus))
        {
            var text = ArchiveTestFiles.ReadText(path);
            var post = JekyllPost.Parse(text);
            if (post.Problems.Count > 0) continue;

            Assert.Equal(text, JekyllPost.Render(post.Article, post.FrontMatter.Tags![0], FarFuture, post.FrontMatter.Author));
            rendered++;
        }
        Assert.Equal(3, rendered);
    }

    [SkippableFact]
    public void Corpus_post_names_are_the_UTC_date_and_the_title()
    {
        var corpus = SharedCorpus.Root;
        var posts = CorpusPosts(corpus);

        Assert.Equal(4, posts.Length);
        foreach (var path in posts)
        {
            var post = JekyllPost.Parse(ArchiveTestFiles.ReadText(path));
            Assert.Equal(Path.GetFileName(path), JekyllPost.FileName(post.FrontMatter.PublishedUtc, post.FrontMatter.Title!));
        }
    }

    [SkippableFact]
    public void The_post_with_an_empty_date_and_no_header_block_is_read_with_its_problems_reported()
    {
        var corpus = SharedCorpus.Root;
        var path = Path.Combine(corpus, "jekyll-variant", "NodeBE4-opinion", "_posts", "-欢迎通过电子邮件订阅本站文章.md");

        var post = JekyllPost.Parse(ArchiveTestFiles.ReadText(path));

        Assert.Equal("欢迎通过电子邮件订阅本站文章", post.Article.Title);
        Assert.Equal("http://www.ideobook.com/993/email-subscription/", post.Article.Link);
        Assert.Null(post.Article.TimestampMs);
        Assert.StartsWith("<article class=\"post-entry", post.Article.Body);
        Assert.Equal(["智识"], post.FrontMatter.Tags);
        Assert.Equal("爱德布克", post.FrontMatter.Author);
        Assert.Contains("the front matter has no comments", post.Problems);
        Assert.Contains("the front matter date is empty", post.Problems);
        Assert.Contains(post.Problems, p => p.StartsWith("no article header block", StringComparison.Ordinal));
        Assert.Contains("the body is not wrapped in <div> and </div> lines", post.Problems);
    }

    [SkippableFact]
    public void Render_writes_the_front_matter_header_block_and_wrapped_body()
    {
        var article = new ArticleRecord(1711465827000, "对 AMD \"Zen\" \\ 平台", "https://www.solidot.org/story?sid=77702", "<p>a</p>\n<p>b</p>");

        var text = JekyllPost.Render(article, "Solidot", FarFuture);

        Assert.Equal(
            "---\nlayout: post\ntitle: \"对 AMD \\\"Zen\\\" \\\\ 平台\"\ndate: 2024-03-26T15:10:27.000Z\nauthor: Solidot\n" +
            "from: https://www.solidot.org/story?sid=77702\ntags: [ Solidot ]\ncomments: True\ncategories: [ Solidot ]\n---\n" +
            "<!--1711465827000-->\n[对 AMD \"Zen\" \\ 平台](https://www.solidot.org/story?sid=77702)\n------\n\n" +
            "<div>\n<p>a</p>\n<p>b</p>\n</div>\n",
            text);
    }

    [SkippableTheory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\ and \\\" both")]
    [InlineData("tab\there\u0001")]
    [InlineData("line\u2028separator\u2029paragraph\u0085next\uFEFFbom")]
    [InlineData("")]
    public void Render_then_Parse_gives_back_the_article(string title)
    {
        var article = new ArticleRecord(1545681600000, title, "https://cn.nikkei.com/a.html", "<p>x</p>\n\n<p>y</p>");

        var post = JekyllPost.Parse(JekyllPost.Render(article, "(臺)中央社CNA", FarFuture));

        Assert.Equal(article, post.Article);
        Assert.Equal(title, post.FrontMatter.Title);
        Assert.Equal(["(臺)中央社CNA"], post.FrontMatter.Categories);
        Assert.Equal("(臺)中央社CNA", post.FrontMatter.Author);
        Assert.Empty(post.Problems);
    }

    [SkippableFact]
    public void The_title_line_is_yaml_that_reads_back_as_the_title()
    {
        const string title = "“引号” \"quoted\" \\ tab\t \u0085\u2028\u2029\uFEFF end";
        var text = JekyllPost.Render(new ArticleRecord(0, title, "https://example.org/", "<p>x</p>"), "法广", FarFuture);
        var titleLine = text.Split('\n').Single(l => l.StartsWith("title: "));

        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(titleLine));

        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal(title, ((YamlDotNet.RepresentationModel.YamlScalarNode)root.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("title")]).Value);
    }

    [SkippableFact]
    public void An_author_named_by_the_source_replaces_the_display_name_only_in_the_author_line()
    {
        var text = JekyllPost.Render(new ArticleRecord(1, "t", "l", "b"), "日本経済新聞", FarFuture, "程巍");

        Assert.Contains("\nauthor: 程巍\n", text);
        Assert.Contains("\ntags: [ 日本経済新聞 ]\ncomments: True\ncategories: [ 日本経済新聞 ]\n", text);
    }

    [SkippableFact]
    public void The_date_is_capped_at_the_time_of_writing()
    {
        var now = new DateTimeOffset(2024, 3, 26, 12, 0, 0, TimeSpan.FromHours(8));
        var future = now.AddHours(5).ToUnixTimeMilliseconds();
        var past = now.AddHours(-5).ToUnixTimeMilliseconds();

        Assert.Equal(now, JekyllPost.PostDate(future, now));
        Assert.Equal(TimeSpan.Zero, JekyllPost.PostDate(future, now)!.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(past), JekyllPost.PostDate(past, now));
        Assert.Null(JekyllPost.PostDate(null, now));
        Assert.Contains("date: 2024-03-26T04:00:00.000Z\n", JekyllPost.Render(new ArticleRecord(future, "t", "l", "b"), "x", now));
    }

    [SkippableFact]
    public void A_post_without_a_time_has_an_empty_date_which_Parse_reports()
    {
        var text = JekyllPost.Render(new ArticleRecord(null, "t", "l", "b"), "x", FarFuture);

        Assert.Contains("\ndate: \n", text);
        var post = JekyllPost.Parse(text);
        Assert.Null(post.Article.TimestampMs);
        Assert.Equal(["the front matter date is empty"], post.Problems);
    }

    [SkippableFact]
    public void FileName_uses_the_UTC_date_and_replaces_slashes()
    {
        var lateEveningUtc = new DateTimeOffset(2018, 12, 25, 4, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal("2018-12-24-中日钢铁40年(1)从师徒到对手.md", JekyllPost.FileName(lateEveningUtc, "中日钢铁40年(1)从师徒到对手"));
        Assert.Equal("2024-01-02-a--b--c.md", JekyllPost.FileName(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), "a/b/c"));
        Assert.Equal("-欢迎.md", JekyllPost.FileName(null, "欢迎"));
    }

    [SkippableTheory]
    [InlineData("<!--1-->\n[t](l)\n------\n\nbody\n")]
    [InlineData("---\nlayout: post\ntitle: \"t\"\n")]
    public void Parse_rejects_text_without_a_front_matter_block(string text)
    {
        Assert.Throws<FormatException>(() => JekyllPost.Parse(text));
    }
}
