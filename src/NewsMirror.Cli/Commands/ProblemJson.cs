using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary>Problems as the catalog commands show them: {path, kind, detail} in JSON, one indented line each in text.</summary>
internal static class ProblemJson
{
    public static List<ArchiveProblemJson> List(IEnumerable<ArchiveProblem> problems) =>
        problems.Select(p => new ArchiveProblemJson(p.Path, p.Kind, p.Detail)).ToList();

    public static void WriteText(IReadOnlyCollection<ArchiveProblem> problems, string heading)
    {
        if (problems.Count == 0) return;
        Console.WriteLine($"{heading}: {problems.Count}");
        foreach (var problem in problems) Console.WriteLine($"  {problem.Kind}  {problem.Path}: {problem.Detail}");
    }
}

internal sealed record ArchiveProblemJson(string Path, string Kind, string Detail);
