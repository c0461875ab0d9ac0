using NewsMirror.Archive;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive;

public class ListPageTests
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A time whose China-time month and day are <paramref name="monthDay"/> (2024 is a leap year, so 2-29 works).</summary>
    private static long? TimeOn(string? monthDay)
    {
        if (monthDay is null) return null;
        var parts = monthDay.Split('-').Select(int.Parse).ToArray();
        return new DateTimeOffset(2024, parts[0], parts[1], 12, 0, 0, ChinaOffset).ToUnixTimeMilliseconds();
    }

    private static List<ListEntry> EntriesOf(ListPageContent page) =>
        page.Entries.Select(e => new ListEntry(TimeOn(e.MonthDay), e.Title, e.Folder, e.FileName)).ToList();

    [SkippableTheory]
    [InlineData("德国之声.md", 300)]
    [InlineData("中国数字时代.md", 300)]
    public void A_corpus_list_page_renders_back_byte_for_byte_from_its_own_entries(string fileName, int entryCount)
    {
        var corpus = SharedCorpus.Root;
        var text = ArchiveTestFiles.ReadText(Path.Combine(corpus, "duty-machine-news", "lists", fileName));

        var page = ListPage.Parse(text);

        Assert.Equal(entryCount, page.Entries.Count);
        Assert.Null(page.MoreLink);
        Assert.Equal(text, ListPage.Render(page.DisplayName, EntriesOf(page)));
    }

    [SkippableFact]
    public void List_entries_derive_their_date_and_title_from_the_article_files_the_corpus_holds()
    {
        var corpus = SharedCorpus.Root;
        var checkedEntries = 0;
        foreach (var list in new[] { "德国之声.md", "中国数字时代.md" })
        {
            var text = ArchiveTestFiles.ReadText(Path.Combine(corpus, "duty-machine-news", "lists", list));
            foreach (var entry in ListPage.Parse(text).Entries)
            {
                var article = Path.Combine(corpus, "duty-machine-news", "articles", entry.Folder, entry.FileName);
                if (!File.Exists(article)) continue;
                var header = ArticleFile.ReadHeader(article);

                var rendered = ListPage.Render("x", [new ListEntry(header.TimestampMs, header.Title, entry.Folder, entry.FileName)]);

                Assert.Equal($"x\n------\n\n{entry.MonthDay} [{entry.Title}](/articles/{entry.Folder}/{entry.FileName})\n\n", rendered);
                checkedEntries++;
            }
        }
        Assert.True(checkedEntries >= 3, $"only {checkedEntries} listed articles are in the corpus");
    }

    [SkippableFact]
    public void The_older_list_layout_parses_with_its_closing_more_link()
    {
        var corpus = SharedCorpus.Root;
        var page = ListPage.Parse(ArchiveTestFiles.ReadText(Path.Combine(corpus, "duty-machine-news", "lists", "BBC.md")));

        Assert.Equal("BBC", page.DisplayName);
        Assert.Equal(100, page.Entries.Count);
        Assert.Equal("/articles/BBC", page.MoreLink);
        Assert.Equal("BBC", page.Entries[0].Folder);
        Assert.Equal("1047717_Zoom营收暴增%20受益于疫情的会议软件如何挣钱.md", page.Entries[0].FileName);
        Assert.Equal("9-1", page.Entries[0].MonthDay);
    }

    [SkippableFact]
    public void Render_writes_the_fixture_list_from_the_fixture_articles()
    {
        var expected = ArchiveTestFiles.ReadText(ArchiveTestFiles.Fixture("lists", "示例.md"));
        var entries = new[] { ("demo", "1048573.md"), ("demo", "1048570.md"), ("six", "999999.md") }
            .Select(file =>
            {
                var header = ArticleFile.ReadHeader(ArchiveTestFiles.Fixture("articles", file.Item1, file.Item2));
                return new ListEntry(header.TimestampMs, header.Title, file.Item1, file.Item2);
            });

        Assert.Equal(expected, ListPage.Render("示例", entries));
    }

    [SkippableFact]
    public void Parse_reads_the_fixture_list()
    {
        var page = ListPage.Parse(ArchiveTestFiles.ReadText(ArchiveTestFiles.Fixture("lists", "示例.md")));

        Assert.Equal("示例", page.DisplayName);
        Assert.Equal(
            [
                new ListPageEntry("3-26", "付费墙 Pay wall", "demo", "1048573.md"),
                new ListPageEntry(null, "No date", "demo", "1048570.md"),
                new ListPageEntry("10-28", "Newer six-digit", "six", "999999.md"),
            ],
            page.Entries);
    }

    [SkippableFact]
    public void An_empty_list_is_the_heading_alone()
    {
        Assert.Equal("法广\n------\n\n", ListPage.Render("法广", []));
        Assert.Empty(ListPage.Parse("法广\n------\n\n").Entries);
    }

    [SkippableFact]
    public void The_date_is_the_month_and_day_in_China_time()
    {
        var lastMomentOfSep1 = new DateTimeOffset(2024, 9, 1, 15, 59, 59, 999, TimeSpan.Zero).ToUnixTimeMilliseconds();

        Assert.Equal("9-1", ListPage.FormatMonthDay(lastMomentOfSep1));
        Assert.Equal("9-2", ListPage.FormatMonthDay(lastMomentOfSep1 + 1));
        Assert.Equal("12-31", ListPage.FormatMonthDay(new DateTimeOffset(2024, 12, 31, 15, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.Equal("1-1", ListPage.FormatMonthDay(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.Null(ListPage.FormatMonthDay(null));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("名字\n-----\n\n")]
    [InlineData("名字\n------\n\n9-1 [t](/elsewhere/x.md)\n\n")]
    [InlineData("名字\n------\n\n9-1 t](/articles/dw/1.md)\n\n")]
    [InlineData("名字\n------\n\n[查看更多](/articles/BBC)\n\n9-1 [t](/articles/dw/1.md)\n\n")]
    public void Parse_rejects_text_that_is_not_a_list_page(string text)
    {
        Assert.Throws<FormatException>(() => ListPage.Parse(text));
    }
}
