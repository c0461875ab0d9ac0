namespace NewsMirror.Bench.Commands;

/// <summary>A build of the newsmirror command under test: an executable, or a .dll run by <c>dotnet</c>.</summary>
internal sealed record NewsMirrorCommand(string Label, string Path)
{
    /// <summary>Parses <c>label=path</c>.</summary>
    public static NewsMirrorCommand Parse(string value)
    {
        int equals = value.LastIndexOf('=');
        if (equals <= 0) throw new ArgumentException($"--newsmirror expects label=path, got '{value}'");
        return new NewsMirrorCommand(value[..equals], System.IO.Path.GetFullPath(value[(equals + 1)..]));
    }

    public ProcessSample Run(string workingDirectory, params string[] arguments) =>
        Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ProcessTimer.Run("dotnet", [Path, .. arguments], workingDirectory)
            : ProcessTimer.Run(Path, arguments, workingDirectory);
}
