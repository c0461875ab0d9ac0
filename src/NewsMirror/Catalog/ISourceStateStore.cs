namespace NewsMirror.Catalog;

/// <summary>
/// Where a run reads and records each source's polling state (validators, last success and error, next poll):
/// the SQLite catalog's <see cref="SourceStates"/>, or a PostgreSQL batch that a fleet's worker commits after its push.
/// </summary>
public interface ISourceStateStore
{
    SourceState Get(string name);

    /// <summary>A successful poll: failures reset; the validators are those of the response (null: the server gave none).</summary>
    void RecordSuccess(string name, DateTimeOffset at, string? etag = null, string? lastModified = null, DateTimeOffset? nextPoll = null);

    /// <summary>A failed poll: the error is kept and counted; the last success and validators stay.</summary>
    void RecordFailure(string name, DateTimeOffset at, string error, DateTimeOffset? nextPoll = null);
}
