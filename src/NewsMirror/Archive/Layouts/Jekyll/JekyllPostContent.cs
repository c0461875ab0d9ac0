namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>
/// A Jekyll variant post read back: its front matter, the article (header block, else filled from the front
/// matter), and what was missing or malformed — the reader reports rather than throws where it can.
/// </summary>
public sealed record JekyllPostContent(JekyllFrontMatter FrontMatter, ArticleRecord Article, IReadOnlyList<string> Problems);
