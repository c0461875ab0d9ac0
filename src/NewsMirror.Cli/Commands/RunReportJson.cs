using System.Text.Json.Serialization;
using NewsMirror.Publishing.Git;

namespace NewsMirror.Cli.Commands;

/// <summary><c>run --json</c>: one object per run; <c>git</c> only when the run was asked to commit.</summary>
internal sealed record RunReportJson(
    IEnumerable<RunSourceJson> Sources, int New, long ElapsedMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunGitJson? Git,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunProbesJson? Probes);

internal sealed record RunSourceJson(
    string Name, string Folder, string Status, int New, int Known, int Changed, bool NotModified, string? Error, long ElapsedMs);

internal sealed record RunGitJson(
    string? Commit, bool? Pushed, string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PushResult>? Remotes);

/// <summary>The run's probes of archived articles: what it made, or why it could make none.</summary>
internal sealed record RunProbesJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Probed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Deferred,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? NewVerdicts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunReportJson))]
internal sealed partial class RunReportJsonContext : JsonSerializerContext;
