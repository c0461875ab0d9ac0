using NewsMirror.Bodies;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Bodies;

/// <summary>
/// The exact result of the default cleanup on hostile HTML, against what mature feed readers guarantee: no script,
/// style or event handler, none of the elements that run or embed foreign code, no script URLs, no CSS that runs
/// or fetches, no unknown or malformed attributes — and harmless markup and text kept.
/// </summary>
public class HostileHtmlTests
{
    private static readonly SourceConfig DefaultSource = new() { Name = "测试", Folder = "test", Url = "https://n.example/feed.xml" };

    public static TheoryData<string, string> Table => new()
    {
        { "<p onclick=\"alert(1)\" onmouseover=alert(1)>文字</p>", "<p>文字</p>" },
        { "<script>alert(1)</script><p>正文</p>", "<p>正文</p>" },
        { "<style>p { color: red }</style><p>正文</p>", "<p>正文</p>" },
        { "<style>@import url(https://evil.example/x.css);</style><p>正文</p>", "<p>正文</p>" },
        { "<blink>闪烁</blink> <marquee>滚动</marquee>", "闪烁 滚动" },
        { "<form action=\"https://evil.example/\"><p>表单里的字</p><input name=\"q\"><button>发送</button></form>", "<p>表单里的字</p>" },
        { "<applet code=\"x.class\">小程序</applet><p>后</p>", "<p>后</p>" },
        { "<embed src=\"https://evil.example/x.swf\"><p>后</p>", "<p>后</p>" },
        { "<object data=\"https://evil.example/x.swf\"><param name=\"a\" value=\"b\">对象</object><p>后</p>", "<p>后</p>" },
        { "<frameset><frame src=\"https://evil.example/\"></frameset><p>后</p>", "<p>后</p>" },
        { "<iframe src=\"https://evil.example/\"></iframe><p>后</p>", "<p>后</p>" },
        { "<a href=\"javascript:alert(1)\">链接</a>", "<a>链接</a>" },
        { "<a href=\" JaVaScRiPt:alert(1)\">链接</a>", "<a>链接</a>" },
        { "<a href=\"vbscript:msgbox(1)\">链接</a>", "<a>链接</a>" },
        { "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">链接</a>", "<a>链接</a>" },
        { "<p style=\"text-align: center; background: url(https://evil.example/x.png)\">字</p>", "<p style=\"text-align: center\">字</p>" },
        { "<p style=\"background-image: url(https://evil.example/x.png)\">字</p>", "<p>字</p>" },
        { "<p style=\"width: expression(alert(1))\">字</p>", "<p>字</p>" },
        { "<p style=\"behavior: url(x.htc)\">字</p>", "<p>字</p>" },
        { "<p style=\"-moz-binding: url(https://evil.example/x.xml#x)\">字</p>", "<p>字</p>" },
        { "<p style=\"background: image-set(&quot;https://evil.example/x.png&quot; 1x)\">字</p>", "<p>字</p>" },
        { "<p data-track=\"1\" foo=\"bar\" aria-hidden=\"true\" xmlns:x=\"y\">字</p>", "<p>字</p>" },
        { "<img src=\"https://n.example/a.jpg\" \"onerror\"=\"alert(1)\">", "<img src=\"https://n.example/a.jpg\">" },
        { "<img/src=\"https://n.example/a.jpg\"/onerror=alert(1)>", "<img src=\"https://n.example/a.jpg\">" },
        { "<video src=\"https://n.example/v.mp4\" poster=\"javascript:alert(1)\" controls></video>", "<video src=\"https://n.example/v.mp4\" controls=\"\"></video>" },
        { "<details open ontoggle=\"alert(1)\"><summary>摘要</summary>详情</details>", "<details open=\"\"><summary>摘要</summary>详情</details>" },
        { "<svg><text>矢量</text></svg><math><mi>x</mi></math><p>后</p>", "<p>后</p>" },
        { "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0\"><p>后</p>", "<p>后</p>" },
        { "<p>文字<!-- <img src=x onerror=alert(1)> --></p>", "<p>文字</p>" },
        // Harmless markup and text stay as they are.
        { "<p><b>粗</b> <i>斜</i> <a href=\"https://n.example/x\" title=\"标题\">链</a></p>", "<p><b>粗</b> <i>斜</i> <a href=\"https://n.example/x\" title=\"标题\">链</a></p>" },
        { "<p>&lt;script&gt;alert(1)&lt;/script&gt; 是正文里的文字</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt; 是正文里的文字</p>" },
        { "<table><tr><td colspan=\"2\">格</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">格</td></tr></tbody></table>" },
        { "<figure><img src=\"/a.jpg\" alt=\"图\"><figcaption>说明</figcaption></figure>", "<figure><img src=\"https://n.example/a.jpg\" alt=\"图\"><figcaption>说明</figcaption></figure>" },
        { "<iframe src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe>", "<iframe src=\"https://www.youtube.com/embed/x\" allowfullscreen=\"\"></iframe>" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_default_cleanup_gives_exactly(string hostile, string stored) =>
        Assert.Equal(stored, ArticleBodyPipeline.Finish(hostile, DefaultSource, new Uri("https://n.example/a.html")));
}
