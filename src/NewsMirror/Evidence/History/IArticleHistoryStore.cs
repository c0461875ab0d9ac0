namespace NewsMirror.Evidence.History;

/// <summary>
/// What a catalog holds of what became of a folder's archived articles — revisions and probes with each article's
/// verdict and probe schedule — answered by the implementation the command chose: <see cref="LocalArticleHistory"/>
/// (the archive's SQLite catalog) or <see cref="PostgresArticleHistory"/> (a fleet's shared catalog). Either way the
/// committed logs are the source of truth: a catalog only ever catches up with them.
/// </summary>
public interface IArticleHistoryStore
{
    /// <summary>Brings the folder's revisions and probes up to date with its identity log's revision lines and its probe log.</summary>
    /// <returns>How many revisions and probes were added.</returns>
    Task<HistoryAdded> CatchUpAsync(string folder, CancellationToken cancel);

    /// <summary>The folder's revisions, probes and verdicts as this catalog holds them.</summary>
    Task<FolderHistory> ReadAsync(string folder, CancellationToken cancel);
}

public sealed record HistoryAdded(long Revisions, long Probes)
{
    public static readonly HistoryAdded None = new(0, 0);
}
