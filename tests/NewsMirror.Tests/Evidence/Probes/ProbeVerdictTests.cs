using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary>
/// Pages that change over fake time after their articles were archived: each kind of change gets its verdict, only
/// once two probes in a row agree, and a page that is only unreachable never gets one.
/// </summary>
public class ProbeVerdictTests
{
    private const int Live = 0, Edited = 1, NotFound = 2, Gone = 3, ToHome = 4, Notice = 5, OtherArticle = 6, Flapping = 7;

    /// <summary>From <paramref name="phase"/> 1 on, each article's page shows its change; the flapping one answers 503 until phase 3.</summary>
    private static Func<int, Microsoft.AspNetCore.Http.HttpContext, Task> Pages(ProbeArchive a, Func<int> phase) => (n, context) =>
    {
        var p = phase();
        if (n == Flapping)
            return p < 3 ? ProbeArchive.Write(context, "busy", 503) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        if (p == 0 || n == Live) return a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        switch (n)
        {
            case Edited:
                return a.ServeArticle(context, ProbeArchive.Title(n) + "（更新）", a.Texts[n][..200] + ProbeArchive.ChineseText(500, 40));
            case NotFound:
                return ProbeArchive.Write(context, ProbeArchive.Html("找不到", "<p>页面不存在</p>"), 404);
            case Gone:
                return ProbeArchive.Write(context, "", 410);
            case ToHome:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/";
                return Task.CompletedTask;
            case Notice:
                return ProbeArchive.Write(context, ProbeArchive.Html("新闻网", "<nav>要闻 国际 财经</nav><main><p>此内容已被删除</p></main>"));
            default:
                return a.ServeArticle(context, "另一篇报道", ProbeArchive.ChineseText(700, 240));
        }
    };

