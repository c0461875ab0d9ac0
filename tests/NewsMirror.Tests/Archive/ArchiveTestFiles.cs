using System.Text;

namespace NewsMirror.Tests.Archive;

/// <summary>Locates this folder's fixtures and, when present, the shared corpus of real archive files.</summary>
internal static class ArchiveTestFiles
{
    public static readonly UTF8Encoding Utf8 = new(false);

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Archive", "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([FixturesDirectory, .. parts]);

    /// <summary>
    /// The shared corpus, found by walking up from the test binaries to a folder holding <c>shared/corpus</c>;
    /// null when the repository is checked out without it (the corpus tests then have nothing to check).
    /// </summary>
    public static string? CorpusDirectory { get; } = FindCorpus();

    public static string ReadText(string path) => File.ReadAllText(path, Utf8);

    public static string[] FixtureArticles() =>
        Directory.GetFiles(Path.Combine(FixturesDirectory, "articles"), "*.md", SearchOption.AllDirectories);

    /// <summary>The duty-machine article files of the corpus; empty without the corpus.</summary>
    public static string[] CorpusArticles() => CorpusDirectory is { } corpus
        ? Directory.GetFiles(Path.Combine(corpus, "duty-machine-news", "articles"), "*.md", SearchOption.AllDirectories)
        : [];

    private static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
