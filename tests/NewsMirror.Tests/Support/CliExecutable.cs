using System.Diagnostics;

namespace NewsMirror.Tests.Support;

/// <summary>
/// Which <c>newsmirror</c> the process-level tests run: the build copied beside the tests (<c>dotnet exec
/// newsmirror.dll</c>), or, when <c>NEWSMIRROR_CLI</c> names an executable, that one — so the same tests check a
/// published binary (Native AOT, ReadyToRun) as users install it.
/// </summary>
public static class CliExecutable
{
    public const string Variable = "NEWSMIRROR_CLI";

    /// <summary>The published executable under test, or null for the build beside the tests.</summary>
    public static string? Published { get; } = Resolve(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A start for the executable with no arguments yet: the caller adds its arguments and redirections.</summary>
    public static ProcessStartInfo StartInfo()
    {
        if (Published is { } path) return new ProcessStartInfo(path);
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsmirror.dll"));
        return start;
    }

    private static string? Resolve(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var path = Path.GetFullPath(value);
        if (!File.Exists(path)) throw new FileNotFoundException($"{Variable} names {value}, which is not a file", path);
        return path;
    }
}
