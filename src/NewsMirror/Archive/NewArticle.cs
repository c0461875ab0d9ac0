using NewsMirror.Identity;
namespace NewsMirror.Archive;

/// <summary>An article ready to be written: its file content and the identity the log keeps.</summary>
public sealed record NewArticle(ArticleRecord Record, string? Guid, long? FixedId)
{
    /// <summary>The source's version of the item (see <see cref="IdentityLogEntry.Seen"/>), null where not known.</summary>
    public string? Seen { get; init; }
}
