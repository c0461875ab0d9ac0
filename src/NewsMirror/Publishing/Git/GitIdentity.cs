using System.Text.RegularExpressions;

namespace NewsMirror.Publishing.Git;

/// <summary>A commit author or committer, written "Name &lt;email&gt;".</summary>
public sealed partial record GitIdentity(string Name, string Email)
{
    /// <summary>Used only when neither the command line, newsmirror.yml nor git's configuration names anyone.</summary>
    public static GitIdentity Default { get; } = new("NewsMirror", "newsmirror@users.noreply.github.com");

    /// <exception cref="FormatException">Not of the form "Name &lt;email&gt;".</exception>
    public static GitIdentity Parse(string text)
    {
        var match = NameAndEmail().Match(text);
        if (!match.Success)
            throw new FormatException($"'{text}' is not of the form \"Name <email>\"");
        return new GitIdentity(match.Groups[1].Value.Trim(), match.Groups[2].Value);
    }

    public override string ToString() => $"{Name} <{Email}>";

    [GeneratedRegex(@"^\s*([^<>\n]*[^<>\s][^<>\n]*)<([^<>\s]+)>\s*$")]
    private static partial Regex NameAndEmail();
}
