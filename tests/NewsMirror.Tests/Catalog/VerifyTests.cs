using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Catalog;

/// <summary>`verify` finds each kind of damage; `--fix` repairs what is derived and never touches an article.</summary>
public sealed class VerifyTests : IDisposable
{
    private readonly TestArchive _archive = new();

    /// <summary>A whole archive as runs leave it: articles with log lines, list pages, README, an up-to-date catalog.</summary>
    public VerifyTests()
    {
        _archive.Article("rfi", "1048574.md", TestArchive.Record("法广一", "https://www.rfi.fr/cn/1", 1711442701000), guid: "rfi-1");
        _archive.Article("rfi", "1048573.md", TestArchive.Record("法广二", "https://www.rfi.fr/cn/2", 1711448101000), guid: "rfi-2");
        _archive.Article("dw", "1048574.md", TestArchive.Record("德国之声一", "https://www.dw.com/zh/a-1", 1711442701000), guid: "dw-1");
        using var catalog = _archive.Open();
        foreach (var source in BuiltInSources.All.Where(s => s.Folder is "rfi" or "dw"))
            ArchiveIndexPages.WriteList(_archive.Paths, source, catalog.Folder(source.Folder));
        ArchiveIndexPages.UpdateReadme(_archive.Paths, BuiltInSources.All);
    }

    private VerifyReport Verify()
    {
        using var catalog = _archive.Open();
        return ArchiveVerifier.Run(catalog, BuiltInSources.All);
    }

    private List<(string Path, string Kind)> Problems() => Verify().Problems.Select(p => (p.Path, p.Kind)).ToList();

    private void Repair()
    {
        using var catalog = _archive.Open();
        ArchiveRepair.Run(catalog, BuiltInSources.All, TestArchive.Archived);
    }

