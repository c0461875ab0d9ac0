namespace NewsMirror.Publishing.Git;

/// <summary>A git command that failed; the message holds the command and what git said.</summary>
public sealed class GitException(string message) : Exception(message);
