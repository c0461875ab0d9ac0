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

    /// <summary>The shared corpus' <c>articles</c> folder, found by walking up from the test binaries; null when absent.</summary>
    public static string? SharedCorpusArticles()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "duty-machine-news", "articles");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
