namespace NewsMirror.Publishing.Git;

public enum PushStatus
{
    Pushed,

    /// <summary>The remote moved on (non-fast-forward): fetch, rebase and try again.</summary>
    Behind,

    /// <summary>Anything else: network, credentials, a hook or protection rule declining the update.</summary>
    Failed,
}

public sealed record PushOutcome(PushStatus Status, string Message);
