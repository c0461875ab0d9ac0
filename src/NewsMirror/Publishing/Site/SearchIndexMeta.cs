using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The contents of <c>search/meta.js</c>: shard counts, block size, document count, source names, build version, and
/// the newest publication time (Unix milliseconds) of each document block.
/// </summary>
internal sealed record SearchIndexMeta(int Shards, int RecentShards, int DocsPerBlock, int Docs, string[] Sources, string Version, long[] BlockNewest)
{
    // Source names stay readable Chinese in the file, as the page's script reads them.
    private static readonly SearchIndexMetaJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public string ToJson() => JsonSerializer.Serialize(this, Json.SearchIndexMeta);
}

[JsonSerializable(typeof(SearchIndexMeta))]
internal sealed partial class SearchIndexMetaJson : JsonSerializerContext;
