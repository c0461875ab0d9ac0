namespace NewsMirror.Identity;

/// <summary>
/// The form of a link used to recognise an article again: scheme and fragment dropped, host lower-cased,
/// so http→https moves and #anchors do not make a known article look new.
/// </summary>
public static class LinkKey
{
    public static string Of(string link)
    {
        var text = link.Trim();
        var hash = text.IndexOf('#');
        if (hash >= 0) text = text[..hash];
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return text;
        var rest = text[(scheme + 3)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest.ToLowerInvariant() : rest[..slash].ToLowerInvariant() + rest[slash..];
    }
}
