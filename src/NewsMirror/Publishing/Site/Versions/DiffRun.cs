namespace NewsMirror.Publishing.Site.Versions;

/// <summary>What a stretch of a diff is: in both versions, only in the older one, or only in the newer one.</summary>
internal enum DiffKind { Same, Deleted, Inserted }

/// <summary>A stretch of consecutive tokens of one kind.</summary>
internal sealed record DiffRun(DiffKind Kind, string Text);
