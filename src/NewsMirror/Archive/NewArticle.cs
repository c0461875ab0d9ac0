namespace NewsMirror.Archive;

/// <summary>An article ready to be written: its file content and the identity the log keeps.</summary>
public sealed record NewArticle(ArticleRecord Record, string? Guid, long? FixedId);
