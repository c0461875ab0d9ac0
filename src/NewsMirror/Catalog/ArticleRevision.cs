using NewsMirror.Identity;
namespace NewsMirror.Catalog;

/// <summary>
/// A change the source made to an archived article. <paramref name="Action"/> is what the archive did:
/// <c>update</c> (the file was rewritten) or <c>ignore</c> (the file was kept). The hashes are those of the
/// source's versions (<see cref="Archive.IdentityLogEntry.Seen"/>), null where unknown.
/// </summary>
public sealed record ArticleRevision(
    string Folder,
    string File,
    DateTimeOffset At,
    string Action,
    string? OldTitle,
    string NewTitle,
    string? OldHash,
    string? NewHash);
