using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive;

/// <summary>Locates this folder's fixtures and the shared corpus' article files.</summary>
internal static class ArchiveTestFiles
{
    public static readonly UTF8Encoding Utf8 = new(false);

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Archive", "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([FixturesDirectory, .. parts]);

    public static string ReadText(string path) => File.ReadAllText(path, Utf8);

    public static string[] FixtureArticles() =>
        Directory.GetFiles(Path.Combine(FixturesDirectory, "articles"), "*.md", SearchOption.AllDirectories);

    /// <summary>The duty-machine article files of the shared corpus; fails the test when the corpus is missing.</summary>
    public static string[] CorpusArticles() =>
        Directory.GetFiles(Path.Combine(SharedCorpus.DutyMachineArchive, "articles"), "*.md", SearchOption.AllDirectories);
}
