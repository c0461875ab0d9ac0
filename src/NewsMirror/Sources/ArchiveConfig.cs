namespace NewsMirror.Sources;

/// <summary>A whole sources file: its settings and its sources.</summary>
public sealed record ArchiveConfig(ArchiveSettings Settings, IReadOnlyList<SourceConfig> Sources)
{
    public static ArchiveConfig BuiltIn { get; } = new(new ArchiveSettings(), BuiltInSources.All);
}
