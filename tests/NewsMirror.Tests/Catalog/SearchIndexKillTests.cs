using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog;

/// <summary>
/// `newsmirror search` indexing a fresh clone's text: within its time budget it answers from the newest articles and
/// says how much it searched; killed in the middle of indexing, it leaves an uncorrupted index that the next search
/// finishes, answering exactly as an index built in one go.
/// </summary>
public sealed class SearchIndexKillTests : IDisposable
{
    private const int Articles = 6_000;

    private readonly TestArchive _archive = new();

    public SearchIndexKillTests()
    {
        var entries = new List<NewsMirror.Identity.IdentityLogEntry>();
        for (int n = 1; n <= Articles; n++)
        {
            var record = TestArchive.Record($"新闻 {n}", $"https://www.dw.com/zh/a-{n}", 1711442701000 + n * 60_000L,
                $"<p>经济 number{n} {(n % 5 == 0 ? "香港" : "北京")}</p>");
            _archive.Write("dw", $"{n}.md", ArticleFile.Render(record));
            entries.Add(TestArchive.Entry($"{n}.md", record));
        }
        _archive.Log("dw", entries.ToArray());
    }

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task A_search_within_its_budget_says_how_much_of_the_archive_it_searched()
    {
        var json = await CliProcess.RunAsync(_archive.Root, "search", "经济", "--index-time", "0s", "--json");
        var text = await CliProcess.RunAsync(_archive.Root, "search", "经济", "--index-time", "0s");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        var index = document.RootElement.GetProperty("index");
        Assert.False(index.GetProperty("complete").GetBoolean());
        Assert.Equal(1_000, index.GetProperty("searched").GetInt32());
        Assert.Equal(Articles, index.GetProperty("articles").GetInt32());
        Assert.Equal(Articles - 1_000, index.GetProperty("notIndexed").GetInt32());
        Assert.Equal(1_000, document.RootElement.GetProperty("total").GetInt32());
        Assert.Equal($"articles/dw/{Articles}.md", document.RootElement.GetProperty("results")[0].GetProperty("file").GetString());
        Assert.Contains("newest first", json.Stderr);
        // The second search continued where the first stopped.
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains($"searched 2,000 of {Articles:N0} articles", text.Stdout);
        Assert.Contains("search --index-all", text.Stdout);
    }

    [Fact]
    public async Task A_search_killed_while_indexing_leaves_an_index_the_next_search_finishes_exactly()
    {
        var first = await CliProcess.RunAsync(_archive.Root, "search", "经济", "--index-time", "0s");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(1_000, Indexed().Rows);

        using (var killed = CliProcess.Start(_archive.Root, "search", "经济", "--index-all"))
        {
            // Progress goes to standard error, one line per tenth when redirected: killed after its first batch, before its commit.
            while (await killed.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line && !line.StartsWith("indexing: ", StringComparison.Ordinal)) { }
            killed.Kill();
            await killed.WaitForExitAsync();
            Assert.NotEqual(0, killed.ExitCode);
        }

        var afterKill = Indexed();
        Assert.Equal(afterKill.Rows, afterKill.Documents);
        Assert.Equal(1_000, afterKill.Rows);

        var finished = await CliProcess.RunAsync(_archive.Root, "search", "香港", "--limit", "50", "--json");
        Assert.True(finished.ExitCode == 0, finished.Stderr);
        Assert.Equal((Articles, Articles), Indexed());
        File.Delete(ArchiveCatalog.PathOf(_archive.Paths));
        var atOnce = await CliProcess.RunAsync(_archive.Root, "search", "香港", "--limit", "50", "--json", "--index-all");
        Assert.Equal(atOnce.Stdout, finished.Stdout);
        using var document = JsonDocument.Parse(finished.Stdout);
        Assert.True(document.RootElement.GetProperty("index").GetProperty("complete").GetBoolean());
        Assert.Equal(Articles / 5, document.RootElement.GetProperty("total").GetInt32());
    }

    /// <summary>Rows marked indexed and documents in the FTS5 table, after SQLite's own and FTS5's integrity checks.</summary>
    private (int Rows, int Documents) Indexed()
    {
        using var connection = new SqliteConnection($"Data Source={ArchiveCatalog.PathOf(_archive.Paths)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "INSERT INTO article_text(article_text) VALUES ('integrity-check')";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM articles WHERE indexed = 1";
        int rows = Convert.ToInt32(command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM article_text_docsize";
        return (rows, Convert.ToInt32(command.ExecuteScalar()));
    }
}
