using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>search --json</c>: the counts and the hits, in the order the search ranked them, and how much of the archive was searched.</summary>
internal sealed record SearchJson(int Total, bool TotalIsLowerBound, bool RankedByRelevance, IEnumerable<SearchHitJson> Results, SearchIndexJson Index);

/// <summary>Complete, or the articles searched (the newest) of all the archive's articles and how many are not indexed yet.</summary>
internal sealed record SearchIndexJson(
    bool Complete,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Searched = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Articles = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? NotIndexed = null);

internal sealed record SearchHitJson(string Source, string Folder, string File, string Title, string? Published, string Snippet);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SearchJson))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
