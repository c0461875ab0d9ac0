using NewsMirror.Evidence.Probes;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Evidence.Probes;

public class ProbeScheduleTests
{
    private static readonly DateTimeOffset Archived = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_article_is_due_at_the_first_point_and_a_late_probe_spends_every_point_it_passed()
    {
        var schedule = ProbeSchedule.Default;
        Assert.Equal(Archived + TimeSpan.FromHours(1), ProbeDue.When(schedule, Archived, ArticleProbeState.None));

        var late = ArticleProbeState.None.After(Line(Archived + TimeSpan.FromDays(2), ProbeOutcomes.Live, final: false));

        Assert.Equal(Archived + TimeSpan.FromDays(3), ProbeDue.When(schedule, Archived, late));
        var done = late.After(Line(Archived + TimeSpan.FromDays(31), ProbeOutcomes.Live, final: true));
        Assert.Null(ProbeDue.When(schedule, Archived, done));
        Assert.Null(ProbeDue.When(ProbeSchedule.Off, Archived, ArticleProbeState.None));
    }

    [Fact]
    public void An_unreachable_page_is_retried_with_growing_delays_and_a_changed_verdict_is_confirmed_within_the_hour()
    {
        var at = Archived + TimeSpan.FromDays(10);
        var once = ArticleProbeState.None.After(Line(at, ProbeOutcomes.Unreachable, final: false));
        var twice = once.After(Line(at + TimeSpan.FromHours(1), ProbeOutcomes.Unreachable, final: false));
        Assert.Equal(at + TimeSpan.FromHours(1), ProbeDue.When(ProbeSchedule.Default, Archived, once));
        Assert.Equal(at + TimeSpan.FromHours(3), ProbeDue.When(ProbeSchedule.Default, Archived, twice));

        var removed = ArticleProbeState.None.After(Line(at, ProbeOutcomes.Removed, final: false));
        Assert.Equal(at + TimeSpan.FromHours(1), ProbeDue.When(ProbeSchedule.Default, Archived, removed));
        Assert.True(removed.Confirms(Line(at + TimeSpan.FromHours(1), ProbeOutcomes.Removed, final: false)));
        Assert.False(removed.Confirms(Line(at + TimeSpan.FromHours(1), ProbeOutcomes.Unreachable, final: false)));
        Assert.False(once.Confirms(Line(at + TimeSpan.FromHours(1), ProbeOutcomes.Unreachable, final: false)));
    }

    [Theory]
    [InlineData("[1h, 1d, 7d]", "[1h, 1d, 7d]")]
    [InlineData("[7d, 90m, 7d]", "[90m, 7d]")]
    [InlineData("off", "off")]
    [InlineData("2w", "[14d]")]
    public void The_probe_key_sets_a_sources_schedule(string value, string expected)
    {
        var config = SourcesFile.ParseConfig($"sources:\n  - name: A\n    folder: a\n    url: http://x/\n    probe: {value}\n", "newsmirror.yml");

        Assert.Equal(expected, config.Sources.Single().Probe.Keyword);
    }

    [Fact]
    public void A_bad_probe_value_is_named_with_its_line()
    {
        var error = Assert.Throws<SourcesFileException>(() =>
            SourcesFile.ParseConfig("sources:\n  - name: A\n    folder: a\n    url: http://x/\n    probe: [1h, soon]\n", "newsmirror.yml"));

        Assert.Contains("newsmirror.yml", error.Message);
        Assert.Contains("5", error.Message);
        Assert.Contains("'soon' is not a duration", error.Message);
    }

    private static ProbeLogLine Line(DateTimeOffset at, string outcome, bool final) =>
        new() { File = "1.md", Link = "https://example.org/1", At = at, Outcome = outcome, Final = final };
}
