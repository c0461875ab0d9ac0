using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsMirror.Archive;

/// <summary>
/// Article ids of the reference scheme: within a folder a smaller id is a newer article. Ids are compared as
/// numbers — by name, <c>999999.md</c> would sort after the older <c>1000000.md</c>.
/// </summary>
public static partial class ArticleId
{
    /// <summary>The reference starts an empty folder as if 0xFFFFF were taken, so the first article is 0xFFFFF − 1.</summary>
    public const long FirstId = 0xFFFFF - 1;

    private const long WordPressMask = 0xFFFFF;

    /// <summary>
    /// 0xFFFFF XOR the WordPress post number of <paramref name="guid"/> (<c>…?p=715858</c> → 332717); 0 when the
    /// guid has no post number, as the reference does. Post numbers beyond a 32-bit int (never seen) also give 0.
    /// </summary>
    public static long FromWordPressGuid(string? guid)
    {
        if (guid is null) return 0;
        var match = PostNumber().Match(guid);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int post))
            return 0;
        return WordPressMask ^ post;
    }

    [GeneratedRegex(@"[?&]p=([0-9]+)")]
    private static partial Regex PostNumber();
}
