using NewsMirror.Publishing.Site.Versions;

namespace NewsMirror.Tests.Publishing.Site;

public class TokenDiffTests
{
    private static string Side(IEnumerable<DiffRun> runs, DiffKind left) =>
        string.Concat(runs.Where(r => r.Kind == DiffKind.Same || r.Kind == left).Select(r => r.Text));

    private static List<(DiffKind, string)> Changes(List<DiffRun> runs) =>
        runs.Where(r => r.Kind != DiffKind.Same).Select(r => (r.Kind, r.Text)).ToList();

    [Fact]
    public void Chinese_is_compared_character_by_character()
    {
        var runs = TokenDiff.Compare("香港警方宣布新规，记者证须由政府认可。", "香港警方周二宣布新规，记者证须由政府核发。");
        Assert.Equal([(DiffKind.Inserted, "周二"), (DiffKind.Deleted, "认可"), (DiffKind.Inserted, "核发")], Changes(runs));
    }

    [Fact]
    public void English_is_compared_word_by_word_never_inside_a_word()
    {
        var runs = TokenDiff.Compare("The president arrived on Tuesday.", "The president arrived on Wednesday evening.");
        Assert.Equal([(DiffKind.Deleted, "Tuesday"), (DiffKind.Inserted, "Wednesday evening")], Changes(runs));
    }

    [Fact]
    public void Paragraph_breaks_are_tokens_of_their_own()
    {
        Assert.Equal(["记", "协", "\n", "反", "对", "word", " ", "x"], DiffTokens.Of("记协\n反对word x"));
        var runs = TokenDiff.Compare("第一段\n第二段", "第一段\n新的一段\n第二段");
        Assert.Equal([(DiffKind.Inserted, "新的一段\n")], Changes(runs));
    }

    [Theory]
    [InlineData("", "全新的文字")]
    [InlineData("删掉的全部", "")]
    [InlineData("a b c d e f", "f e d c b a")]
    [InlineData("北京时间周二，香港 police said 42 people", "北京时间周三上午，香港 Police said 43 people were")]
    public void Each_side_of_the_diff_is_exactly_its_version(string older, string newer)
    {
        var runs = TokenDiff.Compare(older, newer);
        Assert.Equal(older, Side(runs, DiffKind.Deleted));
        Assert.Equal(newer, Side(runs, DiffKind.Inserted));
        for (int i = 1; i < runs.Count; i++) Assert.NotEqual(runs[i - 1].Kind, runs[i].Kind);
    }

    [Fact]
    public void A_text_rewritten_beyond_the_limit_is_shown_as_deleted_and_inserted_whole()
    {
        var older = string.Concat(Enumerable.Range(0, TokenDiff.MaxDifferences + 10).Select(i => "甲"));
        var newer = string.Concat(Enumerable.Range(0, TokenDiff.MaxDifferences + 10).Select(i => "乙"));
        var runs = TokenDiff.Compare(older, newer);
        Assert.Equal([(DiffKind.Deleted, older), (DiffKind.Inserted, newer)], Changes(runs));
    }
}
