using System.Text.Json;
using NewsMirror.Evidence.Probes;
using NewsMirror.Tests.Evidence.Warc;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Probes;

/// <summary><c>newsmirror probe</c> and <c>newsmirror removed</c> through the real executable.</summary>
public class ProbeCommandTests
{
    [Fact]
    public async Task Removed_lists_the_final_verdicts_with_their_evidence_and_filters_by_date_and_source()
    {
        await using var a = await ProbeArchive.StartAsync(2);
        var gone = false;
        a.Page = (n, context) => gone && n == 1 ? ProbeArchive.Write(context, "", 410) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        gone = true;
        await a.ProbeAsync(TimeSpan.FromHours(6));
        await a.ProbeAsync(TimeSpan.FromHours(7));

        var result = await CliProcess.RunAsync(a.Archive.Path, "removed", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var removed = Assert.Single(json.RootElement.GetProperty("removed").EnumerateArray().ToList());
        Assert.Equal(a.Link(1), removed.GetProperty("link").GetString());
        Assert.Equal(ProbeArchive.Title(1), removed.GetProperty("title").GetString());
        Assert.Equal("removed", removed.GetProperty("verdict").GetString());
        Assert.Equal("2026-03-01T08:00:00Z", removed.GetProperty("archived").GetString());
        Assert.Equal("2026-03-01T14:00:00Z", removed.GetProperty("firstSeen").GetString());
        Assert.Equal("2026-03-01T15:00:00Z", removed.GetProperty("verdictAt").GetString());
        Assert.Equal(410, removed.GetProperty("evidence").GetProperty("status").GetInt32());
        Assert.Equal(0, removed.GetProperty("evidence").GetProperty("warcRecords").GetArrayLength());
        Assert.StartsWith("articles/t/", removed.GetProperty("file").GetString());

        Assert.Equal(0, await CountAsync(a, "--since", "2026-03-02"));
        Assert.Equal(1, await CountAsync(a, "--since", "2026-03-01T15:00:00Z", "--source", "t"));
        var unknown = await CliProcess.RunAsync(a.Archive.Path, "removed", "--since", "yesterday-ish");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--since", unknown.Stderr);
    }

    [Fact]
    public async Task Probe_makes_only_due_probes_unless_all_is_asked_and_reports_them_as_json()
    {
        await using var a = await ProbeArchive.StartAsync(3);

        // Archived months before the real clock's now: every point of the schedule has passed, so nothing is due.
        var due = await CliProcess.RunAsync(a.Archive.Path, "probe", "--json");
        Assert.True(due.ExitCode == 0, due.Stderr);
        using (var json = JsonDocument.Parse(due.Stdout)) Assert.Equal(0, json.RootElement.GetProperty("probed").GetInt32());

        var audit = await CliProcess.RunAsync(a.Archive.Path, "probe", "--all", "--limit", "2", "--json");
        Assert.True(audit.ExitCode == 0, audit.Stderr);
        using (var json = JsonDocument.Parse(audit.Stdout))
        {
            Assert.Equal(2, json.RootElement.GetProperty("probed").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("deferred").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("outcomes").GetProperty("live").GetInt32());
            Assert.All(json.RootElement.GetProperty("probes").EnumerateArray(), p => Assert.Equal("live", p.GetProperty("outcome").GetString()));
        }
        Assert.Equal(2, a.LogLines().Count);
    }

    [Fact]
    public async Task Site_build_shows_the_final_removals_on_the_article_and_in_the_removals_list()
    {
        await using var a = await ProbeArchive.StartAsync(2);
        var gone = false;
        a.Page = (n, context) => gone && n == 1 ? ProbeArchive.Write(context, "", 404) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        gone = true;
        await a.ProbeAsync(TimeSpan.FromHours(6));
        await a.ProbeAsync(TimeSpan.FromHours(7));
        var removed = await CliProcess.RunAsync(a.Archive.Path, "removed", "--json");
        using var json = JsonDocument.Parse(removed.Stdout);
        var file = Assert.Single(json.RootElement.GetProperty("removed").EnumerateArray().ToList()).GetProperty("file").GetString()!;

        var build = await CliProcess.RunAsync(a.Archive.Path, "site", "build");

        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.DoesNotContain("removal not shown", build.Stderr);
        var page = File.ReadAllText(Path.Combine(a.Archive.Path, "site", Path.ChangeExtension(file, ".html")));
        Assert.Contains("<aside class=\"removal\"", page);
        Assert.Contains("原文已于", page);
        Assert.Contains("404", page);
        var list = File.ReadAllText(Path.Combine(a.Archive.Path, "site", "removed.html"));
        Assert.Contains(ProbeArchive.Title(1), list);
        Assert.DoesNotContain(ProbeArchive.Title(0), list);
    }

    [Fact]
    public async Task Probe_keeps_what_each_page_answered_as_a_warc_capture_and_the_verdict_names_its_records()
    {
        await using var a = await ProbeArchive.StartAsync(2);
        a.Page = (n, context) => n == 1 ? ProbeArchive.Write(context, "", 410) : a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]);

