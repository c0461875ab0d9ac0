using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>search --json</c>: the counts and the hits, in the order the search ranked them.</summary>
internal sealed record SearchJson(int Total, bool TotalIsLowerBound, bool RankedByRelevance, IEnumerable<SearchHitJson> Results);

internal sealed record SearchHitJson(string Source, string Folder, string File, string Title, string? Published, string Snippet);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SearchJson))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
