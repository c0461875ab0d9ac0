namespace NewsMirror.Publishing.Git;

/// <summary>How pushing went; when <see cref="Pushed"/> is false the run's commit is still on the local branch.</summary>
public sealed record PushResult(bool Pushed, int Attempts, string? Error);
