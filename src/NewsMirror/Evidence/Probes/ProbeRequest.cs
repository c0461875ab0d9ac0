namespace NewsMirror.Evidence.Probes;

/// <summary>Which probes one pass makes.</summary>
public sealed record ProbeRequest
{
    /// <summary>Every archived article of the sources, due or not (an audit).</summary>
    public bool All { get; init; }

    /// <summary>At most this many probes; null: no cap.</summary>
    public int? Limit { get; init; }

    /// <summary>No probe starts once this much time has passed since the pass began; null: no budget.</summary>
    public TimeSpan? Budget { get; init; }
}
