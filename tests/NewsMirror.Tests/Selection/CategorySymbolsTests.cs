using NewsMirror.Bodies;
using NewsMirror.Selection;

namespace NewsMirror.Tests.Selection;

public class CategorySymbolsTests
{
    [Theory]
    [InlineData("©版权")]
    [InlineData("®")]
    [InlineData("【天朝主义】")]      // U+3010 lies in U+2000–U+3300
    [InlineData("“引号”")]             // U+201C
    [InlineData("\u3300")]
    [InlineData("\u2000")]
    [InlineData("🀄")]                 // U+1F004, first emoji block
    [InlineData("🔥热点")]             // U+1F525
    [InlineData("🤔")]                 // U+1F914
    [InlineData("\U0001FBF0")]         // U+1FBF0: \ud83e\udff0, inside the script's surrogate range
    public void Symbols_and_emoji_are_recognised(string category) => Assert.True(CategorySymbols.ContainsSymbolOrEmoji(category));

    [Theory]
    [InlineData("综合")]
    [InlineData("Hong Kong")]
    [InlineData("\u3301")]
    [InlineData("\u1FFF")]
    [InlineData("\U0001EFFF")]         // just below the emoji blocks
    [InlineData("\U0001FC00")]         // \ud83f: outside the script's surrogate ranges
    [InlineData("")]
    public void Plain_categories_are_not(string category) => Assert.False(CategorySymbols.ContainsSymbolOrEmoji(category));
}
