using System.Globalization;
using System.Text;

namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>The file name of a new Jekyll post: <see cref="JekyllPost.FileName"/>, shortened to fit file systems, with a suffix on collisions.</summary>
public static class JekyllPostName
{
    public const int MaxAttempts = 1000;

    /// <summary>Most file systems allow 255 bytes; a margin is left for tools that add their own suffixes.</summary>
    private const int MaxBytes = 240;

    private const string Extension = ".md";

    /// <param name="attempt">1 for the plain name, n > 1 for the name with "-n" before the extension.</param>
    public static string Of(DateTimeOffset? date, string title, int attempt)
    {
        var plain = JekyllPost.FileName(date, title);
        var stem = plain[..^Extension.Length];
        var suffix = attempt > 1 ? "-" + attempt.ToString(CultureInfo.InvariantCulture) : "";
        var budget = MaxBytes - Extension.Length - suffix.Length;
        if (Encoding.UTF8.GetByteCount(stem) > budget) stem = Truncate(stem, budget);
        return stem + suffix + Extension;
    }

    /// <summary>Whole characters only: a surrogate pair is never split.</summary>
    private static string Truncate(string text, int maxBytes)
    {
        var used = 0;
        var end = 0;
        while (end < text.Length)
        {
            var length = char.IsSurrogatePair(text, end) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
            if (used + bytes > maxBytes) break;
            used += bytes;
            end += length;
        }
        return text[..end];
    }
}
