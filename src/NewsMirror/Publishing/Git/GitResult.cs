namespace NewsMirror.Publishing.Git;

/// <summary>What one git process did.</summary>
public sealed record GitResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Ok => ExitCode == 0;

    /// <summary>What git said, for messages: its error output, else its standard output.</summary>
    public string Said => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
}
