namespace NewsMirror.Archive;

/// <summary>The article files of one folder, in archive order.</summary>
public static class ArticleFolder
{
    /// <summary>
    /// Article files newest first: by id as a number, then by name (one id can exist under two names in old
    /// folders). Other files are ignored; a missing folder is empty.
    /// </summary>
    public static IReadOnlyList<ArticleFileName> ListNewestFirst(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .Select(name => ArticleFileName.TryParse(name!, out var parsed) ? parsed : null)
            .OfType<ArticleFileName>()
            .OrderBy(file => file.Id)
            .ThenBy(file => file.FileName, StringComparer.Ordinal)
            .ToList();
    }
}
