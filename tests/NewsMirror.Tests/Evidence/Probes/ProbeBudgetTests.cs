using NewsMirror.Evidence.Probes;
using NewsMirror.Fetching;
using NewsMirror.Running;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary>A run's probes stop at its budget or limit, and the rest wait, still due, for the next run.</summary>
public class ProbeBudgetTests
{
    [Fact]
    public async Task No_probe_starts_once_the_budget_is_spent()
    {
        await using var a = await ProbeArchive.StartAsync(10);
        // Each page takes one second of the (fake) clock: a 3-second budget has room for exactly three probes.
        a.OnPageRequest = () => a.Clock.Advance(TimeSpan.FromSeconds(1));

        var report = await a.ProbeAsync(TimeSpan.FromHours(1), new ProbeRequest { Budget = TimeSpan.FromSeconds(3) }, maxConcurrent: 1);

        Assert.Equal(3, report.Probes.Count);
        Assert.Equal(7, report.Deferred);
        Assert.Equal(3, a.LogLines().Count);
        var next = await a.ProbeAsync(TimeSpan.FromHours(1), new ProbeRequest { Budget = TimeSpan.FromSeconds(100) }, maxConcurrent: 1);
        Assert.Equal(7, next.Probes.Count);
        Assert.Equal(10, a.LogLines().Select(l => l.Link).Distinct().Count());
    }

    [Fact]
    public async Task A_run_with_a_probe_budget_makes_the_due_probes_after_its_sources_and_reports_their_files()
    {
        await using var a = await ProbeArchive.StartAsync(2);
        a.Clock.SetUtcNow(ProbeArchive.T0 + TimeSpan.FromHours(2));

        var quiet = await new ArchiveRun(a.Paths, new FetchLimits(), a.Clock).RunAsync([a.Source], CancellationToken.None);
        var report = await new ArchiveRun(a.Paths, new FetchLimits(), a.Clock) { ProbeBudget = TimeSpan.FromSeconds(5) }.RunAsync([a.Source], CancellationToken.None);

        Assert.Null(quiet.Probes);
        Assert.Equal(2, report.Probes!.Probes.Count);
        Assert.Contains(".newsmirror/log/probes/t.jsonl", report.Files);
        Assert.Equal(2, a.LogLines().Count);
    }

    [Fact]
    public async Task A_limit_caps_the_probes_and_all_probes_articles_that_are_not_due()
    {
        await using var a = await ProbeArchive.StartAsync(4);

        Assert.Empty((await a.ProbeAsync(TimeSpan.FromMinutes(30))).Probes);
        var limited = await a.ProbeAsync(TimeSpan.FromMinutes(30), new ProbeRequest { All = true, Limit = 3 });

        Assert.Equal(3, limited.Probes.Count);
        Assert.Equal(1, limited.Deferred);
        Assert.Equal(4, (await a.ProbeAsync(TimeSpan.FromMinutes(31), new ProbeRequest { All = true })).Probes.Count);
    }

    [Fact]
    public async Task Probes_are_conditional_and_a_304_is_live()
    {
        await using var a = await ProbeArchive.StartAsync(1);
        var conditions = new List<string?>();
        a.Page = async (n, context) =>
        {
            var sent = context.Request.Headers.IfNoneMatch.ToString();
            conditions.Add(sent.Length == 0 ? null : sent);
            context.Response.Headers.ETag = "\"v1\"";
            if (sent == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }
            await a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        };

        await a.ProbeAsync(TimeSpan.FromHours(1));
        var second = await a.ProbeAsync(TimeSpan.FromHours(6));

        Assert.Equal([null, "\"v1\""], conditions);
        var line = Assert.Single(second.Probes).Line;
        Assert.Equal((ProbeOutcomes.Live, 304, true), (line.Outcome, line.Status, line.Final));
    }
}
