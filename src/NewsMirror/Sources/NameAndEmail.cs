using System.Text.RegularExpressions;

namespace NewsMirror.Sources;

/// <summary>The "Name &lt;email&gt;" form of <c>git.author</c> in newsmirror.yml (and of --author).</summary>
public static partial class NameAndEmail
{
    /// <exception cref="FormatException">Not of the form "Name &lt;email&gt;".</exception>
    public static (string Name, string Email) Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            throw new FormatException($"'{text}' is not of the form \"Name <email>\"");
        return (match.Groups[1].Value.Trim(), match.Groups[2].Value);
    }

    [GeneratedRegex(@"^\s*([^<>\n]*[^<>\s][^<>\n]*)<([^<>\s]+)>\s*$")]
    private static partial Regex Pattern();
}
