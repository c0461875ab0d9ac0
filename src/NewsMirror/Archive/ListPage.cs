using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMirror.Archive;

/// <summary>
/// <c>lists/&lt;display name&gt;.md</c>: the display name, <c>------</c>, an empty line, then per article
/// <c>M-D [title](/articles/&lt;folder&gt;/&lt;file name&gt;)</c> and an empty line; the file ends with <c>\n\n</c>.
/// </summary>
public static partial class ListPage
{
    /// <summary>How many of the newest articles the reference lists; callers pass at most this many.</summary>
    public const int MaxEntries = 300;

    private const string Rule = "------";
    private const string LinkPrefix = "/" + ArchivePaths.ArticlesFolderName + "/";
    private const string MoreLinkTitle = "查看更多";
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <param name="entries">Newest (smallest id) first.</param>
    public static string Render(string displayName, IEnumerable<ListEntry> entries) =>
        Render(displayName, entries, entry => LinkPrefix + entry.Folder + "/" + entry.FileName);

    /// <summary>The page with each entry linked where <paramref name="link"/> says (the layout's place for the file).</summary>
    public static string Render(string displayName, IEnumerable<ListEntry> entries, Func<ListEntry, string> link)
    {
        var output = new StringBuilder(displayName).Append('\n').Append(Rule).Append("\n\n");
        foreach (var entry in entries)
        {
            if (FormatMonthDay(entry.TimestampMs) is { } monthDay) output.Append(monthDay).Append(' ');
            output.Append('[').Append(MarkdownLinkText.Escape(entry.Title)).Append("](").Append(link(entry)).Append(")\n\n");
        }
        return output.ToString();
    }

    /// <summary>Month and day without leading zeros in China time (UTC+8), as the reference prints them; null without a time.</summary>
    public static string? FormatMonthDay(long? timestampMs)
    {
        if (timestampMs is not { } ms) return null;
        var chinaTime = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime);
        return string.Create(CultureInfo.InvariantCulture, $"{chinaTime.Month}-{chinaTime.Day}");
    }

    /// <summary>Reads a list page back (both the current layout and the older one ending in a 查看更多 link).</summary>
    /// <exception cref="FormatException">A line is neither an entry nor the layout's fixed text.</exception>
    public static ListPageContent Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3 || lines[1] != Rule || lines[2].Length != 0)
            throw new FormatException("Not a list page: it does not start with a name line, ------ and an empty line.");

        var entries = new List<ListPageEntry>();
        string? moreLink = null;
        for (int i = 3; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (moreLink is not null)
                throw new FormatException($"Not a list page: line {i + 1} follows the closing {MoreLinkTitle} link.");
            if (ParseMoreLink(line) is { } more) moreLink = more;
            else entries.Add(ParseEntry(line) ?? throw new FormatException($"Not a list page: line {i + 1} is not an entry: {line}"));
        }
        return new ListPageContent(lines[0], entries, moreLink);
    }

    private static string? ParseMoreLink(string line)
    {
        const string prefix = "[" + MoreLinkTitle + "](";
        return line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith(')') ? line[prefix.Length..^1] : null;
    }

    /// <summary>The title runs from the first '[' to the first "](" after it (the reference's rule; titles never hold "]("), the link to the closing ')'.</summary>
    private static ListPageEntry? ParseEntry(string line)
    {
        string? monthDay = null;
        var rest = line;
        var prefix = MonthDayPrefix().Match(line);
        if (prefix.Success)
        {
            monthDay = prefix.Groups[1].Value;
            rest = line[prefix.Length..];
        }
        if (!rest.StartsWith('[') || !rest.EndsWith(')')) return null;
        int separator = rest.IndexOf("](", 1, StringComparison.Ordinal);
        if (separator < 0) return null;
        var link = rest[(separator + 2)..^1];
        if (!link.StartsWith(LinkPrefix, StringComparison.Ordinal)) return null;
        int slash = link.IndexOf('/', LinkPrefix.Length);
        if (slash < 0) return null;
        return new ListPageEntry(monthDay, MarkdownLinkText.Unescape(rest[1..separator]), link[LinkPrefix.Length..slash], link[(slash + 1)..]);
    }

    [GeneratedRegex(@"^([0-9]{1,2}-[0-9]{1,2}) (?=\[)")]
    private static partial Regex MonthDayPrefix();
}
