namespace NewsMirror.Bodies;

/// <summary>An article taken from a web page. <see cref="Content"/> is HTML; <see cref="TextLength"/> is <see cref="HtmlText.Length"/> of it.</summary>
public sealed record ExtractedArticle
{
    private int? textLength;

    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Excerpt { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public required string Content { get; init; }

    /// <summary>
    /// Measured when first asked unless given: a page's content archived as it is (a selector with <c>cleanup: none</c>)
    /// never needs it, and measuring parses the content once more.
    /// </summary>
    public int TextLength
    {
        get => textLength ??= HtmlText.Length(Content);
        init => textLength = value;
    }

    /// <summary>Text length and media count (<see cref="HtmlMedia"/>) of <see cref="Content"/>, from one parse of it.</summary>
    internal (int TextLength, int Media) Weigh()
    {
        if (textLength is { } known) return (known, HtmlMedia.Count(Content));
        var weight = FullTextDecision.Weigh(Content);
        textLength = weight.TextLength;
        return weight;
    }
}
