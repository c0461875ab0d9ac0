using NewsMirror.Sources;

namespace NewsMirror.Publishing.Git;

/// <summary>A commit author or committer, written "Name &lt;email&gt;".</summary>
public sealed record GitIdentity(string Name, string Email)
{
    /// <summary>Used only when neither the command line, newsmirror.yml nor git's configuration names anyone.</summary>
    public static GitIdentity Default { get; } = new("NewsMirror", "newsmirror@users.noreply.github.com");

    /// <exception cref="FormatException">Not of the form "Name &lt;email&gt;".</exception>
    public static GitIdentity Parse(string text)
    {
        var (name, email) = NameAndEmail.Parse(text);
        return new GitIdentity(name, email);
    }

    public override string ToString() => $"{Name} <{Email}>";
}
