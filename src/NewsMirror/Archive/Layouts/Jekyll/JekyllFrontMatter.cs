using System.Globalization;
using System.Text;

namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>
/// The front matter of a Jekyll variant post, as written (null: the key is absent). Read line by line rather
/// than with a YAML library: the generator wrote author and tags unquoted, so a name holding ": " or "#" is not
/// valid YAML, yet the post is still readable by this simple rule.
/// </summary>
public sealed record JekyllFrontMatter(
    string? Layout, string? Title, string? Date, string? Author, string? From,
    IReadOnlyList<string>? Tags, string? Comments, IReadOnlyList<string>? Categories)
{
    internal static readonly string[] Keys = ["layout", "title", "date", "author", "from", "tags", "comments", "categories"];

    /// <summary>The date as a UTC instant, or null when it is empty or not ISO 8601.</summary>
    public DateTimeOffset? PublishedUtc =>
        DateTimeOffset.TryParse(Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    internal static JekyllFrontMatter Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var value = line[(colon + 1)..];
            values.TryAdd(line[..colon].Trim(), value.StartsWith(' ') ? value[1..] : value);
        }
        string? Get(string key) => values.GetValueOrDefault(key);
        return new JekyllFrontMatter(
            Get("layout"), Get("title") is { } title ? UnquoteDoubleQuoted(title) : null, Get("date"), Get("author"),
            Get("from"), Get("tags") is { } tags ? ParseFlowList(tags) : null, Get("comments"),
            Get("categories") is { } categories ? ParseFlowList(categories) : null);
    }

    private static string UnquoteDoubleQuoted(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return value;
        var output = new StringBuilder();
        for (int i = 1; i < value.Length - 1; i++)
        {
            char c = value[i];
            if (c != '\\' || i + 1 >= value.Length - 1) { output.Append(c); continue; }
            char escape = value[++i];
            switch (escape)
            {
                case 'n': output.Append('\n'); break;
                case 'r': output.Append('\r'); break;
                case 't': output.Append('\t'); break;
                case 'x' when i + 2 < value.Length - 1 && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    output.Append((char)code);
                    i += 2;
                    break;
                case 'u' when i + 4 < value.Length - 1 && int.TryParse(value.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int unit):
                    output.Append((char)unit);
                    i += 4;
                    break;
                default: output.Append(escape); break;
            }
        }
        return output.ToString();
    }

    private static IReadOnlyList<string> ParseFlowList(string value)
    {
        var inner = value.Trim();
        if (inner.StartsWith('[') && inner.EndsWith(']')) inner = inner[1..^1];
        return inner.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
    }
}
