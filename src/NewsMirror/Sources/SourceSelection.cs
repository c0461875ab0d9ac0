namespace NewsMirror.Sources;

/// <summary>Which sources a command works on: from a file, else the archive's newsmirror.yml, else the built-in outlets.</summary>
public static class SourceSelection
{
    public static IReadOnlyList<SourceConfig> Load(string? sourcesFile, string archiveRoot) => LoadConfig(sourcesFile, archiveRoot).Sources;

    /// <summary>The sources and the settings of the same file (default settings with the built-in outlets).</summary>
    public static ArchiveConfig LoadConfig(string? sourcesFile, string archiveRoot)
    {
        var path = sourcesFile ?? Path.Combine(archiveRoot, SourcesFile.DefaultName);
        if (sourcesFile is null && !File.Exists(path)) return ArchiveConfig.BuiltIn;
        return SourcesFile.LoadConfig(path);
    }

    /// <summary>Enabled sources, narrowed to the names given (unknown names are an error, not silently nothing).</summary>
    public static IReadOnlyList<SourceConfig> Narrow(IReadOnlyList<SourceConfig> sources, IReadOnlyList<string>? only)
    {
        if (only is null || only.Count == 0) return sources.Where(s => s.Enabled).ToList();
        var unknown = only.Where(n => sources.All(s => s.Name != n && s.Folder != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown source {string.Join(", ", unknown.Select(u => $"'{u}'"))} (known: {string.Join(", ", sources.Select(s => s.Name))})");
        return sources.Where(s => only.Contains(s.Name) || only.Contains(s.Folder)).ToList();
    }
}
