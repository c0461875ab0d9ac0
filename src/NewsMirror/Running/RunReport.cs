namespace NewsMirror.Running;

public sealed record RunReport(IReadOnlyList<SourceReport> Sources, TimeSpan Elapsed)
{
    public int New => Sources.Sum(s => s.New);
    public bool AllOk => Sources.All(s => s.Ok) && ReadmeError is null && StatusFileError is null;

    /// <summary>Why the README could not be brought up to date, if it could not (the articles are written either way).</summary>
    public string? ReadmeError { get; init; }

    /// <summary>Why STATUS.md could not be written, if it could not.</summary>
    public string? StatusFileError { get; init; }

    /// <summary>What the repair of a capture file torn by an earlier, stopped run cut off (null: nothing).</summary>
    public string? RawCaptureRepair { get; init; }

    /// <summary>The probes of archived articles the run made within its budget; null when it made none.</summary>
    public Evidence.Probes.ProbeReport? Probes { get; init; }

    /// <summary>Why the run's probes could not be made or recorded, if they could not.</summary>
    public string? ProbeError { get; init; }

    /// <summary>Every file the run wrote (articles, list pages, identity logs, README), relative to the archive root.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
