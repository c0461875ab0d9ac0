using System.Text.Json.Serialization;

namespace NewsMirror.Cli.Commands;

/// <summary><c>import --json</c>: what was indexed per folder and the anomalies found.</summary>
internal sealed record ImportJson(int Articles, IEnumerable<ImportFolderJson> Folders, List<ArchiveProblemJson> Anomalies);

internal sealed record ImportFolderJson(string Folder, int Files, int Articles, int LogLines);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ImportJson))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
