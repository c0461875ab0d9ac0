namespace NewsMirror.Evidence.Probes;

/// <summary>Comparing an article's link with where its page now leads, and telling what kind of page that is.</summary>
public static class ArticleAddress
{
    /// <summary>
    /// The same page whatever the scheme, a leading <c>www.</c>, a trailing slash or a fragment: the moves outlets
    /// make without touching the article (http → https) are no redirect.
    /// </summary>
    public static bool Same(string link, Uri final) =>
        Uri.TryCreate(link, UriKind.Absolute, out var original) && Key(original) == Key(final);

    /// <summary>
    /// Home: no path (or only a query without a number). Section: one or two path segments without digits or a file
    /// extension (<c>/news</c>, <c>/zh/world/</c>). Article: anything more specific.
    /// </summary>
    public static string KindOf(Uri target)
    {
        var segments = target.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = target.Query.TrimStart('?');
        if (segments.Length == 0) return query.Any(char.IsDigit) ? RedirectKinds.Article : RedirectKinds.Home;
        var general = segments.Length <= 2 && segments.All(s => !s.Any(char.IsDigit) && !s.Contains('.'));
        return general && !query.Any(char.IsDigit) ? RedirectKinds.Section : RedirectKinds.Article;
    }

    private static string Key(Uri uri)
    {
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        return host + port + uri.AbsolutePath.TrimEnd('/') + uri.Query;
    }
}
