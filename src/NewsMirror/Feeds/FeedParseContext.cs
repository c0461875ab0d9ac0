using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>What every format reader needs besides the document: the options and the recovery log.</summary>
internal sealed class FeedParseContext(FeedParseOptions options, RecoveryLog log)
{
    public FeedParseOptions Options { get; } = options;
    public RecoveryLog Log { get; } = log;

    /// <summary>Parses a feed date; an unparsable one is reported and becomes null.</summary>
    public DateTimeOffset? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parsed = FeedDate.Parse(text, Options.TimeZone);
        if (parsed is null)
            Log.Add($"unparsable date \"{text.Trim()}\"");
        return parsed;
    }

    /// <summary>The link text trimmed and resolved against the element's xml:base and the feed URL; null when empty.</summary>
    public static string? Link(LenientElement element, string? link)
    {
        var trimmed = link?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : LinkResolver.Resolve(element.BaseUri, trimmed);
    }
}
