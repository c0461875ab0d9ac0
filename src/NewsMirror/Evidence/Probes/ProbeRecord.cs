namespace NewsMirror.Evidence.Probes;

/// <summary>
/// One probe as a catalog's probe table holds it: the fields of its log line a verdict rests on (<see cref="ProbeLogLine"/>
/// keeps the page's title, text and validators besides), its time in whole milliseconds.
/// </summary>
public sealed record ProbeRecord(
    string File,
    DateTimeOffset At,
    string Outcome,
    bool Final,
    int? Status,
    string? Target,
    string? Redirect,
    string? Warc,
    double? Similarity,
    string? Notice,
    string? Digest);
