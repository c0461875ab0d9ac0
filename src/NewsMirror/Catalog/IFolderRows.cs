namespace NewsMirror.Catalog;

/// <summary>
/// One folder's article rows while log lines are applied to them: kept in step with an existing catalog
/// (<see cref="CaughtUpRows"/>) or written anew by a rebuild (<see cref="RebuiltRows"/>).
/// </summary>
internal interface IFolderRows
{
    /// <summary>The file's row as the lines applied so far left it; null: not archived.</summary>
    CatalogRow? Current(string file);

    /// <param name="replacing">The row's text changed (or may have): it leaves the search index.</param>
    void Put(CatalogRow row, bool replacing);

    void Remove(string file);
}
