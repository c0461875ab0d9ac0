using System.Text.Json.Serialization;
using NewsMirror.Fetching;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// Everything the probe log says about one article so far, folded line by line (<see cref="After"/>): the confirmed
/// page version edits are measured against, the last verdict-bearing probe (which the next one must agree with for
/// a final verdict), the final verdict in force, the validators for a conditional request, and when to try again
/// sooner than the schedule (after an unreachable page, or to confirm a verdict).
/// </summary>
public sealed record ArticleProbeState
{
    public static readonly ArticleProbeState None = new();

    /// <summary>A confirmation of a changed verdict is asked this soon after the probe that saw the change.</summary>
    public static readonly TimeSpan ConfirmAfter = TimeSpan.FromHours(1);

    /// <summary>An unreachable page is tried again after 1 h, doubling per failure in a row up to this.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);

    /// <summary>After this many failures in a row an unreachable page waits for its next scheduled probe, if any.</summary>
    public const int MaxUnreachableRetries = 8;

    public DateTimeOffset? LastAt { get; init; }
    public int Probes { get; init; }

    /// <summary>Digest of the confirmed page version (the first page seen, then each confirmed edit).</summary>
    public string? Baseline { get; init; }

    /// <summary>The page title of the confirmed version.</summary>
    public string? BaselineTitle { get; init; }

    /// <summary>The title the last probe revision recorded, when an edit changed the title; null: the archived title.</summary>
    public string? RecordedTitle { get; init; }

    /// <summary>The last probe that gave a verdict (unreachable ones give none).</summary>
    public string? LastOutcome { get; init; }
    public string? LastDigest { get; init; }
    public string? LastRedirect { get; init; }
    public bool LastFinal { get; init; }
    public DateTimeOffset? LastVerdictAt { get; init; }
    public string? LastWarc { get; init; }

    /// <summary>The final verdict in force, when it became final, and when the first of the two agreeing probes was made.</summary>
    public string? FinalOutcome { get; init; }
    public DateTimeOffset? FinalAt { get; init; }
    public DateTimeOffset? FirstSeenAt { get; init; }
    public int? FinalStatus { get; init; }
    public string? FinalTarget { get; init; }
    public string? FinalRedirect { get; init; }
    public List<string> FinalWarc { get; init; } = [];

    public int Unreachable { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>When to probe again regardless of the schedule; null: only at the next scheduled time.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    [JsonIgnore]
    public Validators Validators => new(ETag, LastModified);

    /// <summary>The title a confirmed edit records: the page's new title when the edit changed it, else the one recorded before.</summary>
    public string? TitleOfRevision(ProbeLogLine edit, string? archivedTitle) =>
        edit.Title != BaselineTitle ? edit.Title : RecordedTitle ?? archivedTitle;

    /// <summary>Whether <paramref name="probe"/> agrees with the last verdict-bearing probe: the same outcome, the same new version for an edit, the same kind of redirect.</summary>
    public bool Confirms(ProbeLogLine probe) =>
        probe.Outcome != ProbeOutcomes.Unreachable && LastOutcome == probe.Outcome
        && (probe.Outcome != ProbeOutcomes.Edited || LastDigest == probe.Digest)
        && (probe.Outcome != ProbeOutcomes.Redirected || LastRedirect == probe.Redirect);

    /// <summary>The state once <paramref name="line"/> (read from the log, its <see cref="ProbeLogLine.Final"/> already decided) is applied.</summary>
    public ArticleProbeState After(ProbeLogLine line)
    {
        var next = this with { LastAt = line.At, Probes = Probes + 1 };
        if (line.Outcome == ProbeOutcomes.Unreachable)
        {
            var failures = Unreachable + 1;
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, TimeSpan.FromHours(1).Ticks << Math.Min(failures - 1, 16)));
            return next with { Unreachable = failures, RetryAt = failures > MaxUnreachableRetries ? null : line.At + delay };
        }
        next = next with
        {
            Unreachable = 0,
            LastOutcome = line.Outcome,
            LastDigest = line.Digest,
            LastRedirect = line.Redirect,
            LastFinal = line.Final,
            LastVerdictAt = line.At,
            LastWarc = line.Warc,
        };
        if (line.Final && FinalOutcome != line.Outcome)
            next = next with
            {
                FinalOutcome = line.Outcome,
                FinalAt = line.At,
                FirstSeenAt = LastVerdictAt ?? line.At,
                FinalStatus = line.Status,
                FinalTarget = line.Target,
                FinalRedirect = line.Redirect,
                FinalWarc = new[] { LastWarc, line.Warc }.OfType<string>().ToList(),
            };
        if (line.Outcome == ProbeOutcomes.Live && line.Digest is not null && Baseline is null) next = next with { Baseline = line.Digest, BaselineTitle = line.Title };
        if (line.Outcome == ProbeOutcomes.Edited && line.Final)
            next = next with { Baseline = line.Digest, BaselineTitle = line.Title, RecordedTitle = TitleOfRevision(line, null) };
        // Validators stand for the confirmed version: a 304 to them means "as confirmed", never "as that removal notice".
        var keepsValidators = line.Outcome == ProbeOutcomes.Live || (line.Outcome == ProbeOutcomes.Edited && line.Final);
        next = keepsValidators ? next with { ETag = line.ETag, LastModified = line.LastModified } : next with { ETag = null, LastModified = null };
        var settled = next.FinalOutcome ?? ProbeOutcomes.Live;
        var unconfirmed = !line.Final && line.Outcome != settled;
        return next with { RetryAt = unconfirmed ? line.At + ConfirmAfter : null };
    }
}
