namespace NewsMirror.Publishing.Site.Versions;

/// <summary>One version of an archived article as its source published it.</summary>
/// <param name="Number">1 for the archived original, then one more per revision.</param>
/// <param name="AtMs">When the archive saw this version (Unix milliseconds).</param>
/// <param name="Change">Null for the original; else the revision's <see cref="Identity.IdentityLogEntry.Change"/>.</param>
/// <param name="Text">The body's text (<see cref="VersionText"/>); null when the archive did not keep it.</param>
internal sealed record ArticleVersion(int Number, long AtMs, string? Change, string Title, string? Text);
