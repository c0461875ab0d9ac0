using System.Text;

namespace NewsMirror.Sources;

/// <summary>YAML scalars as NewsMirror writes them into newsmirror.yml: plain where that reads back as the same string, else double-quoted.</summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    public static string Scalar(string value) => IsPlainSafe(value) ? value : Quoted(value);

    /// <summary>
    /// A YAML double-quoted scalar: backslash and double quote escaped, control characters as escapes, and the characters
    /// YAML reads as line breaks (U+0085, U+2028, U+2029) or drops (U+FEFF) escaped so they read back as themselves.
    /// </summary>
    public static string Quoted(string text)
    {
        var output = new StringBuilder("\"");
        foreach (char c in text)
        {
            output.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\u007F' or '\u0085' => $"\\x{(int)c:X2}",
                '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return output.Append('"').ToString();
    }

    /// <summary>A flow sequence of quoted strings: <c>["a", "b"]</c>, or <c>[]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quoted)) + "]";

    private static bool IsPlainSafe(string value)
    {
        if (Reserved.Contains(value) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) return false;
        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(':')) return false;
        if (value.Any(c => char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029')) return false;
        // Anything YAML 1.1 might read as a number or date is quoted: the loader reads strings, humans may not.
        return !char.IsAsciiDigit(value[0]) && value[0] is not ('+' or '.');
    }
}
