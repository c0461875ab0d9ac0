namespace NewsMirror.Tests.Support;

/// <summary>
/// Where the browser tests find Chromium: <c>CHROMIUM_PATH</c>, else the first of <c>chromium</c>,
/// <c>chromium-browser</c> and <c>google-chrome</c> on PATH (Debian, Ubuntu and Fedora name it differently).
/// </summary>
internal static class ChromiumLocation
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public const string InstallHint =
        "The browser tests need Chromium: install it (Debian: 'apt-get install -y chromium fonts-noto-cjk'; Ubuntu: " +
        "'apt-get install -y chromium-browser'; Fedora: 'dnf install chromium') or set CHROMIUM_PATH to its executable.";

    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Names)
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
