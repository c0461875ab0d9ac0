namespace NewsMirror.Evidence.Probes;

/// <summary>
/// Phrases outlets put where an article used to be. Only ever supporting evidence: a page showing one is judged
/// replaced at a looser similarity threshold, never on the phrase alone (an article may quote one).
/// </summary>
public static class RemovalNotices
{
    private static readonly string[] Phrases =
    [
        "此内容已被删除", "此內容已被刪除", "该内容已被删除", "該內容已被刪除", "内容已删除", "內容已刪除", "文章已被删除", "文章已被刪除",
        "该文章已删除", "該文章已刪除", "页面不存在", "頁面不存在", "您访问的页面不存在", "此页面已失效", "此頁面已失效", "内容不存在", "內容不存在",
        "this page is no longer available", "this content is no longer available", "this article is no longer available",
        "this article has been removed", "this content has been removed", "this page has been removed",
        "the page you requested could not be found", "page not found", "content unavailable",
    ];

    /// <summary>The first known notice <paramref name="text"/> shows, or null.</summary>
    public static string? Find(string text)
    {
        foreach (var phrase in Phrases)
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return phrase;
        return null;
    }
}
