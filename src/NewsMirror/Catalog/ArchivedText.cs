using NewsMirror.Archive;

namespace NewsMirror.Catalog;

/// <summary>An article file read whole: its record (null when it does not parse) and what is wrong with it.</summary>
public sealed record ArchivedText(ArticleRecord? Record, string? Problem)
{
    /// <summary>Reads a duty-machine article file, or a Jekyll post in the <c>_posts</c> folder.</summary>
    public static ArchivedText Read(string folder, string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new ArchivedText(null, e.Message); }
        try
        {
            var (article, problems) = CatalogPaths.LayoutOf(folder).ParseArticle(text);
            return new ArchivedText(article, problems.Count == 0 ? null : string.Join("; ", problems));
        }
        catch (FormatException e) { return new ArchivedText(null, e.Message); }
    }

    /// <summary>Title and body as plain text: what search indexes and cuts snippets from.</summary>
    public (string Title, string Body) PlainText() =>
        Record is null ? ("", "") : (Record.Title, MarkupText.Strip(Record.Body));
}
