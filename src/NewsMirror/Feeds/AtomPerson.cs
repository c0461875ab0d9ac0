using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>Atom person constructs (author, contributor): name, email and uri (url in Atom 0.3).</summary>
internal static class AtomPerson
{
    /// <summary>
    /// The person's display text (the name, else the e-mail, else the text of a person written without
    /// child elements) and its parts; both null when there is no such person.
    /// </summary>
    public static (string? Text, FeedPerson? Detail) Read(LenientElement? person, string atomNamespace)
    {
        if (person is null)
            return (null, null);
        if (!person.HasElementChildren)
        {
            var text = person.InnerText().Trim();
            return text.Length == 0 ? (null, null) : (text, FeedPerson.FromText(text));
        }
        var detail = FeedPerson.FromParts(
            person.Element(atomNamespace, "name")?.InnerText(),
            person.Element(atomNamespace, "email")?.InnerText(),
            (person.Element(atomNamespace, "uri") ?? person.Element(atomNamespace, "url")) is { } uri ? FeedParseContext.Link(uri, uri.InnerText()) : null);
        return (detail?.Name ?? detail?.Email, detail);
    }
}
