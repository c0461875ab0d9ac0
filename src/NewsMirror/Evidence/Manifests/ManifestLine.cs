using System.Text.Json.Serialization;

namespace NewsMirror.Evidence.Manifests;

/// <summary>A file and the sha256 of its bytes when the line was written; the path is relative to the archive root, with '/'.</summary>
public sealed record ManifestFileHash(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>
/// One line of a manifest: what one commit added or changed. <see cref="Prev"/> is the sha256 of the line before it
/// (its bytes without the line break; null only for the first line of the archive), which makes the lines a chain.
/// </summary>
public sealed record ManifestLine(
    [property: JsonPropertyName("prev"), JsonPropertyOrder(0)] string? Prev,
    [property: JsonPropertyName("time"), JsonPropertyOrder(1)] DateTimeOffset Time,
    [property: JsonPropertyName("files"), JsonPropertyOrder(2)] IReadOnlyList<ManifestFileHash> Files,
    [property: JsonPropertyName("warc"), JsonPropertyOrder(3)] IReadOnlyList<ManifestFileHash> Warc);

/// <summary>Source-generated: no reflection (Native AOT). Relaxed escaping keeps Chinese file names readable in the lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ManifestLine))]
internal sealed partial class ManifestJson : JsonSerializerContext
{
    public static ManifestJson Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
