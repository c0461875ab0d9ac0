using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>status --json</c>: one object with every enabled source's health.</summary>
internal sealed record StatusJson(
    IEnumerable<StatusSourceJson> Sources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IEnumerable<StatusRemoteJson>? Remotes);

internal sealed record StatusSourceJson(
    string Name, string Folder, DateTimeOffset? LastSuccess, string? LastError, DateTimeOffset? LastErrorAt,
    int Failures, int Articles, int Last24h, int Last7d, DateTimeOffset? NextPoll, bool Silent);

internal sealed record StatusRemoteJson(
    string Remote, string Branch, DateTimeOffset Time, bool Pushed, string? Holds, string? Error, DateTimeOffset? LastPushed, bool Behind);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusJson))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
