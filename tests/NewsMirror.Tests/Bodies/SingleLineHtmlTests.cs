using NewsMirror.Archive;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class SingleLineHtmlTests
{
    [Fact]
    public void Line_breaks_in_text_become_spaces_so_joining_keeps_words_apart()
    {
        var joined = ArticleRecord.JoinBody(SingleLineHtml.Of("<p>The minister said\nthat talks\r\nwould resume.</p>\n<p>中文</p>"));

        Assert.Equal("<p>The minister said that talks would resume.</p><p>中文</p>", joined);
    }

    [Fact]
    public void Preformatted_lines_survive_the_archive_format()
    {
        var joined = ArticleRecord.JoinBody(SingleLineHtml.Of("<pre>if (x)\n    y();\nz</pre>"));

        Assert.Equal("<pre>if (x)<br>&nbsp;&nbsp;&nbsp;&nbsp;y();<br>z</pre>", joined);
    }

    [Fact]
    public void A_body_without_line_breaks_is_returned_as_it_is()
    {
        const string body = "<p class='x'>a&nbsp;b</p>";
        Assert.Same(body, SingleLineHtml.Of(body));
    }
}
