using NewsMirror.Archive;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive;

public class ReadmePageTests
{
    private static readonly string HandWritten = ArchiveTestFiles.ReadText(ArchiveTestFiles.Fixture("readme", "hand-written.md"));

    [SkippableFact]
    public void Generate_writes_the_heading_one_paragraph_per_source_and_the_marker()
    {
        var text = ReadmePage.Generate(["法广", "Voice of America"]);

        Assert.StartsWith("抓取新闻媒体文章\n------\n\n[法广](lists/法广.md)\n\n[Voice of America](lists/Voice%20of%20America.md)\n\n", text);
        Assert.EndsWith(ReadmePage.GeneratedMarker + "\n", text);
    }

    [SkippableFact]
    public void Without_a_README_the_generated_one_is_written()
    {
        Assert.Equal(ReadmePage.Generate(["法广"]), ReadmePage.Update(null, ["法广"]));
    }

    [SkippableFact]
    public void A_generated_README_is_left_alone_when_current_and_regenerated_when_sources_change()
    {
        var current = ReadmePage.Generate(["法广", "BBC"]);

        Assert.Null(ReadmePage.Update(current, ["法广", "BBC"]));
        Assert.Equal(ReadmePage.Generate(["法广", "BBC", "路透"]), ReadmePage.Update(current, ["法广", "BBC", "路透"]));
    }

    [SkippableFact]
    public void A_hand_written_README_that_links_every_list_page_is_left_alone()
    {
        Assert.Null(ReadmePage.Update(HandWritten, ["德国之声", "法广"]));
    }

    [SkippableFact]
    public void The_corpus_README_links_its_seven_list_pages()
    {
        var corpus = SharedCorpus.Root;
        var readme = ArchiveTestFiles.ReadText(Path.Combine(corpus, "duty-machine-news", "README.md"));

        Assert.Null(ReadmePage.Update(readme, ["纽约时报", "美国之音", "BBC", "法广", "德国之声", "中国数字时代", "自由亚洲电台"]));
        var updated = ReadmePage.Update(readme, ["路透", "法广"]);
        Assert.Equal(readme + "\n" + ReadmePage.BlockStart + "\n\n[路透](lists/路透.md)\n\n" + ReadmePage.BlockEnd + "\n", updated);
    }

    [SkippableFact]
    public void Missing_links_are_appended_in_a_marked_block_after_the_untouched_hand_written_text()
    {
        var updated = ReadmePage.Update(HandWritten, ["法广", "路透", "德国之声", "BBC"]);

        Assert.Equal(
            HandWritten + "\n" + ReadmePage.BlockStart + "\n\n[路透](lists/路透.md)\n\n[BBC](lists/BBC.md)\n\n" + ReadmePage.BlockEnd + "\n",
            updated);
    }

    [SkippableFact]
    public void A_later_change_replaces_the_block_and_keeps_one()
    {
        var first = ReadmePage.Update(HandWritten, ["法广", "路透"])!;

        Assert.Null(ReadmePage.Update(first, ["法广", "路透"]));
        var second = ReadmePage.Update(first, ["法广", "路透", "BBC"]);
        Assert.Equal(ReadmePage.Update(HandWritten, ["法广", "路透", "BBC"]), second);
    }

    [SkippableFact]
    public void The_block_goes_away_when_the_hand_written_text_covers_every_source()
    {
        var withBlock = ReadmePage.Update(HandWritten, ["法广", "路透"])!;

        Assert.Equal(HandWritten, ReadmePage.Update(withBlock, ["法广"]));
    }

    [SkippableFact]
    public void Text_written_after_the_block_is_kept_and_counts_as_hand_written()
    {
        var withBlock = ReadmePage.Update(HandWritten, ["路透"])! + "\n追加的文字 [路透](lists/路透.md)\n";

        Assert.Equal(HandWritten + "\n追加的文字 [路透](lists/路透.md)\n", ReadmePage.Update(withBlock, ["路透"]));
        Assert.Null(ReadmePage.Update(HandWritten + "\n追加的文字 [路透](lists/路透.md)\n", ["路透"]));
    }

    [SkippableFact]
    public void A_hand_written_README_without_a_final_line_break_is_extended_without_changing_it()
    {
        var updated = ReadmePage.Update("我的说明", ["BBC"])!;

        Assert.StartsWith("我的说明\n" + ReadmePage.BlockStart, updated);
        Assert.Equal("我的说明", ReadmePage.Update(updated, []));
    }
}
