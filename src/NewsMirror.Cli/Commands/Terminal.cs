namespace NewsMirror.Cli.Commands;

/// <summary>
/// Whether standard output is a person's terminal. Tables and live progress are drawn only then: redirected or in
/// CI, Spectre.Console's progress prints stray partial lines (DOTNET-NOTES), so plain lines are printed instead.
/// </summary>
internal static class Terminal
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) &&
        Environment.GetEnvironmentVariable("TERM") is not "dumb";
}
