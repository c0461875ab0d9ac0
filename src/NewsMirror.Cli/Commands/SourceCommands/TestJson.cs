using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands.SourceCommands;

/// <summary><c>source test --json</c>: what the feed held and what a run would archive; the feed's fields are null when the fetch failed.</summary>
internal sealed record SourceTestJson(
    string Name, string Url, string Status, string? Error, string? Format, string? Title, int? Items, int? Kept, int? New,
    IEnumerable<SourceTestItemJson>? Newest, List<string> Warnings);

internal sealed record SourceTestItemJson(string? Title, string? Link, DateTimeOffset? Published);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SourceTestJson))]
internal sealed partial class SourceTestJsonContext : JsonSerializerContext;
