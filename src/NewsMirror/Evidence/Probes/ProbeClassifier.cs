using NewsMirror.Sources;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// Turns one probe's response into a log line (its <see cref="ProbeLogLine.Final"/> is decided afterwards, by the
/// article's history). The text tests use <see cref="TextContainment"/> of the archived article in the page.
/// </summary>
public static class ProbeClassifier
{
    /// <summary>A page holding less than half of the archived text's shingles no longer holds the article.</summary>
    public const double ReplacedBelow = 0.5;

    /// <summary>With a known removal notice on the page, less than 80% already counts as gone.</summary>
    public const double ReplacedWithNoticeBelow = 0.8;

    /// <param name="link">The article's link, as probed.</param>
    /// <param name="archivedText">The archived title and body as plain text.</param>
    public static ProbeLogLine Classify(ProbeResponse response, string link, string archivedText, ArticleProbeState state, SourceConfig source,
        DateTimeOffset at, long? id, string file)
    {
        var line = new ProbeLogLine { Id = id, File = file, Link = link, At = at, Outcome = ProbeOutcomes.Unreachable, Status = response.Status };
        var target = response.FinalUrl is { } final && !ArticleAddress.Same(link, final) ? final.AbsoluteUri : null;
        line = line with { Target = target };
        if (response.Error is not null)
        {
            var removed = response.Status is 404 or 410;
            return line with { Outcome = removed ? ProbeOutcomes.Removed : ProbeOutcomes.Unreachable, Error = removed ? null : response.Error };
        }
        if (response.Status == 304)
            return line with { Outcome = ProbeOutcomes.Live, ETag = response.Validators.ETag ?? state.ETag, LastModified = response.Validators.LastModified ?? state.LastModified };

        var page = PageVersion.Of(response.Html ?? "", response.FinalUrl ?? new Uri(link), source);
        var similarity = TextContainment.Of(archivedText, page.Title + " " + page.Text);
        var notice = RemovalNotices.Find(page.PageText);
        line = line with { Similarity = similarity, Notice = notice, ETag = response.Validators.ETag, LastModified = response.Validators.LastModified };
        var gone = similarity is { } s && s < (notice is null ? ReplacedBelow : ReplacedWithNoticeBelow);
        if (gone && target is not null)
            return line with { Outcome = ProbeOutcomes.Redirected, Redirect = ArticleAddress.KindOf(response.FinalUrl!), ETag = null, LastModified = null };
        if (gone) return line with { Outcome = ProbeOutcomes.Replaced, ETag = null, LastModified = null };
        // The article is there (possibly at a new address): the same version, or an edit of it.
        var edited = state.Baseline is not null && state.Baseline != page.Digest;
        return edited
            ? line with { Outcome = ProbeOutcomes.Edited, Digest = page.Digest, Title = page.Title, Text = page.Text }
            : line with { Outcome = ProbeOutcomes.Live, Digest = page.Digest, Title = page.Title };
    }
}
