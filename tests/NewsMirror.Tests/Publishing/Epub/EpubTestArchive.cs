using System.Text;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Epub;

/// <summary>
/// An archive of the built-in outlets 法广 (rfi) and 德国之声 (dw) with articles relative to <see cref="Now"/>: four of the
/// last day (one with a localized and a remote image, one of hostile HTML) and one three days old.
/// </summary>
internal sealed class EpubTestArchive : IDisposable
{
    public const string LocalizedImageTitle = "法国总统宣布新的气候计划";
    public const string HostileTitle = "欧盟峰会讨论乌克兰援助 <未闭合> & 其他";
    public const string TraditionalTitle = "德國總理訪問北京 討論貿易";
    public const string OldTitle = "三天前的旧闻";

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string HostileBody =
        "<script>alert('x')</script><p style=\"position:fixed\" onclick=\"steal()\">第一段&nbsp;文字&copy;<b>粗体<p>未闭合的段落" +
        "<div>段落里的块</div><li>孤立的列表项<table><tr><td>表格<h2>格里的标题</h2></td></tr></table>" +
        "<img src=\"https://cdn.example.org/remote.jpg\" alt=\"远程图片\"><iframe src=\"https://www.youtube.com/embed/abc\"></iframe>" +
        "<font color=red>红字</font><center>居中</center> &amp; &lt;tag&gt; \u0001控制字符 <a href=\"javascript:alert(1)\">脚本链接</a>" +
        "<a href=\"/relative/page\">相对链接</a><span><div>行内的块</div></span><dl><dd>定义</dd></dl><time>明天</time>" +
        "<a href=\"https://example.org/外链?q=中文\">外链<a href=\"https://example.org/2\">嵌套</a></a><ul>文字<li>项</li><p>段</p></ul>";

    public EpubTestArchive()
    {
        Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Directory.CreateDirectory(Paths.AssetsFolder("rfi"));
        File.WriteAllBytes(Path.Combine(Paths.AssetsFolder("rfi"), "1a2b.png"), Png);
        Write("rfi", 1048574, LocalizedImageTitle, Hours(2),
            "<p>巴黎消息。</p><img src=\"../../assets/rfi/1a2b.png\" alt=\"会场\"><p>远程：<img src=\"https://cdn.example.org/photo.jpg\" alt=\"记者会现场\"></p>" +
            "<p><a href=\"https://example.org/more\"><img src=\"https://cdn.example.org/linked.jpg\"></a></p>");
        Write("rfi", 1048573, HostileTitle, Hours(5), HostileBody);
        Write("rfi", 1048575, OldTitle, Hours(72), "<p>旧闻。</p>");
        Write("dw", 1048574, TraditionalTitle, Hours(1), "<p>柏林消息：總理表示……</p>");
        Write("dw", 1048575, "德国经济数据公布", Hours(20), "<p>经济数据。</p><img src=\"../../assets/dw/missing.png\" alt=\"缺失的图\">");
    }

    public DateTimeOffset Now { get; }
    public ArchivePaths Paths => new(_folder.Path);
    public string Root => _folder.Path;

    private readonly TempFolder _folder = new();

    public long Hours(int before) => Now.AddHours(-before).ToUnixTimeMilliseconds();

    public void Write(string folder, long id, string title, long timestampMs, string body)
    {
        Directory.CreateDirectory(Paths.ArticlesFolder(folder));
        var record = new ArticleRecord(timestampMs, title, $"https://example.org/{folder}/{id}", body);
        File.WriteAllText(Path.Combine(Paths.ArticlesFolder(folder), $"{id}.md"), ArticleFile.Render(record), new UTF8Encoding(false));
    }

    public ArchiveCatalog OpenCatalog()
    {
        var catalog = ArchiveCatalog.Open(Paths, SourceSelection.Load(null, Root));
        catalog.CatchUpAll();
        return catalog;
    }

    public string OutputPath(string name) => Path.Combine(Root, "out", name);

    public void Dispose() => _folder.Dispose();
}
