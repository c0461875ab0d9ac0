using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>status --json</c>: one object with every enabled source's health.</summary>
internal sealed record StatusJson(IEnumerable<StatusSourceJson> Sources);

internal sealed record StatusSourceJson(
    string Name, string Folder, DateTimeOffset? LastSuccess, string? LastError, DateTimeOffset? LastErrorAt,
    int Failures, int Articles, int Last24h, int Last7d, DateTimeOffset? NextPoll, bool Silent);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusJson))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
