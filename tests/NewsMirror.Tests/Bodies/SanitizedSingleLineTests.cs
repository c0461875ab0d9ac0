using AngleSharp.Dom;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

/// <summary>
/// The short way (sanitising the cleaned tree where it is) must give the bytes of the long way (serialise, sanitise,
/// parse again, one line) for every shape, and each shape the short way cannot be sure of must take the long way.
/// </summary>
public class SanitizedSingleLineTests
{
    public static TheoryData<string, string> Shapes => new()
    {
        { "plain paragraphs with line breaks", "<p>第一段\n正文</p>\n<p>Second <a href=\"https://example.com/a\">link</a></p>" },
        { "no line break at all", "<p>一段</p><p>two</p>" },
        { "a comment the sanitiser removes between text", "<p>a<!-- x -->\nb</p>" },
        { "a removed element between text", "<p>a<script>x()</script>\nb</p>" },
        { "a leading line feed in pre", "<pre>\n\nfirst line\n  second</pre>" },
        { "listing", "<listing>\n\nx\ny</listing>" },
        { "textarea", "<p>a</p><textarea>\n\nx</textarea>" },
        { "a table with text fostered out of it", "<table><tr><td>a\nb</td></tr>x</table>" },
        { "a form inside a form", "<form><div><form><input></form></div>\n</form>" },
        { "a carriage return in text", "<p>a&#13;b\nc</p>" },
        { "a carriage return in an attribute", "<p title=\"a&#13;b\">x\ny</p>" },
        { "a style attribute", "<p style=\"color:red;position:fixed\">x\ny</p>" },
        { "foreign content", "<p>x</p><svg><title>t\nu</title></svg><math><mi>\nx</mi></math>" },
        { "raw text elements", "<style>p{}</style><noscript>\n<p>x</p></noscript><xmp>\na</xmp>" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sanitising_in_place_gives_the_same_bytes_as_sanitising_the_serialisation(string shape, string html)
    {
        Assert.False(string.IsNullOrEmpty(shape));
        var body = HtmlFragment.Parse(html);
        var expected = LongWay(body);

        Assert.Equal(expected, SanitizedSingleLine.Of(body, unwrappedElements: false));
    }

    [Fact]
    public void A_body_whose_elements_were_unwrapped_takes_the_long_way()
    {
        var body = HtmlFragment.Parse("<p>a<span>\nb</span>c</p><div>\n<p>d</p></div>");
        foreach (var element in body.QuerySelectorAll("span, div").ToList()) HtmlFragment.Unwrap(element);
        var expected = LongWay(body);

        Assert.Equal(expected, SanitizedSingleLine.Of(body, unwrappedElements: true));
    }

    private static string LongWay(IElement body) => SingleLineHtml.Of(SafeHtml.Sanitize(body.InnerHtml));
}