    [Fact]
    public async Task Each_change_gets_its_verdict_only_when_two_probes_agree_and_an_unreachable_page_gets_none()
    {
        await using var a = await ProbeArchive.StartAsync(8);
        var phase = 0;
        a.Page = Pages(a, () => phase);

        var first = await a.ProbeAsync(TimeSpan.FromHours(1));
        Assert.Equal(8, first.Probes.Count);
        Assert.Equal(7, first.Count(ProbeOutcomes.Live));
        Assert.Equal(ProbeOutcomes.Unreachable, Assert.Single(a.LinesOf(Flapping)).Outcome);

        phase = 1;
        var second = await a.ProbeAsync(TimeSpan.FromHours(6));
        var seen = second.Probes.ToDictionary(p => p.Line.Link, p => p.Line);
        Assert.Equal(ProbeOutcomes.Live, seen[a.Link(Live)].Outcome);
        Assert.Equal(ProbeOutcomes.Edited, seen[a.Link(Edited)].Outcome);
        Assert.Equal((ProbeOutcomes.Removed, 404), (seen[a.Link(NotFound)].Outcome, seen[a.Link(NotFound)].Status));
        Assert.Equal((ProbeOutcomes.Removed, 410), (seen[a.Link(Gone)].Outcome, seen[a.Link(Gone)].Status));
        Assert.Equal((ProbeOutcomes.Redirected, RedirectKinds.Home), (seen[a.Link(ToHome)].Outcome, seen[a.Link(ToHome)].Redirect));
        Assert.Equal(ProbeOutcomes.Replaced, seen[a.Link(Notice)].Outcome);
        Assert.Equal("此内容已被删除", seen[a.Link(Notice)].Notice);
        Assert.Equal(ProbeOutcomes.Replaced, seen[a.Link(OtherArticle)].Outcome);
        Assert.True(seen[a.Link(OtherArticle)].Similarity < ProbeClassifier.ReplacedBelow);
        Assert.Equal(ProbeOutcomes.Unreachable, seen[a.Link(Flapping)].Outcome);
        // A single probe makes no verdict: nothing is final, nothing is listed, no revision is recorded.
        Assert.All(second.Probes.Where(p => p.Line.Outcome != ProbeOutcomes.Live), p => Assert.False(p.Line.Final));
        Assert.Empty(second.NewVerdicts);
        Assert.False(File.Exists(a.Archive.Combine(RemovedIndex.FileName)));
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source]))
        {
            Assert.Empty(RemovalRecords.Of(catalog));
            Assert.Empty(Revisions.Of(catalog, "t", Path.GetFileName(ArticleFile(a, Edited))));
        }

        // The confirmation is due an hour later, before the next point of the schedule.
        var third = await a.ProbeAsync(TimeSpan.FromHours(7));
        var confirmed = third.Probes.ToDictionary(p => p.Line.Link, p => p.Line);
        Assert.DoesNotContain(a.Link(Live), confirmed.Keys);
        Assert.DoesNotContain(a.Link(Flapping), confirmed.Keys);
        foreach (var n in new[] { Edited, NotFound, Gone, ToHome, Notice, OtherArticle }) Assert.True(confirmed[a.Link(n)].Final, $"article {n}");
        Assert.Equal(6, third.NewVerdicts.Count);

        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source]))
        {
            catalog.CatchUp("t");
            var removals = RemovalRecords.Of(catalog).ToDictionary(r => r.Link);
            Assert.Equal(5, removals.Count);
            Assert.Equal(ProbeOutcomes.Removed, removals[a.Link(NotFound)].Verdict);
            Assert.Equal(404, removals[a.Link(NotFound)].Status);
            Assert.Equal(410, removals[a.Link(Gone)].Status);
            Assert.Equal(ProbeOutcomes.Redirected, removals[a.Link(ToHome)].Verdict);
            Assert.Equal(a.Server.BaseUrl.AbsoluteUri, removals[a.Link(ToHome)].Target);
            Assert.Equal(ProbeOutcomes.Replaced, removals[a.Link(Notice)].Verdict);
            Assert.Equal(ProbeOutcomes.Replaced, removals[a.Link(OtherArticle)].Verdict);
            Assert.All(removals.Values, r => Assert.Equal((ProbeArchive.T0 + TimeSpan.FromHours(6), ProbeArchive.T0 + TimeSpan.FromHours(7)), (r.FirstSeen, r.VerdictAt)));
            // The edit is a revision of the article, its new title and text kept; the article file is as archived.
            var revision = Assert.Single(Revisions.Of(catalog, "t", Path.GetFileName(ArticleFile(a, Edited))));
            Assert.Equal("probe", revision.Action);
            Assert.Equal(ProbeArchive.Title(Edited) + "（更新）", revision.NewTitle);
        }
        var edit = Assert.Single(EditRecords.Of(a.Paths, "t", Path.GetFileName(ArticleFile(a, Edited))));
        Assert.Equal(ProbeArchive.T0 + TimeSpan.FromHours(7), edit.At);
        Assert.Equal(ProbeArchive.Title(Edited) + "（更新）", edit.Title);
        Assert.Contains(ProbeArchive.ChineseText(500, 40)[..20], edit.Text);
        Assert.Null(a.LinesOf(Edited)[^2].Text);
        Assert.Contains(a.Texts[Edited][..50], File.ReadAllText(ArticleFile(a, Edited)));
        Assert.DoesNotContain("（更新）", File.ReadAllText(ArticleFile(a, Edited)));
        var index = File.ReadAllText(a.Archive.Combine(RemovedIndex.FileName));
        Assert.Contains($"[{ProbeArchive.Title(NotFound)}](articles/t/{Path.GetFileName(ArticleFile(a, NotFound))})", index);
        Assert.Equal(5, index.Split('\n').Count(l => l.StartsWith("- ")));

        // The flapping page comes back: it was never more than unreachable, so it never had a verdict.
        phase = 3;
        var fourth = await a.ProbeAsync(TimeSpan.FromHours(8));
        Assert.Equal(ProbeOutcomes.Live, Assert.Single(fourth.Probes).Line.Outcome);
        var flapping = a.LinesOf(Flapping);
        Assert.Equal([ProbeOutcomes.Unreachable, ProbeOutcomes.Unreachable, ProbeOutcomes.Live], flapping.Select(l => l.Outcome));
        Assert.All(flapping, l => Assert.False(l.Final));
        Assert.All(a.LogLines().Where(l => l.Outcome == ProbeOutcomes.Unreachable), l => Assert.False(l.Final));
        Assert.All(a.LogLines(), l => Assert.Null(l.Warc));
    }

    [Fact]
    public async Task A_removed_page_that_comes_back_leaves_the_list_once_two_probes_find_it_again()
    {
        await using var a = await ProbeArchive.StartAsync(1);
        var removed = false;
        a.Page = (n, context) => removed ? ProbeArchive.Write(context, "", 404) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        removed = true;
        await a.ProbeAsync(TimeSpan.FromHours(6));
        await a.ProbeAsync(TimeSpan.FromHours(7));
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source])) Assert.Single(RemovalRecords.Of(catalog));

        removed = false;
        await a.ProbeAsync(TimeSpan.FromDays(1));
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source])) Assert.Single(RemovalRecords.Of(catalog));
        var back = await a.ProbeAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.True(Assert.Single(back.Probes).Line.Final);
        using (var catalog = ArchiveCatalog.Open(a.Paths, [a.Source])) Assert.Empty(RemovalRecords.Of(catalog));
        Assert.Contains("None at present.", File.ReadAllText(a.Archive.Combine(RemovedIndex.FileName)));
    }

    internal static string ArticleFile(ProbeArchive a, int n)
    {
        var catalog = ArchiveCatalog.Open(a.Paths, [a.Source]);
        using (catalog)
        {
            catalog.CatchUp("t");
            return a.Archive.Combine("articles", "t", catalog.Rows("t").Single(r => r.Link == a.Link(n)).File);
        }
    }
}
