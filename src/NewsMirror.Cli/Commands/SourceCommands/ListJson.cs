using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands.SourceCommands;

/// <summary><c>source list --json</c>: the configuration file in use (null for the built-in outlets) and its sources.</summary>
internal sealed record SourceListJson(string? File, IEnumerable<SourceListEntryJson> Sources);

internal sealed record SourceListEntryJson(string Name, string Folder, string Url, bool Enabled, string Body, string Link, string? Fulltext);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SourceListJson))]
internal sealed partial class SourceListJsonContext : JsonSerializerContext;
