using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary>JSON output shared by the catalog commands: readable Chinese, problems as {path, kind, detail}.</summary>
internal static class ProblemJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object List(IEnumerable<ArchiveProblem> problems) =>
        problems.Select(p => new { path = p.Path, kind = p.Kind, detail = p.Detail }).ToList();

    public static void Write(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));

    public static void WriteText(IReadOnlyCollection<ArchiveProblem> problems, string heading)
    {
        if (problems.Count == 0) return;
        Console.WriteLine($"{heading}: {problems.Count}");
        foreach (var problem in problems) Console.WriteLine($"  {problem.Kind}  {problem.Path}: {problem.Detail}");
    }
}
