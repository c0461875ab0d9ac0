using System.Text;
using NewsMirror.Archive;
using NewsMirror.Evidence.Warc;
using NewsMirror.Fetching;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Warc;

/// <summary>Named writers (fleet workers' clones) number their own capture files, and each repairs only its own newest file.</summary>
public class WarcWriterNameTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 14);

    private static HttpExchange Exchange(string path, DateTimeOffset date) => new(
        new Uri("https://example.org/" + path), date,
        Encoding.ASCII.GetBytes($"GET /{path} HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n"),
        Encoding.ASCII.GetBytes("ok"));

    private static string RecordOne(ArchivePaths paths, string? writer, string path)
    {
        var (recorder, _) = WarcRecorder.Open(paths, writer: writer);
        using (recorder) recorder.Record(Exchange(path, Noon));
        return Assert.Single(recorder.Files);
    }

    [Fact]
    public void Each_writer_numbers_its_own_files_beside_the_archive_s_own_and_every_file_is_listed_and_read()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);

        var run = RecordOne(paths, null, "run");
        var a0 = RecordOne(paths, "wa1", "a0");
        var b0 = RecordOne(paths, "wb2", "b0");
        var a1 = RecordOne(paths, "wa1", "a1");

        Assert.Equal(WarcFolder.FileOf(paths, Day, 0), run);
        Assert.EndsWith(Path.Combine("2026", "03", "14-wa1-0.warc.gz"), a0);
        Assert.Equal(WarcFolder.FileOf(paths, Day, 0, "wb2"), b0);
        Assert.Equal(WarcFolder.FileOf(paths, Day, 1, "wa1"), a1);
        Assert.Equal([(0, (string?)null), (0, "wa1"), (0, "wb2"), (1, "wa1")], WarcFolder.List(paths).Select(e => (e.Number, e.Writer)));
        var report = WarcioCheck.Folder(WarcFolder.Root(paths));
        Assert.True(report.Problems.Count == 0, report.Json);
        Assert.Equal(["a0", "a1", "b0", "run"], WarcCaptures.Load(paths, null).Responses.Select(r => r.Target.AbsolutePath.TrimStart('/')).Order());
    }

    [Fact]
    public void A_torn_file_is_cut_off_by_its_own_writer_s_next_recorder_and_left_alone_by_other_writers()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var mine = RecordOne(paths, "wa1", "a0");
        var whole = File.ReadAllBytes(mine);
        var torn = GzipMember.Compress(new WarcRecord([new("WARC-Type", "resource")], new byte[5000]).ToBytes());
        using (var stream = new FileStream(mine, FileMode.Append)) stream.Write(torn, 0, torn.Length / 2);
        var tornLength = new FileInfo(mine).Length;

        var (other, otherRepair) = WarcRecorder.Open(paths, writer: "wb2");
        other.Dispose();
        Assert.Null(otherRepair);
        Assert.Equal(tornLength, new FileInfo(mine).Length);

        var (next, repaired) = WarcRecorder.Open(paths, writer: "wa1");
        next.Dispose();
        Assert.Contains("cut the last", repaired);
        Assert.Contains("14-wa1-0.warc.gz", repaired);
        Assert.Equal(whole, File.ReadAllBytes(mine));
    }

    [Theory]
    [InlineData("")]
    [InlineData("W1")]
    [InlineData("1w")]
    [InlineData("w-1")]
    [InlineData("w/../x")]
    public void A_name_that_cannot_name_files_is_refused(string writer)
    {
        using var archive = new TempFolder();
        var error = Assert.Throws<ArgumentException>(() => WarcRecorder.Open(new ArchivePaths(archive.Path), writer: writer));
        Assert.Contains("lowercase letter", error.Message);
    }
}