    private void EditCatalog(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={ArchiveCatalog.PathOf(_archive.Paths)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public void A_whole_archive_verifies()
    {
        var report = Verify();

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(3, report.Articles);
    }

    [Fact]
    public void A_deleted_file_is_missing_and_leaves_the_catalog_and_list_page_stale()
    {
        File.Delete(_archive.PathOf("articles/rfi/1048573.md"));

        var problems = Problems();

        Assert.Contains(("articles/rfi/1048573.md", ProblemKinds.MissingFile), problems);
        Assert.Contains(("articles/rfi/1048573.md", ProblemKinds.CatalogStale), problems);
        Assert.Contains(("lists/法广.md", ProblemKinds.StaleList), problems);
    }

    [Fact]
    public void A_line_the_catalog_first_saw_without_its_file_is_an_unwritten_article_not_a_problem()
    {
        _ = Verify();
        // What a run killed between the write-ahead log line and the file leaves behind.
        _archive.Log("rfi", TestArchive.Entry("1048572.md", TestArchive.Record("法广三", "https://www.rfi.fr/cn/3", 1711450000000)));

        var first = Verify();
        var second = Verify();

        Assert.True(first.Ok, string.Join("\n", first.Problems));
        Assert.Equal(("articles/rfi/1048572.md", ProblemKinds.Unwritten), (Assert.Single(first.Unwritten).Path, first.Unwritten[0].Kind));
        Assert.Equal(first.Unwritten, second.Unwritten);
        Assert.True(second.Ok);
    }

    [Fact]
    public void A_fresh_catalog_cannot_tell_an_unwritten_article_from_a_deleted_one()
    {
        _archive.Log("rfi", TestArchive.Entry("1048572.md", TestArchive.Record("法广三", "https://www.rfi.fr/cn/3", 1711450000000)));
        File.Delete(ArchiveCatalog.PathOf(_archive.Paths));

        var report = Verify();

        Assert.Empty(report.Unwritten);
        Assert.Equal([("articles/rfi/1048572.md", ProblemKinds.MissingFile)], report.Problems.Select(p => (p.Path, p.Kind)));
    }

    [Fact]
    public void An_edited_header_disagrees_with_log_catalog_and_list_page()
    {
        var path = _archive.PathOf("articles/dw/1048574.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("[德国之声一]", "[改过的标题]"));

        var problems = Problems();

        Assert.Contains(("articles/dw/1048574.md", ProblemKinds.LogMismatch), problems);
        Assert.Contains(("articles/dw/1048574.md", ProblemKinds.CatalogMismatch), problems);
        Assert.Contains(("lists/德国之声.md", ProblemKinds.StaleList), problems);
    }

    [Fact]
    public void An_edited_body_is_a_content_mismatch_with_the_log()
    {
        var path = _archive.PathOf("articles/dw/1048574.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("<p>正文</p>", "<p>改过的正文</p>"));

        var problem = Assert.Single(Verify().Problems);

        Assert.Equal((ProblemKinds.LogMismatch, "the file's content do not match its identity log line"), (problem.Kind, problem.Detail));
    }

    [Fact]
    public void A_second_file_with_an_existing_id_is_a_duplicate_id()
    {
        _archive.Write("rfi", "1048574_副本.md", File.ReadAllText(_archive.PathOf("articles/rfi/1048574.md")));

        var problems = Problems();

        Assert.Contains(("articles/rfi/1048574_副本.md", ProblemKinds.IdCollision), problems);
        Assert.Contains(("articles/rfi/1048574_副本.md", ProblemKinds.MissingLogLine), problems);
        Assert.Contains(("articles/rfi/1048574_副本.md", ProblemKinds.NotInCatalog), problems);
    }

    [Fact]
    public void A_stale_list_page_and_a_missing_readme_are_found()
    {
        File.AppendAllText(_archive.PathOf("lists/法广.md"), "3-26 [多余](/articles/rfi/1.md)\n\n");
        File.Delete(_archive.Paths.Readme);

        Assert.Equal([("lists/法广.md", ProblemKinds.StaleList), ("README.md", ProblemKinds.StaleReadme)], Problems());
    }

    [Fact]
    public void A_catalog_out_of_step_with_the_files_is_found()
    {
        _ = Verify();
        EditCatalog("UPDATE articles SET title = '别的标题' WHERE folder = 'rfi' AND file = '1048574.md'");

        Assert.Equal([("articles/rfi/1048574.md", ProblemKinds.CatalogMismatch)], Problems());

        EditCatalog("DELETE FROM articles WHERE folder = 'dw'");
        Assert.Contains(("articles/dw/1048574.md", ProblemKinds.NotInCatalog), Problems());
    }

    [Fact]
    public void Fix_repairs_everything_derived_and_leaves_every_article_byte_for_byte()
    {
        var edited = _archive.PathOf("articles/dw/1048574.md");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("[德国之声一]", "[改过的标题]"));
        _archive.Write("rfi", "1048574_副本.md", File.ReadAllText(_archive.PathOf("articles/rfi/1048574.md")));
        File.Delete(_archive.PathOf("articles/rfi/1048573.md"));
        _archive.Article("nyt", "1048574.md", TestArchive.Record("没有记录的文章", "https://cn.nytimes.com/1", 1711442701000), logged: false);
        File.Delete(_archive.PathOf("lists/法广.md"));
        _ = Verify();
        EditCatalog("UPDATE articles SET title = '别的标题' WHERE folder = 'rfi' AND file = '1048574.md'");
        var articles = _archive.HashArticles();

        Repair();

        Assert.Equal(articles, _archive.HashArticles());
        // What remains needs a person: a deleted article, and two files holding one id.
        Assert.Equal(
            [("articles/rfi/1048574_副本.md", ProblemKinds.IdCollision), ("articles/rfi/1048573.md", ProblemKinds.MissingFile)],
            Problems());
        Assert.Contains("[改过的标题](/articles/dw/1048574.md)", File.ReadAllText(_archive.PathOf("lists/德国之声.md")));
        Assert.Contains("[纽约时报](lists/纽约时报.md)", File.ReadAllText(_archive.Paths.Readme));
        // The log now describes the edited file as it is, and still knows the feed's guid.
        var logged = LogState.Read(_archive.Paths.IdentityLog("dw"))["1048574.md"];
        Assert.Equal(("改过的标题", "dw-1"), (logged.Title, logged.Guid));
    }

    [Fact]
    public async Task The_command_exits_1_with_json_problems_and_0_once_fixed()
    {
        File.Delete(_archive.PathOf("lists/法广.md"));

        var broken = await CliProcess.RunAsync(_archive.Root, "verify", "--json");

        Assert.Equal(1, broken.ExitCode);
        using (var json = JsonDocument.Parse(broken.Stdout))
        {
            Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal(3, json.RootElement.GetProperty("articles").GetInt32());
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray().ToList());
            Assert.Equal("lists/法广.md", problem.GetProperty("path").GetString());
            Assert.Equal(ProblemKinds.StaleList, problem.GetProperty("kind").GetString());
            Assert.Equal("missing", problem.GetProperty("detail").GetString());
        }

        var fixedRun = await CliProcess.RunAsync(_archive.Root, "verify", "--fix");
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("stale-list  lists/法广.md", fixedRun.Stdout);
        Assert.Equal(0, (await CliProcess.RunAsync(_archive.Root, "verify")).ExitCode);
    }

    public void Dispose() => _archive.Dispose();
}
