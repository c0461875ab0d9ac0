using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary>Opening an archive's catalog the same way in every command: sources from its newsmirror.yml, else the built-in outlets.</summary>
internal static class CatalogOptions
{
    /// <returns>null (after printing why) when the sources file is unusable: a usage error.</returns>
    public static (ArchivePaths Paths, IReadOnlyList<SourceConfig> Sources)? Load(string archive, string command)
    {
        var paths = new ArchivePaths(archive);
        if (!Directory.Exists(paths.Root))
        {
            Console.Error.WriteLine($"newsmirror {command}: no such folder: {paths.Root}");
            return null;
        }
        try
        {
            return (paths, SourceSelection.Load(null, paths.Root));
        }
        catch (SourcesFileException e)
        {
            Console.Error.WriteLine($"newsmirror {command}: {e.Message}");
            return null;
        }
    }

    /// <summary>Opens the catalog and brings every folder in step with its log, as every reading command needs.</summary>
    public static ArchiveCatalog OpenCaughtUp(ArchivePaths paths, IReadOnlyList<SourceConfig> sources)
    {
        var catalog = ArchiveCatalog.Open(paths, sources);
        catalog.CatchUpAll();
        return catalog;
    }
}
