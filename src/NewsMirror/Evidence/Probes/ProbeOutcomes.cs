namespace NewsMirror.Evidence.Probes;

/// <summary>What one probe of an archived article's page found (the <c>outcome</c> of a probe log line).</summary>
public static class ProbeOutcomes
{
    /// <summary>The page still holds the article as last seen (or answered 304 Not Modified).</summary>
    public const string Live = "live";

    /// <summary>The page still holds the article, with its title or text changed since the last confirmed version.</summary>
    public const string Edited = "edited";

    /// <summary>The page answered 404 Not Found or 410 Gone.</summary>
    public const string Removed = "removed";

    /// <summary>The page redirects to the outlet's home page, a section page or another article.</summary>
    public const string Redirected = "redirected";

    /// <summary>The page answers 200 but no longer holds the article's text.</summary>
    public const string Replaced = "replaced";

    /// <summary>Network error, 5xx, 429 or another refusal: no verdict, tried again later.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The verdicts that say the outlet took the article away.</summary>
    public static bool IsRemoval(string outcome) => outcome is Removed or Redirected or Replaced;

    /// <summary>The same verdicts as a list, for queries.</summary>
    public static readonly string[] Removals = [Removed, Redirected, Replaced];
}

/// <summary>Where a redirected article's page now leads (the <c>redirect</c> of a probe log line).</summary>
public static class RedirectKinds
{
    public const string Home = "home";
    public const string Section = "section";
    public const string Article = "article";
}
