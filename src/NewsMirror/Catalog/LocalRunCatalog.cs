using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>The archive's own SQLite catalog answering a run's questions: identities, revisions and source states in one file.</summary>
public sealed class LocalRunCatalog(ArchiveCatalog catalog) : IRunCatalog
{
    public ISourceStateStore States => catalog.States;

    public IArchiveFolder Folder(string folder) => catalog.Folder(folder);

    public CatalogFolder? Indexed(IArchiveFolder folder) => folder as CatalogFolder;
}
