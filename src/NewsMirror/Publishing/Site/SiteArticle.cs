namespace NewsMirror.Publishing.Site;

/// <summary>What the site knows about one article without its body; the body is read only when its page is rendered.</summary>
internal sealed class SiteArticle
{
    public required int SourceIndex { get; init; }
    public required ArchiveFile File { get; init; }
    public required UInt128 ContentHash { get; init; }
    public required long? TimestampMs { get; init; }
    /// <summary>Title and excerpt, decoded when first shown.</summary>
    public required ArticleText Text { get; init; }

    public string Title => Text.Title;

    /// <summary>The start of the body's text (<see cref="SearchExcerpt"/>), shown under search results.</summary>
    public string Excerpt => Text.Excerpt;

    /// <summary>When the article entered the archive (git's commit time of the file, else the file's time).</summary>
    public required long ArchivedMs { get; init; }

    /// <summary>Unique page name within the folder: the id, suffixed when several files share it.</summary>
    public required string Slug { get; init; }

    public string Folder => File.Folder;
    public long Id => File.Id;

    /// <summary>Publication time, or the archiving time for the few files without one (<c>&lt;!--NaN--&gt;</c>).</summary>
    public long SortMs => TimestampMs ?? ArchivedMs;

    /// <summary>The China-time day of <see cref="SortMs"/>; computed once, as every list page asks for it.</summary>
    public DateOnly Day => _day ??= ChinaTime.Day(SortMs);

    private DateOnly? _day;
}
