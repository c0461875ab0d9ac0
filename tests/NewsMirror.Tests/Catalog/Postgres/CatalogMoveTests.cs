using System.Globalization;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.History;
using NewsMirror.Evidence.Probes;
using NewsMirror.Identity;
using NewsMirror.Sources;
using NewsMirror.Tests.Evidence.Probes;
using NewsMirror.Tests.Support;
using Npgsql;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>The committed logs are the history: a mirror's catalog can be PostgreSQL or SQLite and move between them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogMoveTests(PostgresCluster cluster)
{
    private const int Edited = 1, Removed = 2;

    [Fact]
    public async Task A_mirror_moves_from_SQLite_to_PostgreSQL_and_back_without_losing_its_history()
    {
        // An archive made by a run, probed three times: article 1's page is edited, article 2's is gone, each confirmed by a second probe.
        await using var a = await ProbeArchive.StartAsync(3);
        await a.ProbeAsync(TimeSpan.FromHours(1));
        a.Page = (n, context) => n switch
        {
            Edited => a.ServeArticle(context, ProbeArchive.Title(n) + "（更新）", a.Texts[n][..200] + ProbeArchive.ChineseText(500, 40)),
            Removed => ProbeArchive.Write(context, "", 410),
            _ => a.ServeArticle(context, ProbeArchive.Title(n), a.Texts[n]),
        };
        await a.ProbeAsync(TimeSpan.FromHours(6));
        await a.ProbeAsync(TimeSpan.FromHours(7));
        Assert.Equal(8, a.LogLines().Count);

        using var world = new TempFolder();
        using var git = new TestGit();
        var remote = world.Combine("remote.git");
        git.Run(world.Path, "init", "--quiet", "--bare", "--initial-branch=main", remote);
        File.AppendAllText(a.Archive.Combine(".gitignore"), ".newsmirror/lock\n");
        git.Run(a.Archive.Path, "init", "--quiet", "--initial-branch=main");
        git.Run(a.Archive.Path, "add", "-A");
        git.Run(a.Archive.Path, "commit", "--quiet", "-m", "archive");
        git.Run(a.Archive.Path, "push", "--quiet", remote, "main");
        string Clone(string name)
        {
            git.Run(world.Path, "clone", "--quiet", remote, world.Combine(name));
            return world.Combine(name);
        }

        // SQLite → PostgreSQL: the schema, then the clone's identities, revisions and probes.
        var url = cluster.NewDatabase();
        var importer = Clone("importer");
        var migrated = await CliProcess.RunAsync(importer, "catalog", "migrate", "--catalog", url);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        var imported = await CliProcess.RunAsync(importer, "import", "--catalog", url);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("1 revisions and 8 probes added", imported.Stdout + imported.Stderr);

        // A worker against the shared catalog: the feed gains an article and changes one it had (a revision of the worker's own).
        a.Server.Handle("news/3.html", context => a.ServeArticle(context, ProbeArchive.Title(3), ProbeArchive.ChineseText(3, 240)));
        var items = Enumerable.Range(0, 4).Select(i => new RssFixtureItem(ProbeArchive.Title(i), i < 3 ? a.Link(i) : a.Server.Url("news/3.html"),
            (ProbeArchive.T0 - TimeSpan.FromMinutes(3 - i)).ToString("r", CultureInfo.InvariantCulture))
        {
            Description = $"<p>{(i switch { 0 => a.Texts[0] + "（更正）", < 3 => a.Texts[i], _ => ProbeArchive.ChineseText(3, 240) })}</p>",
        });
        a.Server.Serve("feed.xml", RssFixture.Document("t", items));
        var worker = CliProcess.Start(Clone("worker"), git.Environment, ["worker", "--catalog", url, "--once"]);
        var (exit, stderr) = await Fleet.WaitAsync(worker, TimeSpan.FromMinutes(4));
        Assert.True(exit == 0, stderr);

        // PostgreSQL → SQLite: a fresh clone rebuilds its catalog from the logs alone.
        var fresh = Clone("fresh");
        var verify = await CliProcess.RunAsync(fresh, "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        var paths = new ArchivePaths(fresh);
        using var local = ArchiveCatalog.Open(paths, SourceSelection.Load(null, fresh));
        local.CatchUpAll();
        var sqliteHistory = new LocalArticleHistory(local);
        await sqliteHistory.CatchUpAsync("t", CancellationToken.None);
        var sqlite = await ReadAsync(sqliteHistory);
        await using var shared = await PostgresCatalog.OpenAsync(PostgresCatalogUrl.Parse(url, null), migrate: false, CancellationToken.None);
        var postgres = await ReadAsync(new PostgresArticleHistory(local, shared));

        var identities = local.Rows("t").Select(r => $"{r.Id}|{r.File}|{r.Title}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, identities.Count);
        await using (var connection = new NpgsqlConnection(SharedCatalogTests.ConnectionString(url)))
        {
            await connection.OpenAsync();
            Assert.Equal(identities, (await CatalogMigrationTests.RowsAsync(connection, "SELECT id || '|' || file || '|' || title FROM identities WHERE folder = 't'"))
                .Order(StringComparer.Ordinal).ToList());
        }

        Assert.Equal([IdentityLogEntry.Changes.Ignore, IdentityLogEntry.Changes.Probe], sqlite.Revisions.Select(r => r.Action).Order(StringComparer.Ordinal));
        Assert.Equal(sqlite.Revisions, postgres.Revisions);
        Assert.Equal(8, sqlite.Probes.Count);
        Assert.Equal(sqlite.Probes, postgres.Probes);
        Assert.Equal([ProbeOutcomes.Edited, ProbeOutcomes.Live, ProbeOutcomes.Removed], sqlite.Verdicts.Select(v => v.Final).OfType<string>().Order(StringComparer.Ordinal));
        Assert.Equal(3, sqlite.Verdicts.Count);
        Assert.Equal(sqlite.Verdicts, postgres.Verdicts);

        var status = await CliProcess.RunAsync(fresh, "status", "--catalog", url, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        using var json = JsonDocument.Parse(status.Stdout);
        var source = Assert.Single(json.RootElement.GetProperty("sources").EnumerateArray().ToList());
        Assert.Equal(2, source.GetProperty("revisions").GetInt64());
        Assert.Equal(1, source.GetProperty("removals").GetInt64());
    }

    private sealed record Verdict(string File, string? Final, DateTimeOffset? FinalAt, DateTimeOffset? LastAt, DateTimeOffset? RetryAt, int Probes, string? Baseline);

    /// <summary>A catalog's history of folder t, in one order whatever the catalog, with each verdict's schedule and baseline.</summary>
    private static async Task<(List<ArticleRevision> Revisions, List<ProbeRecord> Probes, List<Verdict> Verdicts)> ReadAsync(IArticleHistoryStore store)
    {
        var history = await store.ReadAsync("t", CancellationToken.None);
        return (history.Revisions.OrderBy(r => r.At).ThenBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Action, StringComparer.Ordinal).ToList(),
            history.Probes.OrderBy(p => p.At).ThenBy(p => p.File, StringComparer.Ordinal).ToList(),
            history.Verdicts.Select(v => new Verdict(v.File, v.State.FinalOutcome, v.State.FinalAt, v.State.LastAt, v.State.RetryAt, v.State.Probes, v.State.Baseline))
                .OrderBy(v => v.File, StringComparer.Ordinal).ToList());
    }
}
