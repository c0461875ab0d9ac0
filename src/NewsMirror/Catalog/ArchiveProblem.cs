namespace NewsMirror.Catalog;

/// <summary>Something wrong or noteworthy in an archive, at a path relative to its root.</summary>
public sealed record ArchiveProblem(string Path, string Kind, string Detail);

/// <summary>The kinds of <see cref="ArchiveProblem"/>.</summary>
public static class ProblemKinds
{
    public const string Unparsable = "unparsable";
    public const string Malformed = "malformed";
    public const string NaNDate = "nan-date";
    public const string DuplicateArticle = "duplicate-article";
    public const string IdCollision = "duplicate-id";
    public const string MissingFile = "missing-file";

    /// <summary>Not a fault: a write a stopped run began (see <see cref="VerifyReport.Unwritten"/>).</summary>
    public const string Unwritten = "unwritten";
    public const string MissingLogLine = "missing-log-line";
    public const string LogMismatch = "log-mismatch";
    public const string NotInCatalog = "not-in-catalog";
    public const string CatalogStale = "catalog-stale";
    public const string CatalogMismatch = "catalog-mismatch";
    public const string StaleList = "stale-list";
    public const string StaleReadme = "stale-readme";
}
