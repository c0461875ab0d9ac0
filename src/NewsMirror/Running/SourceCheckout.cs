namespace NewsMirror.Running;

/// <summary>
/// NewsMirror's own source repository. It must never become an archive: a run there would write articles into the
/// checkout and append to its README — what a newcomer gets by running the commands from the repository root.
/// </summary>
public static class SourceCheckout
{
    /// <summary>The root of the NewsMirror source repository that is or contains <paramref name="folder"/>; null when there is none.</summary>
    public static string? Enclosing(string folder)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(folder)); directory is not null; directory = directory.Parent)
            if (IsRoot(directory.FullName)) return directory.FullName;
        return null;
    }

    private static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "NewsMirror.slnx")) && File.Exists(Path.Combine(folder, "src", "NewsMirror", "NewsMirror.csproj"));
}
