namespace NewsMirror.Cli.Commands;

/// <summary>The exit codes of every command (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>At least one source failed; the others were archived.</summary>
    public const int SomeFailed = 1;

    /// <summary>
    /// <c>extract</c> found no article in the page (or could not fetch it); <c>feed inspect</c> could not read or parse
    /// a feed. The same number as <see cref="SomeFailed"/>: "the command ran and found nothing usable".
    /// </summary>
    public const int NothingFound = 1;

    /// <summary><c>status --check</c>: a source's last poll failed.</summary>
    public const int SourceFailing = 1;

    /// <summary><c>status --check</c>: a source had no successful poll within 3 × the expected interval (none failing).</summary>
    public const int SourceSilent = 3;

    /// <summary>Bad arguments or configuration; nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>The run's commit could not be pushed; it stays on the local branch and the next run pushes it.</summary>
    public const int PushFailed = 3;

    /// <summary>The shared catalog's database could not be reached (or was lost mid-run); the message names its host.</summary>
    public const int CatalogUnreachable = 3;

    /// <summary>Another writer held the archive for longer than --wait.</summary>
    public const int Locked = 4;

    /// <summary>A git command other than push failed (e.g. the commit itself).</summary>
    public const int GitFailed = 5;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
