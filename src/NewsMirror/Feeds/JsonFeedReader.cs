using System.Net;
using System.Text.Json;
using NewsMirror.Identity;

namespace NewsMirror.Feeds;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedReader
{
    private const string VersionPrefix = "jsonfeed.org/version/";

    public static FeedDocument Read(byte[] utf8, FeedParseContext context)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = context.Options.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new FeedParseException($"Not a feed: the document starts like JSON but is not valid JSON ({e.Message}).");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FeedParseException("Not a feed: the document is JSON but not a JSON Feed (its top level is not an object).");
            var version = String(root, "version");
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
            if (version?.Contains(VersionPrefix, StringComparison.OrdinalIgnoreCase) != true)
            {
                if (items.ValueKind != JsonValueKind.Array || String(root, "title") is null)
                    throw new FeedParseException("Not a feed: the document is JSON but not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/1.1\").");
                context.Log.Add("JSON Feed without a version read as JSON Feed");
            }
            var baseUrl = String(root, "feed_url") is { } feedUrl ? LinkResolver.Resolve(context.Options.BaseUrl?.AbsoluteUri, feedUrl) : context.Options.BaseUrl?.AbsoluteUri;
            var feedItems = new List<FeedItem>();
            if (items.ValueKind == JsonValueKind.Array)
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                        feedItems.Add(ReadItem(item, baseUrl, context));
                    else
                        context.Log.Add($"items entry that is not an object ignored ({item.ValueKind})");
                }
            return new FeedDocument
            {
                Format = "json",
                Title = String(root, "title"),
                Link = Url(String(root, "home_page_url"), baseUrl),
                Description = String(root, "description"),
                Language = String(root, "language"),
                Author = Author(root)?.Name ?? Author(root)?.Uri,
                AuthorDetail = Author(root),
                Items = ItemIdentity.Disambiguate(feedItems, context.Log),
                Errors = context.Log.Messages.ToList(),
            };
        }
    }

    private static FeedItem ReadItem(JsonElement item, string? baseUrl, FeedParseContext context)
    {
        var title = TitleText.UndoDoubleEscaping(String(item, "title"), context.Log);
        var link = Url(String(item, "url") ?? String(item, "external_url"), baseUrl);
        var summary = String(item, "summary");
        var content = String(item, "content_html") ?? (String(item, "content_text") is { } plain ? WebUtility.HtmlEncode(plain) : null);
        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idValue.ToString()
            : null;
        var updated = context.Date(String(item, "date_modified"));
        return new FeedItem
        {
            Id = ItemIdentity.Create(id, link, title, content ?? summary),
            Guid = id,
            Title = title,
            Link = link,
            Published = context.Date(String(item, "date_published")) ?? updated,
            Updated = updated,
            Author = Author(item)?.Name ?? Author(item)?.Uri,
            AuthorDetail = Author(item),
            Summary = summary,
            Content = content,
            Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).ToList()
                : [],
            Enclosures = Attachments(item, baseUrl),
        };
    }

    private static List<FeedEnclosure> Attachments(JsonElement item, string? baseUrl)
    {
        var enclosures = new List<FeedEnclosure>();
        if (!item.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
            return enclosures;
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.ValueKind != JsonValueKind.Object || Url(String(attachment, "url"), baseUrl) is not { } url)
                continue;
            long? size = attachment.TryGetProperty("size_in_bytes", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
            enclosures.Add(new FeedEnclosure(url, String(attachment, "mime_type"), size));
        }
        return enclosures;
    }

    /// <summary>The first author with a name or URL (1.1 "authors"), else the 1.0 "author".</summary>
    private static FeedPerson? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
            foreach (var author in authors.EnumerateArray())
                if (author.ValueKind == JsonValueKind.Object && FeedPerson.FromParts(String(author, "name"), null, String(author, "url")) is { } person)
                    return person;
        return element.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object
            ? FeedPerson.FromParts(String(single, "name"), null, String(single, "url"))
            : null;
    }

    private static string? Url(string? url, string? baseUrl) =>
        string.IsNullOrWhiteSpace(url) ? null : LinkResolver.Resolve(baseUrl, url.Trim());

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
