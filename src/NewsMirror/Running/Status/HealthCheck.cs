using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Running.Status;

/// <summary>
/// <c>status --check</c>: every enabled source's verdict. The worst state decides the outcome: any failing source
/// makes the check <see cref="SourceHealthState.Failing"/>, else any silent one <see cref="SourceHealthState.Silent"/>.
/// </summary>
public sealed record HealthCheck(IReadOnlyList<SourceHealth> Sources)
{
    /// <summary>The expected poll interval when none is given: the hourly run of the generated CI workflow and of <c>watch</c>'s default.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    public IEnumerable<SourceHealth> Problems => Sources.Where(s => s.State != SourceHealthState.Ok);

    public SourceHealthState Outcome =>
        Sources.Any(s => s.State == SourceHealthState.Failing) ? SourceHealthState.Failing
        : Sources.Any(s => s.State == SourceHealthState.Silent) ? SourceHealthState.Silent
        : SourceHealthState.Ok;

    public static HealthCheck Of(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, TimeSpan interval, DateTimeOffset now) =>
        new(sources.Select(s => SourceHealth.Of(catalog.States.Get(s.Name), interval, now)).ToList());

    /// <summary>Opens the archive's catalog for the enabled sources of its configuration and checks them.</summary>
    public static HealthCheck Run(ArchivePaths paths, ArchiveConfig config, TimeSpan interval, DateTimeOffset now)
    {
        var sources = config.Sources.Where(s => s.Enabled).ToList();
        using var catalog = ArchiveCatalog.Open(paths, sources, ArchiveLayouts.Of(config.Settings.Layout));
        return Of(catalog, sources, interval, now);
    }
}
