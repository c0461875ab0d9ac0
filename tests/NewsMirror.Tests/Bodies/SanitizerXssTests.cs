using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class SanitizerXssTests
{
    public static TheoryData<string> Vectors => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=x ONERROR=alert(1)>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<p onclick='alert(1)'>click</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"jav\nascript:alert(1)\">x</a>",
        "<a href=\" &#14; javascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"javascript:alert(1)\">",
        "<img srcset=\"javascript:alert(1) 1x, https://ok.example/a.jpg 2x\">",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<iframe src=\"https://www.youtube.com/embed/x\" srcdoc=\"<script>alert(1)</script>\" onload=\"alert(1)\"></iframe>",
        "<svg onload=alert(1)><circle r=10></circle></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<div style=\"background:url(&quot;javascript:alert(1)&quot;)\">x</div>",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<video poster=\"javascript:alert(1)\" src=\"https://ok.example/v.mp4\"></video>",
        "<video><source src=\"javascript:alert(1)\" onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)></audio>",
        "<details open ontoggle=alert(1)>x</details>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><img src=x onerror=alert(1)></template>",
        "<isindex action=javascript:alert(1) type=submit>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<img src=\"data:text/html,<script>alert(1)</script>\">",
        "<a href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">x</a>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
        "<a href=\"https://ok.example/\" target=\"_blank\" onfocus=\"alert(1)\" autofocus>x</a>",
        "<p><!--<img src=x onerror=alert(1)>--></p>",
        "<xss style=\"behavior: url(x.htc)\">x</xss>",
        "<img src=\"https://ok.example/a.jpg\" style=\"-moz-binding:url(https://evil.example/x.xml#x)\">",
        "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
        "<portal src=\"https://evil.example/\"></portal>",
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Output_has_no_script_handler_or_dangerous_url(string vector)
    {
        var cleaned = BodyCleaner.Clean("<p>before</p>" + vector + "<p>after</p>", new CleanupOptions { BaseUrl = new Uri("https://news.example/a.html") });

        AssertHarmless(cleaned, new HtmlParser());
        AssertHarmless(cleaned, new HtmlParser(new HtmlParserOptions { IsScripting = true }));
        Assert.Contains("before", cleaned);
        Assert.Contains("after", cleaned);
    }

    [Fact]
    public void There_are_at_least_forty_vectors() => Assert.True(Vectors.Count >= 40);

    private static void AssertHarmless(string html, HtmlParser parser)
    {
        var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var elements = document.QuerySelectorAll("*").ToArray();
        string[] forbidden = ["script", "style", "base", "meta", "link", "object", "embed", "form", "svg", "math", "frame", "frameset", "template", "portal"];
        Assert.DoesNotContain(elements, e => forbidden.Contains(e.LocalName));
        foreach (var element in elements)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on {element.LocalName}");
                Assert.False(attribute.Name is "srcdoc" or "formaction" or "action" or "background", $"attribute {attribute.Name} on {element.LocalName}");
                Assert.False(IsDangerousUrl(element, attribute), $"dangerous value {attribute.Name}=\"{attribute.Value}\" on {element.LocalName}");
            }
            if (element.LocalName == "iframe")
                Assert.StartsWith("https://www.youtube.com/", element.GetAttribute("src"));
        }
    }

    private static bool IsDangerousUrl(IElement element, IAttr attribute)
    {
        var value = string.Concat(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))).ToLowerInvariant();
        if (attribute.Name == "style")
            return value.Contains("expression(") || value.Contains("javascript:") || value.Contains("binding") || value.Contains("behavior");
        if (value.Contains("javascript:") || value.Contains("vbscript:")) return true;
        var isImageSource = element.LocalName == "img" && attribute.Name is "src" or "srcset";
        return value.StartsWith("data:") && !(isImageSource && value.StartsWith("data:image/"));
    }
}
