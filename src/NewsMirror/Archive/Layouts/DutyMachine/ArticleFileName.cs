using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NewsMirror.Archive.Layouts.DutyMachine;

/// <summary>
/// The name of a file in an article folder: <c>&lt;id&gt;.md</c>, or the older <c>&lt;id&gt;_&lt;raw title&gt;.md</c>
/// (the raw title as the feed gave it: it may start with a space, end with one before <c>.md</c>, hold <c>\ : |</c>).
/// </summary>
public sealed record ArticleFileName(string FileName, long Id, string? RawTitle)
{
    private const string Extension = ".md";

    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture) + Extension;

    /// <summary>False for anything that is not an article file (temp files, READMEs, ids with leading zeros or a sign).</summary>
    public static bool TryParse(string fileName, [NotNullWhen(true)] out ArticleFileName? parsed)
    {
        parsed = null;
        if (!TryParseId(fileName, out long id, out int digits)) return false;
        var stem = fileName.AsSpan(0, fileName.Length - Extension.Length);
        string? rawTitle = digits < stem.Length ? stem[(digits + 1)..].ToString() : null;
        parsed = new ArticleFileName(fileName, id, rawTitle);
        return true;
    }

    /// <summary>The id of an article file's name, without allocating (for listings of large folders); false as for <see cref="TryParse"/>.</summary>
    public static bool TryParseId(ReadOnlySpan<char> fileName, out long id) => TryParseId(fileName, out id, out _);

    /// <summary>
    /// <c>007.md</c> is not an article file: ids are written without leading zeros (<see cref="Format"/>), so such a
    /// name would be a second file for id 7, which the identity log, the catalog and runs never count.
    /// </summary>
    private static bool TryParseId(ReadOnlySpan<char> fileName, out long id, out int digits)
    {
        id = 0;
        digits = 0;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal)) return false;
        var stem = fileName[..^Extension.Length];
        while (digits < stem.Length && char.IsAsciiDigit(stem[digits])) digits++;
        if (digits == 0 || (digits > 1 && stem[0] == '0')) return false;
        if (digits < stem.Length && stem[digits] != '_') return false;
        return long.TryParse(stem[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
