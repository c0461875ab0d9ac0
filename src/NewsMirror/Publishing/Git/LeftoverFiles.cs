namespace NewsMirror.Publishing.Git;

/// <summary>What a run that died left uncommitted, as a commit message tells it.</summary>
/// <param name="Files">Every file, articles included.</param>
/// <param name="Articles">Article files among them.</param>
/// <param name="ArticlesBySource">Article files per source display name, where the layout tells the source from the path.</param>
public sealed record LeftoverFiles(int Files, int Articles, IReadOnlyList<(string Name, int Articles)> ArticlesBySource);
