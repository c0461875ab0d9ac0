using System.Text;
using NewsMirror.Archive;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Identity;

/// <summary>Identity log lines read as a stream: the same lines and end point as reading the log whole, whatever the line lengths.</summary>
public class IdentityLogLinesTests
{
    private static IdentityLogEntry Entry(long id, string title) =>
        new(id, $"{id}.md", $"guid-{id}", $"https://example.com/{id}", title, 1, new DateTimeOffset(2024, 3, 26, 12, 0, 0, TimeSpan.Zero)) { Hash = $"h{id}" };

    [Fact]
    public void Lines_longer_than_the_read_buffer_and_many_short_ones_are_all_read()
    {
        using var folder = new TempFolder();
        var log = folder.Combine("dw.jsonl");
        var entries = Enumerable.Range(0, 3000).Select(i => Entry(1048574 - i, i == 1500 ? new string('长', 100_000) : $"标题 {i}")).ToList();
        IdentityLog.Append(log, entries);

        var lines = new IdentityLogLines(log, 0);
        var read = lines.Read().ToList();

        Assert.Equal(entries, read);
        Assert.Equal(new FileInfo(log).Length, lines.End);
    }

    [Fact]
    public void A_torn_last_line_is_not_read_and_not_counted()
    {
        using var folder = new TempFolder();
        var log = folder.Combine("dw.jsonl");
        IdentityLog.Append(log, [Entry(1048574, "一"), Entry(1048573, "二")]);
        var complete = new FileInfo(log).Length;
        File.AppendAllText(log, "{\"id\":1048572,\"file\":\"104857", Encoding.UTF8);

        var lines = new IdentityLogLines(log, 0);

        Assert.Equal([1048574L, 1048573L], lines.Read().Select(e => e.Id));
        Assert.Equal(complete, lines.End);
    }

    [Fact]
    public void Reading_from_an_offset_gives_the_lines_after_it()
    {
        using var folder = new TempFolder();
        var log = folder.Combine("dw.jsonl");
        IdentityLog.Append(log, [Entry(1048574, "一")]);
        var applied = new FileInfo(log).Length;
        IdentityLog.Append(log, [Entry(1048573, "二"), Entry(1048572, "三")]);

        var lines = new IdentityLogLines(log, applied);

        Assert.Equal([1048573L, 1048572L], lines.Read().Select(e => e.Id));
        Assert.Equal(new FileInfo(log).Length, lines.End);
        Assert.Equal(IdentityLog.ReadFrom(log, applied).Entries, new IdentityLogLines(log, applied).Read());
    }

    [Fact]
    public void A_sealed_torn_line_is_skipped_and_the_lines_after_it_are_read()
    {
        using var folder = new TempFolder();
        var log = folder.Combine("dw.jsonl");
        IdentityLog.Append(log, [Entry(1048574, "一")]);
        File.AppendAllText(log, "{\"id\":1048573,\"fi", Encoding.UTF8);
        IdentityLog.Append(log, [Entry(1048572, "三")]);

        var lines = new IdentityLogLines(log, 0);

        Assert.Equal([1048574L, 1048572L], lines.Read().Select(e => e.Id));
        Assert.Equal(new FileInfo(log).Length, lines.End);
    }

    [Fact]
    public void A_missing_log_has_no_lines()
    {
        using var folder = new TempFolder();
        var lines = new IdentityLogLines(folder.Combine("none.jsonl"), 0);

        Assert.Empty(lines.Read());
        Assert.Equal(0, lines.End);
    }
}
