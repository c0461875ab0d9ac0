namespace NewsMirror.Sources;

/// <summary>YAML scalars as NewsMirror writes them into newsmirror.yml: plain where that reads back as the same string, else double-quoted.</summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    public static string Scalar(string value) => IsPlainSafe(value) ? value : Quoted(value);

    public static string Quoted(string value) => Archive.JekyllFrontMatter.QuoteDoubleQuoted(value);

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
