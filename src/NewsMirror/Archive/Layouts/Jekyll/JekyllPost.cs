using System.Globalization;
using System.Text;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>
/// The Jekyll variant of the article file used by related mirrors (<c>_posts/YYYY-MM-DD-&lt;title&gt;.md</c>):
/// YAML front matter, the article header block, then the body — which may span lines — wrapped in a div.
/// </summary>
public static class JekyllPost
{
    private const string FrontMatterFence = "---";
    private const string BodyOpen = "<div>\n";
    private const string BodyClose = "\n</div>\n";

    /// <param name="displayName">The source's display name: the tag and category, and the author unless one is given.</param>
    /// <param name="now">The time of writing: a publication time in the future is written as this.</param>
    /// <param name="author">The article's author where the source names one (some mirrors write it instead of the source name).</param>
    /// <exception cref="ArgumentException">The title or link would not read back the same.</exception>
    public static string Render(ArticleRecord article, string displayName, DateTimeOffset now, string? author = null)
    {
        var header = ArticleFileSyntax.RenderHeader(article);
        var date = PostDate(article.TimestampMs, now);
        var output = new StringBuilder(FrontMatterFence).Append('\n')
            .Append("layout: post\n")
            .Append("title: ").Append(YamlText.Quoted(article.Title)).Append('\n')
            .Append("date: ").Append(date?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\n')
            .Append("author: ").Append(author ?? displayName).Append('\n')
            .Append("from: ").Append(article.Link).Append('\n')
            .Append("tags: [ ").Append(displayName).Append(" ]\n")
            .Append("comments: True\n")
            .Append("categories: [ ").Append(displayName).Append(" ]\n")
            .Append(FrontMatterFence).Append('\n');
        return output.Append(header).Append(BodyOpen).Append(article.Body).Append(BodyClose).ToString();
    }

    /// <summary>The post's date: the publication time capped at <paramref name="now"/>, in UTC; null without a time.</summary>
    public static DateTimeOffset? PostDate(long? timestampMs, DateTimeOffset now)
    {
        if (timestampMs is not { } ms) return null;
        var published = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return (published > now ? now : published).ToUniversalTime();
    }

    /// <summary><c>YYYY-MM-DD-&lt;title&gt;.md</c> with the UTC date (none when the date is missing) and '/' as "--".</summary>
    public static string FileName(DateTimeOffset? published, string title)
    {
        var date = published?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return $"{date}-{title.Replace("/", "--", StringComparison.Ordinal)}.md";
    }

    /// <exception cref="FormatException">The text has no front matter block at all.</exception>
    public static JekyllPostContent Parse(string text)
    {
        const string opening = FrontMatterFence + "\n";
        const string closing = "\n" + FrontMatterFence + "\n";
        if (!text.StartsWith(opening, StringComparison.Ordinal))
            throw new FormatException("Not a Jekyll post: it does not start with a --- line.");
        int close = text.IndexOf(closing, opening.Length - 1, StringComparison.Ordinal);
        if (close < 0) throw new FormatException("Not a Jekyll post: its front matter has no closing --- line.");

        var frontMatter = JekyllFrontMatter.Parse(text[opening.Length..Math.Max(opening.Length, close)].Split('\n'));
        var problems = FrontMatterProblems(frontMatter);
        var rest = text[(close + closing.Length)..];

        ArticleHeader? header = null;
        if (ArticleFileSyntax.TryParseHeaderBlock(rest, out var parsedHeader, out int bodyStart) is { } headerError)
        {
            problems.Add($"no article header block after the front matter ({headerError})");
            rest = rest.TrimStart('\n');
        }
        else
        {
            header = parsedHeader;
            rest = rest[bodyStart..];
        }

        var body = rest;
        if (rest.StartsWith(BodyOpen, StringComparison.Ordinal) && rest.EndsWith(BodyClose, StringComparison.Ordinal) &&
            rest.Length >= BodyOpen.Length + BodyClose.Length - 1)
            body = rest[BodyOpen.Length..Math.Max(BodyOpen.Length, rest.Length - BodyClose.Length)];
        else
            problems.Add("the body is not wrapped in <div> and </div> lines");

        var article = new ArticleRecord(
            header?.TimestampMs ?? frontMatter.PublishedUtc?.ToUnixTimeMilliseconds(),
            header?.Title ?? frontMatter.Title ?? "",
            header?.Link ?? frontMatter.From ?? "",
            body);
        return new JekyllPostContent(frontMatter, article, problems);
    }

    private static List<string> FrontMatterProblems(JekyllFrontMatter frontMatter)
    {
        var present = new[]
        {
            frontMatter.Layout, frontMatter.Title, frontMatter.Date, frontMatter.Author, frontMatter.From,
            frontMatter.Tags is null ? null : "", frontMatter.Comments, frontMatter.Categories is null ? null : "",
        };
        var problems = JekyllFrontMatter.Keys.Where((_, i) => present[i] is null).Select(key => $"the front matter has no {key}").ToList();
        if (frontMatter.Date is { } date)
        {
            if (date.Trim().Length == 0) problems.Add("the front matter date is empty");
            else if (frontMatter.PublishedUtc is null) problems.Add($"the front matter date \"{date}\" is not ISO 8601");
        }
        return problems;
    }
}
