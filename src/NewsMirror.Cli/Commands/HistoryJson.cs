using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>history --json</c>: each matching article with its recorded revisions.</summary>
internal sealed record HistoryJson(IEnumerable<HistoryArticleJson> Articles);

internal sealed record HistoryArticleJson(string Source, string Folder, string File, string Title, string Link, IEnumerable<HistoryRevisionJson> Revisions);

internal sealed record HistoryRevisionJson(string At, string Action, string? OldTitle, string NewTitle, string? OldHash, string? NewHash);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HistoryJson))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
