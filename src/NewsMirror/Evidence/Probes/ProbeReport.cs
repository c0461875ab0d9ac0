namespace NewsMirror.Evidence.Probes;

/// <summary>What one probe pass did.</summary>
public sealed record ProbeReport
{
    /// <summary>Every probe made, in the order they finished (the folder and the log line).</summary>
    public IReadOnlyList<(string Folder, ProbeLogLine Line)> Probes { get; init; } = [];

    /// <summary>Probes that were due but not made: the budget or the limit ran out first.</summary>
    public int Deferred { get; init; }

    /// <summary>Files written (probe logs, identity logs, REMOVED.md), relative to the archive root.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>Probes whose verdict became final in this pass (and differs from the one in force before).</summary>
    public IReadOnlyList<(string Folder, ProbeLogLine Line)> NewVerdicts { get; init; } = [];

    public int Count(string outcome) => Probes.Count(p => p.Line.Outcome == outcome);
}
