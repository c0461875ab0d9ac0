using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Evidence.History;

/// <summary>A folder's revisions and probes (oldest first) and each probed article's verdict (by file name).</summary>
public sealed record FolderHistory(IReadOnlyList<ArticleRevision> Revisions, IReadOnlyList<ProbeRecord> Probes, IReadOnlyList<ArticleVerdict> Verdicts);

/// <summary>An article's probes folded: its final verdict in force (<see cref="ArticleProbeState.FinalOutcome"/>) and what its next probe depends on.</summary>
public sealed record ArticleVerdict(string File, ArticleProbeState State);
