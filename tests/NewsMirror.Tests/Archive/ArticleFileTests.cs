using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public class ArticleFileTests
{
    public static TheoryData<string> FixtureArticles() => new(ArchiveTestFiles.FixtureArticles());

    private static ArticleRecord ParseDemo(string fileName) =>
        ArticleFile.Parse(ArchiveTestFiles.ReadText(ArchiveTestFiles.Fixture("articles", "demo", fileName)));

    [SkippableTheory]
    [MemberData(nameof(FixtureArticles))]
    public void Render_of_Parse_gives_back_each_fixture_byte_for_byte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = ArchiveTestFiles.Utf8.GetString(bytes);

        var rendered = ArticleFile.Render(ArticleFile.Parse(text));

        Assert.Equal(bytes, ArchiveTestFiles.Utf8.GetBytes(rendered));
    }

    [SkippableFact]
    public void Render_of_Parse_gives_back_every_corpus_article_byte_for_byte()
    {
        var files = ArchiveTestFiles.CorpusArticles();

        Assert.Equal(45, files.Length);
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            var rendered = ArticleFile.Render(ArticleFile.Parse(ArchiveTestFiles.Utf8.GetString(bytes)));
            Assert.True(bytes.AsSpan().SequenceEqual(ArchiveTestFiles.Utf8.GetBytes(rendered)), path);
        }
    }

    [SkippableFact]
    public void Parse_splits_the_five_lines_into_fields()
    {
        var record = ParseDemo("1048574.md");

        Assert.Equal(1711442701000, record.TimestampMs);
        Assert.Equal("小文章 A small article", record.Title);
        Assert.Equal("https://www.example.org/cn/%E4%BA%9A%E6%B4%B2/20240326-a", record.Link);
        Assert.Equal("<div>26/03/2024 - 09:42</div><p>正文。</p>", record.Body);
    }

    [SkippableFact]
    public void Parse_keeps_html_comments_of_the_body_in_the_body()
    {
        var record = ParseDemo("1048573.md");

        Assert.Equal(1711442702000, record.TimestampMs);
        Assert.Equal("<div></div><!--pay wall 1: 0--><p>注释 <!-- second --> 之后</p>", record.Body);
    }

    [SkippableFact]
    public void Parse_takes_the_title_up_to_the_first_bracket_paren_and_the_link_to_the_end_of_line_2()
    {
        var record = ParseDemo("1048572.md");

        Assert.Equal("括号 [brackets] in title", record.Title);
        Assert.Equal("https://example.net/a_(b)", record.Link);
        Assert.Equal("<p>See [this](https://x.example/) and ](odd) text</p>", record.Body);
    }

    [SkippableFact]
    public void Parse_keeps_astral_plane_characters_whole()
    {
        var record = ParseDemo("1048571.md");

        Assert.Equal("鹿 🦌 emoji 𠀀", record.Title);
        Assert.Equal("<p>🦌 astral 𝒳 </p>", record.Body);
    }

    [SkippableFact]
    public void Parse_reads_NaN_as_a_missing_time_and_keeps_lone_carriage_returns()
    {
        var record = ParseDemo("1048570.md");

        Assert.Null(record.TimestampMs);
        Assert.Equal("<p>carriage\rreturn kept\r</p>", record.Body);
    }

    [SkippableFact]
    public void Render_writes_exactly_five_lines()
    {
        var text = ArticleFile.Render(new ArticleRecord(-5, "T", "L", "B"));

        Assert.Equal("<!---5-->\n[T](L)\n------\n\nB\n", text);
    }

    [SkippableTheory]
    [InlineData("", "it has no complete header")]
    [InlineData("<!--1-->\n[t](l)\n------\n\nbody", "the body line does not end with a line break")]
    [InlineData("<!--1-->\n[t](l)\n------\n\nbo\ndy\n", "the body spans more than one line")]
    [InlineData("<!--1-->\n[t](l)\n-----\n\nbody\n", "line 3 is not ------")]
    [InlineData("<!--1-->\n[t](l)\n------\nbody\n", "line 3 is not ------")]
    [InlineData("<!--01-->\n[t](l)\n------\n\nbody\n", "neither NaN nor a canonical integer")]
    [InlineData("<!--+1-->\n[t](l)\n------\n\nbody\n", "neither NaN nor a canonical integer")]
    [InlineData("<!--nan-->\n[t](l)\n------\n\nbody\n", "neither NaN nor a canonical integer")]
    [InlineData("<!-- 1 -->\n[t](l)\n------\n\nbody\n", "neither NaN nor a canonical integer")]
    [InlineData("<!--1--> \n[t](l)\n------\n\nbody\n", "line 1 is not <!--milliseconds-->")]
    [InlineData("<!---->\n[t](l)\n------\n\nbody\n", "neither NaN nor a canonical integer")]
    [InlineData("<!--1-->\n t](l)\n------\n\nbody\n", "line 2 does not start with [")]
    [InlineData("<!--1-->\n[t](l) \n------\n\nbody\n", "line 2 does not end with )")]
    [InlineData("---\nlayout: post\n---\n<!--1-->\n[t](l)\n------\n\nbody\n", "line 1 is not")]
    [InlineData("\uFEFF<!--1-->\n[t](l)\n------\n\nbody\n", "line 1 is not")]
    [InlineData("<!--1-->\r\n[t](l)\r\n------\r\n\r\nbody\r\n", "line 1 is not")]
    public void Parse_rejects_text_that_is_not_an_article_file_and_says_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ArticleFile.Parse(text));

        Assert.Contains(reason, error.Message);
        Assert.False(ArticleFile.TryParse(text, out var record));
        Assert.Null(record);
    }

    [SkippableFact]
    public void TryParse_accepts_an_article_file()
    {
        Assert.True(ArticleFile.TryParse("<!--0-->\n[](x)\n------\n\n\n", out var record));
        Assert.Equal(new ArticleRecord(0, "", "x", ""), record);
    }

    [SkippableTheory]
    [InlineData("a](b", "l", "b", "\"](\"")]
    [InlineData("t", "l\nx", "b", "link contains a line break")]
    [InlineData("t", "l", "b\nc", "body contains a line break")]
    public void Render_refuses_records_that_would_not_read_back_the_same(string title, string link, string body, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ArticleFile.Render(new ArticleRecord(1, title, link, body)));

        Assert.Contains(reason, error.Message);
    }

    [SkippableFact]
    public void A_title_holding_a_line_break_round_trips()
    {
        var record = new ArticleRecord(1, "two\nlines", "https://example.org/", "b");

        Assert.Equal(record, ArticleFile.Parse(ArticleFile.Render(record)));
    }

    [SkippableFact]
    public void ReadHeader_gives_the_same_fields_as_Parse_for_every_fixture_and_corpus_article()
    {
        foreach (var path in ArchiveTestFiles.FixtureArticles().Concat(ArchiveTestFiles.CorpusArticles()))
        {
            var record = ArticleFile.Parse(ArchiveTestFiles.ReadText(path));
            Assert.Equal(new ArticleHeader(record.TimestampMs, record.Title, record.Link), ArticleFile.ReadHeader(path));
        }
    }

    [SkippableFact]
    public void ReadHeader_stops_reading_after_line_2()
    {
        var header = "<!--1711442701000-->\n[标题](https://example.org/a)\n";
        var body = "------\n\n" + new string('x', 1 << 20) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(header + body));

        var read = ArticleFile.ReadHeader(stream);

        Assert.Equal(new ArticleHeader(1711442701000, "标题", "https://example.org/a"), read);
        Assert.True(stream.Position < 16 * 1024, $"read {stream.Position} bytes");
    }

    [SkippableFact]
    public void ReadHeader_finds_a_header_that_spans_several_read_chunks()
    {
        var title = string.Concat(Enumerable.Repeat("长标题", 2000));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"<!--NaN-->\n[{title}](l)\n------\n\nb\n"));

        Assert.Equal(new ArticleHeader(null, title, "l"), ArticleFile.ReadHeader(stream));
    }

    [SkippableFact]
    public void ReadHeader_gives_up_on_a_line_2_longer_than_a_mebibyte_without_reading_the_rest()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<!--1-->\n[" + new string('x', 8 << 20) + "](l)\n"));

        var error = Assert.Throws<FormatException>(() => ArticleFile.ReadHeader(stream));

        Assert.Contains("first mebibyte", error.Message);
        Assert.True(stream.Position < 4 << 20, $"read {stream.Position} bytes");
    }

    [SkippableTheory]
    [InlineData("<!--1-->\n[t](l")]
    [InlineData("---\nlayout: post\n")]
    [InlineData("<!--x-->\n[t](l)\n")]
    public void ReadHeader_rejects_a_file_that_does_not_start_with_an_article_header(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Throws<FormatException>(() => ArticleFile.ReadHeader(stream));
    }
}
