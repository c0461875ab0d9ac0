using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class SourceLookup
{
    /// <summary>The source with this name, else with this folder.</summary>
    /// <exception cref="ArgumentException">None.</exception>
    public static SourceConfig Find(ArchiveConfig config, string nameOrFolder) =>
        config.Sources.FirstOrDefault(s => s.Name == nameOrFolder)
        ?? config.Sources.FirstOrDefault(s => string.Equals(s.Folder, nameOrFolder, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no source '{nameOrFolder}' (known: {string.Join(", ", config.Sources.Select(s => s.Name))})");
}
