namespace NewsMirror.Publishing.Git;

/// <summary>How pushing to one remote went; when <see cref="Pushed"/> is false the run's commit is not on that remote yet.</summary>
public sealed record PushResult(string Remote, string Branch, bool Pushed, int Attempts, string? Error);
