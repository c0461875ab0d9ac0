namespace NewsMirror.Archive;

/// <summary>
/// White space as JavaScript's <c>\s</c> and <c>String.prototype.trim</c> define it (ECMAScript WhiteSpace and
/// LineTerminator). It differs from <see cref="char.IsWhiteSpace(char)"/>: it includes U+FEFF and excludes
/// U+0085, U+180E and U+200B — the reference archiver trimmed with JavaScript, so titles and body lines must match.
/// </summary>
public static class JsWhitespace
{
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' => true,
        '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    public static string Trim(string text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsWhiteSpace(text[start])) start++;
        while (end > start && IsWhiteSpace(text[end - 1])) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }
}
