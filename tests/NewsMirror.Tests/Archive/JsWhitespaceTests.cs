using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public class JsWhitespaceTests
{
    /// <summary>ECMAScript's WhiteSpace and LineTerminator code points, written out from the specification.</summary>
    private static readonly char[] EcmaScriptWhiteSpace =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
        '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF',
    ];

    public static TheoryData<char> JavaScriptWhiteSpace() => new(EcmaScriptWhiteSpace);

    [Theory]
    [MemberData(nameof(JavaScriptWhiteSpace))]
    public void Trim_removes_each_character_of_JavaScripts_white_space_class(char space)
    {
        Assert.Equal("a\u0020b", JsWhitespace.Trim($"{space}{space}a b{space}"));
    }

    [Theory]
    [InlineData('\u200B')]
    [InlineData('\u180E')]
    [InlineData('\u0085')]
    [InlineData('\u0000')]
    [InlineData('\u001C')]
    [InlineData('\u200C')]
    public void Trim_keeps_characters_that_are_not_JavaScript_white_space(char notSpace)
    {
        Assert.Equal($"{notSpace}a{notSpace}", JsWhitespace.Trim($" {notSpace}a{notSpace} "));
    }

    [Fact]
    public void Exactly_the_listed_characters_are_white_space()
    {
        var expected = EcmaScriptWhiteSpace.ToHashSet();

        for (int c = 0; c <= char.MaxValue; c++)
            Assert.True(expected.Contains((char)c) == JsWhitespace.IsWhiteSpace((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void Trim_of_only_white_space_is_empty()
    {
        Assert.Equal("", JsWhitespace.Trim("\u3000 \uFEFF\n"));
    }
}
