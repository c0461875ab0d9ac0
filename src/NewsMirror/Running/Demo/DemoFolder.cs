using System.Globalization;

namespace NewsMirror.Running.Demo;

/// <summary>Where a demo archive goes: a folder that is new or empty, never one that holds anything.</summary>
public static class DemoFolder
{
    /// <summary>
    /// <paramref name="requested"/> when it is new or empty; without one, <c>newsmirror-demo-YYYYMMDD-HHMMSS</c> in
    /// <paramref name="currentFolder"/> — or in the home folder when that is inside NewsMirror's own checkout, which must stay clean.
    /// </summary>
    /// <exception cref="DemoFolderException">The requested folder is not empty, or is a file.</exception>
    public static string Choose(string? requested, string currentFolder, DateTime localNow)
    {
        if (requested is not null)
        {
            var full = Path.GetFullPath(requested, currentFolder);
            if (File.Exists(full)) throw new DemoFolderException($"{full} is a file, not a folder");
            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
                throw new DemoFolderException($"{full} is not empty: the demo writes only into a new or empty folder");
            return full;
        }
        var parent = SourceCheckout.Enclosing(currentFolder) is null ? currentFolder : Home();
        var name = "newsmirror-demo-" + localNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(parent, name);
        for (var n = 2; Directory.Exists(path) || File.Exists(path); n++) path = Path.Combine(parent, $"{name}-{n}");
        return path;
    }

    private static string Home()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 && SourceCheckout.Enclosing(home) is null ? home : Path.GetTempPath();
    }
}

/// <summary>The demo cannot use the folder it was given.</summary>
public sealed class DemoFolderException(string message) : Exception(message);
