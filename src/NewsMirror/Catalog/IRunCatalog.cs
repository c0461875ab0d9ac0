using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// The catalog questions one source's pass asks, answered by the implementation chosen once from configuration:
/// <see cref="LocalRunCatalog"/> (the archive's SQLite catalog, the default) or
/// <see cref="Postgres.PostgresBatch"/> (a fleet's shared PostgreSQL catalog).
/// </summary>
public interface IRunCatalog
{
    ISourceStateStore States { get; }

    /// <summary>The folder for the identity questions of a run (known items, ids), caught up with its log.</summary>
    IArchiveFolder Folder(string folder);

    /// <summary>The local index behind a folder <see cref="Folder"/> returned, for revisions; null where there is none.</summary>
    CatalogFolder? Indexed(IArchiveFolder folder);
}
