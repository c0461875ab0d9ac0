namespace NewsMirror.Bodies;

/// <summary>An article taken from a web page. <see cref="Content"/> is HTML; <see cref="TextLength"/> is <see cref="HtmlText.Length"/> of it.</summary>
public sealed record ExtractedArticle
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Excerpt { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public required string Content { get; init; }
    public int TextLength { get; init; }
}
