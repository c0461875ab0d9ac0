using System.Security.Cryptography;
using System.Text;
using NewsMirror.Archive;
using NewsMirror.Evidence.Manifests;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Manifests;

/// <summary>The manifest lines on disk: what a line holds, the chain across months, and each kind of tampering named where it is.</summary>
public class ManifestChainTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly ArchivePaths _paths;

    public ManifestChainTests() => _paths = new ArchivePaths(_root.Path);

    public void Dispose() => _root.Dispose();

    private static readonly DateTimeOffset December = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private string Write(string relative, string text)
    {
        var path = _root.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return relative;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Three commits' lines: two articles, then a list page, then a third article (the list page changed again).</summary>
    private string ThreeLines()
    {
        ManifestAppender.Append(_paths, [Write("articles/rfi/1048574.md", "一\n"), Write("lists/法广.md", "list 1\n")], December);
        ManifestAppender.Append(_paths, [Write("articles/rfi/1048573.md", "二\n")], December.AddHours(1));
        return ManifestAppender.Append(_paths, [Write("articles/rfi/1048572.md", "三\n"), Write("lists/法广.md", "list 2\n")], December.AddHours(2));
    }

    private string[] Lines(string relative) => File.ReadAllText(_root.Combine(relative.Split('/'))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_line_lists_each_file_with_its_sha256_the_time_and_the_hash_of_the_line_before()
    {
        var month = ThreeLines();

        Assert.Equal(".newsmirror/manifests/2026-12.jsonl", month);
        var lines = Lines(month);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"prev\":null,\"time\":\"2026-12-03T08:00:00+00:00\",\"files\":[{\"path\":\"articles/rfi/1048574.md\",\"sha256\":\"" +
            Sha256("一\n"u8.ToArray()) + "\"},{\"path\":\"lists/法广.md\"", lines[0]);
        Assert.Contains($"\"prev\":\"{Sha256(Encoding.UTF8.GetBytes(lines[0]))}\"", lines[1]);
        Assert.Contains($"\"prev\":\"{Sha256(Encoding.UTF8.GetBytes(lines[1]))}\"", lines[2]);
        Assert.EndsWith("\"warc\":[]}", lines[2]);

        var report = ManifestVerifier.Run(_paths);
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal((3, 4), (report.Lines, report.Files));
    }

    [Fact]
    public void The_chain_continues_into_the_next_months_file_and_never_goes_back_a_month()
    {
        var december = ThreeLines();
        var january = ManifestAppender.Append(_paths, [Write("articles/rfi/1048571.md", "四\n")], December.AddMonths(1));
        // A clock set back after the month turned: the line still goes after the last one.
        var stillJanuary = ManifestAppender.Append(_paths, [Write("articles/rfi/1048570.md", "五\n")], December.AddDays(1));

        Assert.Equal(".newsmirror/manifests/2027-01.jsonl", january);
        Assert.Equal(january, stillJanuary);
        Assert.Contains($"\"prev\":\"{Sha256(Encoding.UTF8.GetBytes(Lines(december)[^1]))}\"", Lines(january)[0]);
        Assert.True(ManifestVerifier.Run(_paths).Ok);
    }

    [Fact]
    public void One_byte_changed_in_an_article_names_the_article_and_the_line_that_listed_it()
    {
        ThreeLines();
        var article = _root.Combine("articles", "rfi", "1048573.md");
        var bytes = File.ReadAllBytes(article);
        bytes[0] ^= 1;
        File.WriteAllBytes(article, bytes);

        var problem = Assert.Single(ManifestVerifier.Run(_paths).Problems);

        Assert.Equal(("articles/rfi/1048573.md", "2026-12.jsonl:2"), (problem.Path, problem.Where));
        Assert.Contains("changed since it was listed", problem.Message);
    }

    [Fact]
    public void Only_the_latest_listing_of_a_file_must_match_older_ones_are_its_history()
    {
        ThreeLines();
        // lists/法广.md was listed by lines 1 and 2 with different contents: matching the latest is whole.
        Assert.True(ManifestVerifier.Run(_paths).Ok);

        File.WriteAllText(_root.Combine("lists", "法广.md"), "list 1\n");

        var problem = Assert.Single(ManifestVerifier.Run(_paths).Problems);
        Assert.Equal(("lists/法广.md", "2026-12.jsonl:3"), (problem.Path, problem.Where));
    }

    [Fact]
    public void A_deleted_article_is_named()
    {
        ThreeLines();
        File.Delete(_root.Combine("articles", "rfi", "1048574.md"));

        var problem = Assert.Single(ManifestVerifier.Run(_paths).Problems);

        Assert.Equal(("articles/rfi/1048574.md", "2026-12.jsonl:1"), (problem.Path, problem.Where));
        Assert.Contains("deleted", problem.Message);
    }

    [Fact]
    public void One_byte_changed_in_a_manifest_line_is_named_by_the_line_after_it()
    {
        var month = _root.Combine(ThreeLines().Split('/'));
        var text = File.ReadAllText(month);
        // The time of line 1, one digit later: still valid JSON, and no file hash changed.
        File.WriteAllText(month, text.Replace("2026-12-03T08:00:00", "2026-12-03T08:00:01"));

        var problem = Assert.Single(ManifestVerifier.Run(_paths).Problems);

        Assert.Equal(("2026-12.jsonl:2", null), (problem.Where, problem.Path));
        Assert.Contains("does not follow 2026-12.jsonl:1", problem.Message);
    }

    [Fact]
    public void A_line_deleted_from_the_middle_is_named_by_the_line_that_followed_it()
    {
        var month = _root.Combine(ThreeLines().Split('/'));
        var lines = File.ReadAllLines(month);
        File.WriteAllLines(month, [lines[0], lines[2]]);

        var problem = Assert.Single(ManifestVerifier.Run(_paths).Problems);

        Assert.Equal("2026-12.jsonl:2", problem.Where);
        Assert.Contains("does not follow 2026-12.jsonl:1", problem.Message);
    }

    [Fact]
    public void A_removed_first_month_leaves_a_line_that_names_a_missing_predecessor()
    {
        var december = _root.Combine(ThreeLines().Split('/'));
        ManifestAppender.Append(_paths, [Write("articles/rfi/1048571.md", "四\n")], December.AddMonths(1));
        File.Delete(december);

        var problems = ManifestVerifier.Run(_paths).Problems;

        Assert.Contains(problems, p => p.Where == "2027-01.jsonl:1" && p.Message.Contains("there is none"));
    }

    [Fact]
    public void A_line_that_is_not_json_is_named_by_file_and_line()
    {
        var month = _root.Combine(ThreeLines().Split('/'));
        var lines = File.ReadAllLines(month);
        File.WriteAllLines(month, [lines[0], lines[1][..^2], lines[2]]);

        var problems = ManifestVerifier.Run(_paths).Problems;

        Assert.Contains(problems, p => p.Where == "2026-12.jsonl:2" && p.Message.Contains("not valid JSON"));
        Assert.Contains(problems, p => p.Where == "2026-12.jsonl:3" && p.Message.Contains("does not follow 2026-12.jsonl:2"));
    }

    [Fact]
    public void Warc_files_are_listed_when_new_or_changed_and_a_missing_one_is_only_absent_here()
    {
        var warc = Write(".newsmirror/warc/2026/12/03-0.warc.gz", "capture one");
        ManifestAppender.Append(_paths, [Write("articles/rfi/1048574.md", "一\n")], DateTimeOffset.UtcNow);
        // Unchanged since it was listed: not listed again.
        var month = ManifestAppender.Append(_paths, [Write("articles/rfi/1048573.md", "二\n")], DateTimeOffset.UtcNow);
        File.AppendAllText(_root.Combine(warc.Split('/')), ", capture two");
        File.SetLastWriteTimeUtc(_root.Combine(warc.Split('/')), DateTime.UtcNow.AddMinutes(1));
        ManifestAppender.Append(_paths, [Write("articles/rfi/1048572.md", "三\n")], DateTimeOffset.UtcNow.AddMinutes(2));

        var lines = Lines(month);
        Assert.Contains($"\"warc\":[{{\"path\":\"{warc}\",\"sha256\":\"{Sha256("capture one"u8.ToArray())}\"}}]", lines[0]);
        Assert.EndsWith("\"warc\":[]}", lines[1]);
        Assert.Contains($"\"warc\":[{{\"path\":\"{warc}\",\"sha256\":\"{Sha256("capture one, capture two"u8.ToArray())}\"}}]", lines[2]);
        Assert.True(ManifestVerifier.Run(_paths).Ok);

        File.Delete(_root.Combine(warc.Split('/')));
        var report = ManifestVerifier.Run(_paths);
        Assert.True(report.Ok);
        Assert.Equal([warc], report.Absent);
    }
}
