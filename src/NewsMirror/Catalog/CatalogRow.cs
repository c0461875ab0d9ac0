namespace NewsMirror.Catalog;

/// <summary>
/// One archived article as the catalog holds it. <paramref name="Id"/> is null for files without an id
/// (Jekyll posts); <paramref name="Hash"/> is null where no log line recorded it; <paramref name="SeenTitle"/>
/// and <paramref name="SeenHash"/> are what the source last delivered (null: not known, e.g. imported).
/// </summary>
public sealed record CatalogRow(
    string Folder,
    string File,
    long? Id,
    string Source,
    string? Guid,
    string Link,
    string Title,
    long? Published,
    DateTimeOffset? Archived,
    string? Hash,
    string? SeenTitle,
    string? SeenHash)
{
    /// <summary>The file's path relative to the archive root, with '/' separators.</summary>
    public string RelativePath => CatalogPaths.Relative(Folder, File);
}
