using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Running.Metrics;

/// <summary>
/// The metrics of <c>run --metrics-file</c> and of each <c>watch</c> round. Per-source figures come from the catalog,
/// so they cover every enabled source and stay true across restarts, not only the sources the last round polled;
/// the run's own figures come from its report. README, "Metrics", lists them.
/// </summary>
public static class RunMetrics
{
    public static string Render(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, RunReport report, DateTimeOffset now)
    {
        var states = sources.Select(s => (Source: s, State: catalog.States.Get(s.Name))).ToList();
        var text = new PrometheusText();

        text.Family("newsmirror_source_last_success_timestamp_seconds", "gauge", "Unix time of the source's last successful poll (absent until one succeeds).");
        foreach (var (source, state) in states)
            if (state.LastSuccess is { } success) text.Sample("newsmirror_source_last_success_timestamp_seconds", success.ToUnixTimeMilliseconds() / 1000.0, Label(source));

        text.Family("newsmirror_source_articles_total", "counter", "Articles of the source in the archive.");
        foreach (var (source, _) in states)
            text.Sample("newsmirror_source_articles_total", SourceActivity.Of(catalog, source, now).Total, Label(source));

        text.Family("newsmirror_source_failures", "gauge", "Failed polls of the source in a row (0: its last poll succeeded).");
        foreach (var (source, state) in states)
            text.Sample("newsmirror_source_failures", state.ConsecutiveFailures, Label(source));

        var polled = report.Sources.ToDictionary(s => s.Name);
        text.Family("newsmirror_source_last_run_new_articles", "gauge", "Articles the last run archived for the source (sources it polled).");
        foreach (var (source, _) in states)
            if (polled.TryGetValue(source.Name, out var s)) text.Sample("newsmirror_source_last_run_new_articles", s.New, Label(source));

        text.Family("newsmirror_run_duration_seconds", "gauge", "How long the last run took.");
        text.Sample("newsmirror_run_duration_seconds", report.Elapsed.TotalSeconds);
        text.Family("newsmirror_run_timestamp_seconds", "gauge", "Unix time the last run finished.");
        text.Sample("newsmirror_run_timestamp_seconds", now.ToUnixTimeMilliseconds() / 1000.0);
        return text.ToString();
    }

    /// <summary>
    /// Opens the archive's catalog (the run has closed its own) and writes the metrics file; returns why it could not,
    /// or null. A metrics file that cannot be written does not undo the run: its stale timestamp shows on the dashboard.
    /// </summary>
    public static string? WriteOrExplain(string path, ArchivePaths paths, ArchiveConfig config, RunReport report, DateTimeOffset now)
    {
        try
        {
            Write(path, paths, config, report, now);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"metrics file not written: {e.Message}";
        }
    }

    private static void Write(string path, ArchivePaths paths, ArchiveConfig config, RunReport report, DateTimeOffset now)
    {
        var sources = config.Sources.Where(s => s.Enabled).ToList();
        string text;
        using (var catalog = ArchiveCatalog.Open(paths, sources, ArchiveLayouts.Of(config.Settings.Layout)))
            text = Render(catalog, sources, report, now);
        MetricsFile.Write(path, text);
    }

    private static (string, string) Label(SourceConfig source) => ("source", source.Name);
}
