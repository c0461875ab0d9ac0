using System.Text.RegularExpressions;

namespace NewsMirror.Feeds;

/// <summary>An author told apart into name, e-mail address and web address, each null when the feed does not give it.</summary>
public sealed partial record FeedPerson(string? Name, string? Email, string? Uri)
{
    /// <summary>
    /// Splits the one-string forms feeds write (RSS author "jo@example.com (Jo Smith)", "Jo Smith
    /// &lt;jo@example.com&gt;", a bare name or a bare address), the way feedparser does: the first e-mail
    /// address found is the e-mail, what is left without its brackets is the name. Null for blank text.
    /// </summary>
    public static FeedPerson? FromText(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        var email = EmailAddress().Match(trimmed);
        if (!email.Success)
            return new FeedPerson(trimmed, null, null);
        var name = (trimmed[..email.Index] + trimmed[(email.Index + email.Length)..])
            .Replace("()", "", StringComparison.Ordinal)
            .Replace("<>", "", StringComparison.Ordinal)
            .Trim();
        if (name.StartsWith('(') && name.EndsWith(')'))
            name = name[1..^1].Trim();
        return new FeedPerson(name.Length == 0 ? null : name, email.Groups["address"].Value, null);
    }

    /// <summary>A name, e-mail or web address given as separate parts (Atom person constructs, JSON Feed authors); null when all are blank.</summary>
    public static FeedPerson? FromParts(string? name, string? email, string? uri)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var person = new FeedPerson(Clean(name), Clean(email), Clean(uri));
        return person.Name is null && person.Email is null && person.Uri is null ? null : person;
    }

    // An address as feedparser recognises one, with an optional "mailto:" in front.
    [GeneratedRegex(@"(?:mailto:)?(?<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
