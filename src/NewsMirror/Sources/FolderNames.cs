using System.Text;

namespace NewsMirror.Sources;

/// <summary>Folder names for sources added without one: from an ASCII name, else from the feed's host.</summary>
public static class FolderNames
{
    private static readonly HashSet<string> GenericHostLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "www", "feeds", "feed", "rss", "m", "com", "org", "net", "cn", "co", "uk", "de", "fr", "io", "info", "xml",
    };

    /// <summary><paramref name="wanted"/> when it is a valid folder name not yet taken, else a suggestion.</summary>
    public static string Choose(string? wanted, string name, string url, IReadOnlyCollection<string> taken) =>
        wanted is not null && SourceEntry.FolderProblem(wanted) is null && !taken.Contains(wanted, StringComparer.OrdinalIgnoreCase)
            ? wanted
            : Suggest(name, url, taken);

    /// <summary>A valid folder name not in <paramref name="taken"/> (compared case-insensitively, as the loader does).</summary>
    public static string Suggest(string name, string url, IEnumerable<string> taken)
    {
        var basis = Slug(name);
        if (basis.Length == 0 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            basis = Slug(string.Join('-', uri.Host.Split('.').Where(label => !GenericHostLabels.Contains(label))));
        if (basis.Length == 0) basis = "source";
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var folder = basis;
        for (var n = 2; used.Contains(folder); n++) folder = $"{basis}-{n}";
        return folder;
    }

    /// <summary>Lower-case ASCII letters and digits, other runs as one '-'; empty when the text has no ASCII letter or digit.</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
