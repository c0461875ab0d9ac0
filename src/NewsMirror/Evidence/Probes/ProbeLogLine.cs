using System.Text.Json.Serialization;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// One probe of one archived article, one line of <c>.newsmirror/log/probes/&lt;folder&gt;.jsonl</c> (committed,
/// append-only). Optional fields are left out when null; readers take a missing field as null.
/// </summary>
public sealed record ProbeLogLine
{
    /// <summary>The article's id in its folder (null for files without one).</summary>
    public long? Id { get; init; }

    /// <summary>The article's file name in its folder.</summary>
    public required string File { get; init; }

    /// <summary>The address probed: the article's link.</summary>
    public required string Link { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="ProbeOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Whether this probe agrees with the article's previous verdict-bearing probe, which makes the verdict final.</summary>
    public bool Final { get; init; }

    /// <summary>The HTTP status of the last response (after redirects); null when no response came.</summary>
    public int? Status { get; init; }

    /// <summary>Where the page's redirects ended, when that is not the article's own address.</summary>
    public string? Target { get; init; }

    /// <summary>For <see cref="ProbeOutcomes.Redirected"/>: one of <see cref="RedirectKinds"/>.</summary>
    public string? Redirect { get; init; }

    /// <summary>The WARC-Record-ID of the probe's captured response, once probe fetches are captured; null until then.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Warc { get; init; }

    /// <summary>How much of the archived article's text the page still holds (shingle containment, 0–1).</summary>
    public double? Similarity { get; init; }

    /// <summary>A removal notice the page shows (supporting evidence for <see cref="ProbeOutcomes.Replaced"/>).</summary>
    public string? Notice { get; init; }

    /// <summary>Digest of the page's title and text as extracted: the version an edit is measured against.</summary>
    public string? Digest { get; init; }

    /// <summary>The page's title (on edited lines).</summary>
    public string? Title { get; init; }

    /// <summary>The page's text as extracted (on final edited lines: the new version, kept).</summary>
    public string? Text { get; init; }

    /// <summary>The page's validators, sent back on the next probe (304 = unchanged).</summary>
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Why the page was unreachable.</summary>
    public string? Error { get; init; }
}
