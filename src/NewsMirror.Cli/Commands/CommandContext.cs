using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary>What an archive must be for a command to start on it.</summary>
internal enum ArchiveRequirement
{
    /// <summary>Any folder: a missing one means "no sources file", so the built-in outlets.</summary>
    Any,

    /// <summary>An existing folder (reading commands: there is nothing to read otherwise).</summary>
    Exists,

    /// <summary>Not NewsMirror's own source repository (writing commands, see <see cref="CheckoutGuard"/>).</summary>
    OutsideCheckout,
}

/// <summary>
/// The start every archive command shares: the archive's paths, its configuration (newsmirror.yml or --sources,
/// else the built-in outlets) and the command's log. A configuration problem is reported here, once, through the
/// log; the command then exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class CommandContext
{
    private CommandContext(ArchivePaths paths, ArchiveConfig config, CliLog log)
    {
        Paths = paths;
        Config = config;
        Log = log;
    }

    public ArchivePaths Paths { get; }
    public ArchiveConfig Config { get; }
    public CliLog Log { get; }
    public IReadOnlyList<SourceConfig> Sources => Config.Sources;

    /// <returns>null, after logging why, when the archive or its configuration is unusable: a usage error.</returns>
    public static CommandContext? Load(ParseResult parse, Option<string> archive, Option<string?>? sourcesFile = null, ArchiveRequirement requirement = ArchiveRequirement.Any) =>
        Load(GlobalOptions.Log(parse), parse.GetValue(archive)!, sourcesFile is null ? null : parse.GetValue(sourcesFile), requirement);

    public static CommandContext? Load(CliLog log, string archive, string? sourcesFile, ArchiveRequirement requirement)
    {
        var paths = new ArchivePaths(archive);
        if (requirement == ArchiveRequirement.Exists && !Directory.Exists(paths.Root))
        {
            log.Error($"no such folder: {paths.Root}");
            return null;
        }
        if (requirement == ArchiveRequirement.OutsideCheckout && !CheckoutGuard.Allows(paths, log)) return null;
        try
        {
            return new CommandContext(paths, SourceSelection.LoadConfig(sourcesFile, paths.Root), log);
        }
        catch (SourcesFileException e)
        {
            log.Error(e.Message);
            return null;
        }
    }

    /// <summary>The sources named (names or folders, comma-separated; all when null); null, after logging why, when a name is unknown.</summary>
    public IReadOnlyList<SourceConfig>? Narrow(string? only)
    {
        var names = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try { return SourceSelection.Narrow(Sources, names); }
        catch (ArgumentException e)
        {
            Log.Error(e.Message);
            return null;
        }
    }

    /// <summary>The configured source with this name or folder; null, after logging why, when there is none.</summary>
    public SourceConfig? Find(string nameOrFolder)
    {
        try { return SourceCommands.SourceLookup.Find(Config, nameOrFolder); }
        catch (ArgumentException e)
        {
            Log.Error(e.Message);
            return null;
        }
    }

    /// <summary>Opens the catalog and brings every folder in step with its log, as every reading command needs.</summary>
    public ArchiveCatalog OpenCatalogCaughtUp()
    {
        var catalog = ArchiveCatalog.Open(Paths, Sources);
        catalog.CatchUpAll();
        return catalog;
    }
}
