using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>verify --json</c>: whether the archive is whole, what is wrong, what <c>--fix</c> repaired.</summary>
internal sealed record VerifyJson(
    bool Ok, int Articles, List<ArchiveProblemJson> Problems, List<ArchiveProblemJson> Fixed, List<ArchiveProblemJson> Unwritten);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VerifyJson))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
