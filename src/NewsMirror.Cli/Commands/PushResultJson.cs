using System.Text.Json.Serialization;
using NewsMirror.Publishing.Git;

namespace NewsMirror.Cli.Commands;

/// <summary>Source-generated (Native AOT): each remote's push as <c>run --json</c> and <c>status --json</c> show it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<PushResult>))]
[JsonSerializable(typeof(IReadOnlyList<RemotePushState.Entry>))]
internal sealed partial class PushResultJson : JsonSerializerContext;
