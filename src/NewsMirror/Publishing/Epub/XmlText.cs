using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>Text made fit for XML: characters XML 1.0 cannot hold are dropped (feeds do carry them), markup is escaped.</summary>
internal static class XmlText
{
    public static string Escape(string text) =>
        Clean(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>Drops C0 controls other than tab and line breaks, U+FFFE, U+FFFF and unpaired surrogates.</summary>
    public static string Clean(string text)
    {
        int i = 0;
        while (i < text.Length && IsAllowed(text, i)) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        if (i >= text.Length) return text;
        var clean = new StringBuilder(text.Length).Append(text, 0, i);
        while (i < text.Length)
        {
            if (char.IsHighSurrogate(text[i]) && IsAllowed(text, i))
            {
                clean.Append(text, i, 2);
                i += 2;
                continue;
            }
            if (IsAllowed(text, i)) clean.Append(text[i]);
            i++;
        }
        return clean.ToString();
    }

    private static bool IsAllowed(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
    }
}
