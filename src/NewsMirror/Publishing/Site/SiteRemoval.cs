namespace NewsMirror.Publishing.Site;

/// <summary>
/// An archived article its source no longer shows, as the site is told of it: the site renders the verdicts it is
/// given and decides none itself.
/// </summary>
/// <param name="Folder">The source folder, as below <c>articles/</c>.</param>
/// <param name="ArticleId">The article's id (its file name's number).</param>
/// <param name="Verdict">One of <see cref="Verdicts"/>.</param>
/// <param name="VerdictTime">When the verdict was reached (UTC).</param>
/// <param name="HttpStatus">The status the source answered with, when there was an answer.</param>
/// <param name="RedirectTarget">Where the source redirected the article's address, for <see cref="Verdicts.Redirected"/>.</param>
public sealed record SiteRemoval(string Folder, long ArticleId, string Verdict, DateTimeOffset VerdictTime, int? HttpStatus, string? RedirectTarget)
{
    public static class Verdicts
    {
        /// <summary>The address answers 404 or 410.</summary>
        public const string Removed = "removed";

        /// <summary>The address redirects elsewhere: the home page, a section, another article.</summary>
        public const string Redirected = "redirected";

        /// <summary>The address answers, but the article's text is gone from the page.</summary>
        public const string Replaced = "replaced";

        public static readonly IReadOnlyList<string> All = [Removed, Redirected, Replaced];
    }
}
