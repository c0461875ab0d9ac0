using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.History;

namespace NewsMirror.Cli.Commands;

/// <summary><c>status</c> against a shared catalog: each source's holder, lease, last success and error, its revisions and final removals; the workers seen in the last hour.</summary>
internal static class FleetStatusOutput
{
    public static readonly TimeSpan WorkersWithin = TimeSpan.FromHours(1);

    public static async Task<int> WriteAsync(PostgresCatalog catalog, bool json, TextWriter output, CancellationToken cancel)
    {
        var sources = await catalog.SourcesAsync(cancel);
        var workers = await catalog.WorkersSeenAsync(WorkersWithin, cancel);
        var history = await PostgresArticleHistory.CountsAsync(catalog, cancel);
        (long Revisions, long Removals) HistoryOf(FleetSourceStatus s) => history.TryGetValue(s.Folder, out var counts) ? counts : (0, 0);
        var now = DateTimeOffset.UtcNow;
        if (json)
        {
            var report = new FleetStatusJson(catalog.Url.ToString(),
                sources.Select(s => new FleetSourceJson(s.Name, s.Folder, s.LeaseUntil > now ? s.Owner : null, s.LeaseUntil > now ? s.LeaseUntil : null,
                    s.NextPoll, s.LastSuccess, s.LastError, s.LastFailure, s.Failures, HistoryOf(s).Revisions, HistoryOf(s).Removals)).ToList(),
                workers.Select(w => new FleetWorkerJson(w.Name, w.Started, w.LastSeen)).ToList());
            await output.WriteLineAsync(JsonSerializer.Serialize(report, FleetStatusJsonContext.Default.FleetStatusJson));
            return ExitCodes.Ok;
        }
        await output.WriteLineAsync($"catalog: {catalog.Url}");
        await output.WriteLineAsync($"{"source",-24} {"owner",-24} {"lease until",-20} {"last success",-20} {"next poll",-20} {"revisions",9} {"removed",7} error");
        foreach (var s in sources)
        {
            var held = s.LeaseUntil > now;
            var error = s.Failures > 0 ? $"{s.LastError} ({s.Failures}×, {Time(s.LastFailure)})" : "";
            await output.WriteLineAsync($"{s.Name,-24} {(held ? s.Owner : "-"),-24} {(held ? Time(s.LeaseUntil) : "-"),-20} {Time(s.LastSuccess),-20} {Time(s.NextPoll),-20} {HistoryOf(s).Revisions,9} {HistoryOf(s).Removals,7} {error}");
        }
        await output.WriteLineAsync($"workers seen in the last hour: {workers.Count}");
        foreach (var w in workers) await output.WriteLineAsync($"  {w.Name}  last seen {Time(w.LastSeen)}, started {Time(w.Started)}");
        return ExitCodes.Ok;
    }

    private static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") : "never";
}

internal sealed record FleetStatusJson(string Catalog, List<FleetSourceJson> Sources, List<FleetWorkerJson> Workers);

internal sealed record FleetSourceJson(string Name, string Folder, string? Owner, DateTimeOffset? LeaseUntil, DateTimeOffset NextPoll,
    DateTimeOffset? LastSuccess, string? LastError, DateTimeOffset? LastFailure, int Failures, long Revisions, long Removals);

internal sealed record FleetWorkerJson(string Name, DateTimeOffset Started, DateTimeOffset LastSeen);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FleetStatusJson))]
internal sealed partial class FleetStatusJsonContext : JsonSerializerContext;
