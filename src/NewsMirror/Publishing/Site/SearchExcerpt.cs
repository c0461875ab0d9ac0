using NewsMirror.Archive;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The start of an article's text, kept per article for search result snippets: storing whole bodies would make
/// the index as large as the archive.
/// </summary>
internal static class SearchExcerpt
{
    /// <summary>About two lines of a result list.</summary>
    public const int MaxLength = 120;

    /// <summary>The body's text without markup, cut at <see cref="MaxLength"/> UTF-16 units (never inside a surrogate pair).</summary>
    public static string Of(string bodyHtml)
    {
        var text = MarkupText.Strip(bodyHtml);
        if (text.Length <= MaxLength) return text;
        int end = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..end] + "…";
    }

    /// <summary>The excerpt of an article file's bytes; empty when they are not a whole article file.</summary>
    public static string OfFile(byte[] bytes) =>
        ArticleFile.TryParse(Utf8.GetString(bytes), out var record) ? Of(record.Body) : "";

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);
}
