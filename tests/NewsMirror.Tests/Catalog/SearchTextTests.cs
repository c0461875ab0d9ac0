using NewsMirror.Catalog;

namespace NewsMirror.Tests.Catalog;

public class SearchTextTests
{
    [Theory]
    [InlineData("國說個龍臺後發", "国说个龙台后发")]
    [InlineData("中国 already simplified", "中国 already simplified")]
    [InlineData("香港𠀋", "香港𠀋")]
    public void Traditional_characters_become_simplified_and_positions_line_up(string input, string expected)
    {
        var simplified = ChineseVariants.ToSimplified(input);
        Assert.Equal(expected, simplified);
        Assert.Equal(input.Length, simplified.Length);
    }

    [Fact]
    public void Every_cjk_character_is_a_token_of_its_own()
    {
        Assert.Equal("中 国 g20 峰 会 ", SearchText.ForIndex("中國G20峰會"));
    }

    [Fact]
    public void Punctuation_of_any_script_separates_tokens_and_is_not_indexed()
    {
        Assert.Equal("香 港 trump 澳 门 covid 19", SearchText.ForIndex("「香港」，Trump。澳門！COVID-19"));
        Assert.Equal("香港 澳门 ", SearchText.Pairs("「香港」，Trump。澳門！COVID-19"));
    }

    [Theory]
    [InlineData("Café Société", "cafe societe")]
    [InlineData("Cafe\u0301 NAI\u0308VE", "cafe naive")]
    [InlineData("Łódź Müller", "łodz muller")]
    public void Latin_words_are_folded_to_lower_case_without_diacritics(string text, string expected)
    {
        Assert.Equal(expected, SearchText.ForIndex(System.Text.RegularExpressions.Regex.Unescape(text)).TrimEnd());
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_tokens_and_pairs_too()
    {
        Assert.Equal("香 港 𠀋 ", SearchText.ForIndex("香港𠀋"));
        Assert.Equal("香港 港𠀋 ", SearchText.Pairs("香港𠀋"));
    }

    [Fact]
    public void Tokenize_gives_both_index_forms_at_once()
    {
        Assert.Equal((SearchText.ForIndex("解碼中國，G20"), SearchText.Pairs("解碼中國，G20")), SearchText.Tokenize("解碼中國，G20"));
    }

    [Fact]
    public void A_query_splits_into_cjk_runs_and_words()
    {
        var query = SearchQuery.Parse("習近平 Xi-Jinping，G20峰會");

        Assert.Equal([("习近平", true), ("xi", false), ("jinping", false), ("g20", false), ("峰会", true)],
            query.Terms.Select(t => (t.Text, t.IsCjk)));
        Assert.Equal(
            "{title_pairs body_pairs} : \"习近 近平\" {title body} : \"xi\" {title body} : \"jinping\" {title body} : \"g20\" {title_pairs body_pairs} : \"峰会\"",
            query.ToMatch());
        Assert.Equal("{title body} : \"国\"", SearchQuery.Parse("國").ToMatch());
    }

    [Fact]
    public void Pairs_are_the_adjacent_cjk_characters_of_each_run()
    {
        Assert.Equal("中国 ", SearchText.Pairs("中國G2"));
        Assert.Equal("中国 国人 峰会 ", SearchText.Pairs("中國人 and 峰會，的"));
    }

    [Theory]
    [InlineData("<p>一<br/>二</p>", "一 二")]
    [InlineData("<div>a<!--<p>hidden</p>-->b</div>", "a b")]
    [InlineData("<style>p{}</style><SCRIPT type=x>alert(1)</script>文", "文")]
    [InlineData("&ldquo;引用&rdquo; &amp; &nbsp;x", "“引用” & x")]
    [InlineData("a < b", "a")]
    public void Markup_is_stripped_to_its_text(string html, string expected)
    {
        Assert.Equal(expected, MarkupText.Strip(html));
    }

    [Theory]
    [InlineData("AT&T &amp 3&lt;4", "AT&T & 3<4")]
    [InlineData("&#x80;100 &#0; &#x110000;", "€100 \uFFFD \uFFFD")]
    [InlineData("&notin; &notit; &NotEqualTilde; &hellip;&apos;", "∉ ¬it; ≂\u0338 …'")]
    [InlineData("&unknown; &#xZZ; &", "&unknown; &#xZZ; &")]
    public void Character_references_are_decoded_as_a_browser_decodes_them(string html, string expected)
    {
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(expected), MarkupText.Strip(html));
    }

    [Fact]
    public void Markup_text_and_references_together()
    {
        Assert.Equal("“引用” 正文 & 结尾", MarkupText.Strip("<p>&ldquo;引用&rdquo;</p><div>正文 &amp</div><p>结尾</p>"));
    }
}
