using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMirror.Archive;
using NewsMirror.Evidence.Manifests;
using NewsMirror.Publishing.Git;

namespace NewsMirror.Cli.Commands;

/// <summary><c>verify --manifests</c>: the chain, every listed file against its latest listing, and the history's appends.</summary>
internal static class ManifestVerification
{
    /// <summary>The JSON <c>verify --manifests --json</c> prints.</summary>
    internal sealed record Output(bool Ok, int Lines, int Files, IReadOnlyList<ManifestProblem> Problems, IReadOnlyList<string> Absent);

    public static async Task<int> RunAsync(ArchivePaths paths, bool json, CancellationToken cancel)
    {
        var report = ManifestVerifier.Run(paths);
        var problems = report.Problems.Concat(await ManifestHistory.CheckAsync(paths, cancel)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Output(problems.Count == 0, report.Lines, report.Files, problems, report.Absent), ManifestOutputJson.Relaxed.Output));
        }
        else
        {
            foreach (var problem in problems) Console.WriteLine($"  {problem}");
            if (report.Absent.Count > 0)
                Console.WriteLine($"{report.Absent.Count} listed WARC files are not in this copy (kept only where they were captured), not checked");
            Console.WriteLine(problems.Count == 0
                ? report.Lines == 0 ? "ok: no manifest lines yet (run --commit writes them)" : $"ok: {report.Lines} manifest lines chained, {report.Files} files match their latest listing"
                : $"{problems.Count} problems in {report.Lines} manifest lines and {report.Files} files");
        }
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ManifestVerification.Output))]
internal sealed partial class ManifestOutputJson : JsonSerializerContext
{
    public static ManifestOutputJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
