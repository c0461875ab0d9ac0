namespace NewsMirror.Catalog;

/// <summary>
/// How much of the archive a partial text index holds: a search answers from the <paramref name="Indexed"/> articles
/// only (the newest, as <see cref="CatalogSearchIndex"/> indexes newest first), never silently.
/// </summary>
public sealed record IndexCoverage(int Indexed, int Articles)
{
    public int NotIndexed => Articles - Indexed;

    /// <summary>null when every article is indexed. Counting all articles costs a scan, so only a partial index pays it.</summary>
    internal static IndexCoverage? Partial(ArchiveCatalog catalog)
    {
        lock (catalog.Gate)
        {
            int pending = CatalogSearchIndex.PendingCount(catalog.Connection);
            if (pending == 0) return null;
            int articles = Convert.ToInt32(CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM articles"));
            return new IndexCoverage(articles - pending, articles);
        }
    }
}
