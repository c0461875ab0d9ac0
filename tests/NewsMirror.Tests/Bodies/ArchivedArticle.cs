using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Bodies;

/// <summary>An article file of the duty-machine archive format: line 2 holds the link, line 5 the body.</summary>
internal sealed record ArchivedArticle(string Name, Uri Link, string Body)
{
    public static ArchivedArticle Read(string path)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var linkLine = lines[1];
        var link = linkLine[(linkLine.LastIndexOf("](", StringComparison.Ordinal) + 2)..^1];
        return new ArchivedArticle(Path.GetFileName(path), new Uri(link), lines[4]);
    }

    /// <summary>A copy of a real archive file kept in this repository.</summary>
    public static ArchivedArticle Fixture(string name) => Read(Path.Combine(AppContext.BaseDirectory, "Bodies", "Fixtures", "Corpus", name));

    /// <summary>The shared corpus' <c>articles</c> folder; fails the test when the corpus is missing.</summary>
    public static string SharedCorpusArticles() => Path.Combine(SharedCorpus.DutyMachineArchive, "articles");
}
