namespace NewsMirror.Bodies;

/// <summary>
/// Which Referer an image request sends. By default the article's own address, as a reader's browser would;
/// some CDNs refuse foreign referrers but serve requests without one, so the table can say "none".
/// </summary>
public static class ImageReferers
{
    /// <summary>Host (or parent domain) → referer; empty means send none.</summary>
    public static IReadOnlyDictionary<string, string> BuiltIn { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sinaimg.cn"] = "",
        ["mmbiz.qpic.cn"] = "",
        ["mmbiz.qlogo.cn"] = "",
        ["hdslb.com"] = "https://www.bilibili.com/",
        ["zhimg.com"] = "https://www.zhihu.com/",
        ["xuehua.us"] = "",
    };

    public static Uri? For(Uri image, Uri? article, IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var table in new[] { overrides, BuiltIn })
        {
            for (var host = image.Host; host.Length > 0; host = Parent(host))
                if (table.TryGetValue(host, out var referer))
                    return referer.Length == 0 ? null : new Uri(referer);
        }
        return article;
    }

    private static string Parent(string host)
    {
        var dot = host.IndexOf('.');
        return dot < 0 ? "" : host[(dot + 1)..];
    }
}