        foreach (var pass in new[] { 1, 2 })
        {
            var probe = await CliProcess.RunAsync(a.Archive.Path, "probe", "--all", "--json");
            Assert.True(probe.ExitCode == 0, $"pass {pass}: {probe.Stderr}");
        }

        var report = WarcioCheck.Folder(Path.Combine(a.Archive.Path, ".newsmirror", "warc"));
        Assert.Empty(report.Problems);
        var responses = report.Files.Values.SelectMany(r => r).Where(r => r.Type == "response").ToList();
        var gone = responses.Where(r => r.Uri == a.Link(1)).ToList();
        Assert.Equal(2, gone.Count);
        Assert.All(gone, r => Assert.Equal(410, r.Status));
        Assert.Equal(2, responses.Count(r => r.Uri == a.Link(0) && r.Status == 200));
        var removed = await CliProcess.RunAsync(a.Archive.Path, "removed", "--json");
        Assert.True(removed.ExitCode == 0, removed.Stderr);
        using var json = JsonDocument.Parse(removed.Stdout);
        var evidence = Assert.Single(json.RootElement.GetProperty("removed").EnumerateArray().ToList()).GetProperty("evidence");
        Assert.Equal(gone.Select(r => r.Id).Order(), evidence.GetProperty("warcRecords").EnumerateArray().Select(e => e.GetString()!).Order());
    }

    [Fact]
    public async Task Site_build_shows_an_edit_the_probes_confirmed_with_both_texts()
    {
        await using var a = await ProbeArchive.StartAsync(1);
        var edited = false;
        var added = ProbeArchive.ChineseText(500, 40);
        a.Page = (n, context) => a.ServeArticle(context, ProbeArchive.Title(n) + (edited ? "（更新）" : ""), edited ? a.Texts[n][..200] + added : a.Texts[n]);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        edited = true;
        await a.ProbeAsync(TimeSpan.FromHours(6));
        await a.ProbeAsync(TimeSpan.FromHours(7));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(a.Archive.Path, "articles", "t"), "*.md"));

        var build = await CliProcess.RunAsync(a.Archive.Path, "site", "build");

        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        var page = File.ReadAllText(Path.Combine(a.Archive.Path, "site", "articles", "t", Path.ChangeExtension(Path.GetFileName(file), ".html")));
        Assert.Contains("<section class=\"versions\"", page);
        Assert.Contains("（更新）</ins>", page);
        Assert.Contains("<ins>", page);
        Assert.Contains(added[..10], page);
        Assert.DoesNotContain("正文没有保存", page);
    }

    private static async Task<int> CountAsync(ProbeArchive a, params string[] options)
    {
        var result = await CliProcess.RunAsync(a.Archive.Path, ["removed", "--json", .. options]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("removed").GetArrayLength();
    }
}
