using NewsMirror.Feeds;
using NewsMirror.Sources;
using NewsMirror.Bodies;

namespace NewsMirror.Selection;

/// <summary>The texts of an item that filter patterns see, by field name; the body text is computed only when asked for.</summary>
internal sealed class ItemFields(FeedItem item, BodyField bodyField)
{
    public const string Title = "title";
    public const string Categories = "categories";
    public const string Author = "author";
    public const string Link = "link";
    public const string Body = "body";

    private string? _bodyText;

    public IEnumerable<string> Values(string field) => field switch
    {
        Title => Single(item.Title),
        Categories => item.Categories,
        Author => Single(item.Author),
        Link => Single(item.Link),
        Body => [_bodyText ??= HtmlText.Of(BodySelector.Choose(item, bodyField))],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown item field."),
    };

    private static string[] Single(string? value) => value is null ? [] : [value];
}
