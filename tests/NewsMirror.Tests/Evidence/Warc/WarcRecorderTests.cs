using System.Text;
using NewsMirror.Archive;
using NewsMirror.Evidence.Warc;
using NewsMirror.Fetching;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Evidence.Warc;

/// <summary>The recorder's files: one per recorder, rolled by size and day, and repaired after a kill tore the last record.</summary>
public class WarcRecorderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static HttpExchange Exchange(string path, DateTimeOffset date, string body) => new(
        new Uri("https://example.org/" + path), date,
        Encoding.ASCII.GetBytes($"GET /{path} HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n"),
        Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_torn_last_record_fails_warcio_and_the_next_recorder_cuts_it_off_and_starts_the_next_file()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var (first, _) = WarcRecorder.Open(paths);
        using (first)
        {
            first.Record(Exchange("a", Noon, "<p>一</p>"));
            first.Record(Exchange("b", Noon.AddSeconds(1), "<p>二</p>"));
        }
        var file = Assert.Single(first.Files);
        Assert.Equal(WarcFolder.FileOf(paths, new DateOnly(2026, 3, 14), 0), file);
        var whole = File.ReadAllBytes(file);
        // What a kill in the middle of a write leaves: the first part of a member.
        var torn = GzipMember.Compress(new WarcRecord([new("WARC-Type", "resource")], new byte[5000]).ToBytes());
        using (var stream = new FileStream(file, FileMode.Append)) stream.Write(torn, 0, torn.Length / 2);
        Assert.NotEmpty(WarcioCheck.Files(file).Problems);

        var (second, repaired) = WarcRecorder.Open(paths);
        using (second) second.Record(Exchange("c", Noon.AddSeconds(2), "<p>三</p>"));

        Assert.Contains("cut the last", repaired);
        Assert.Equal(whole, File.ReadAllBytes(file));
        Assert.Equal([WarcFolder.FileOf(paths, new DateOnly(2026, 3, 14), 1)], second.Files);
        var report = WarcioCheck.Folder(WarcFolder.Root(paths));
        Assert.True(report.Problems.Count == 0, report.Json);
        Assert.Equal(["warcinfo", "response", "request", "response", "request"], report.Files[file].Select(r => r.Type));
    }

    [Fact]
    public void An_empty_file_left_by_a_run_stopped_before_its_first_record_is_removed_by_the_next_recorder()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var empty = WarcFolder.FileOf(paths, new DateOnly(2026, 3, 14), 0);
        Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
        File.WriteAllBytes(empty, []);
        Assert.NotEmpty(WarcioCheck.Files(empty).Problems);

        var (next, repaired) = WarcRecorder.Open(paths);
        using (next) next.Record(Exchange("a", Noon, "<p>一</p>"));

        Assert.Contains("removed", repaired);
        var report = WarcioCheck.Folder(WarcFolder.Root(paths));
        Assert.True(report.Problems.Count == 0, report.Json);
        Assert.Equal(next.Files, report.Files.Keys);
    }

    [Fact]
    public void Files_roll_to_the_next_number_past_the_size_limit_and_to_a_new_folder_at_a_new_UTC_day()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var (recorder, _) = WarcRecorder.Open(paths, maxFileBytes: 2000);
        using (recorder)
        {
            recorder.Record(Exchange("a", Noon, new string('x', 10)));
            recorder.Record(Exchange("b", Noon, Guid.NewGuid().ToString() + string.Concat(Enumerable.Range(0, 400).Select(i => i.ToString()))));
            recorder.Record(Exchange("c", Noon, "small"));
            recorder.Record(Exchange("d", Noon.AddHours(13), "next day"));
        }

        Assert.Equal([
            WarcFolder.FileOf(paths, new DateOnly(2026, 3, 14), 0),
            WarcFolder.FileOf(paths, new DateOnly(2026, 3, 14), 1),
            WarcFolder.FileOf(paths, new DateOnly(2026, 3, 15), 0),
        ], recorder.Files);
        Assert.EndsWith(Path.Combine("warc", "2026", "03", "15-0.warc.gz"), recorder.Files[^1]);
        var report = WarcioCheck.Folder(WarcFolder.Root(paths));
        Assert.True(report.Problems.Count == 0, report.Json);
        Assert.All(report.Files.Values, records => Assert.Equal("warcinfo", records[0].Type));
        Assert.Equal(4, report.Files.Values.Sum(records => records.Count(r => r.Type == "response")));
    }

    [Fact]
    public void Our_reader_gives_back_each_response_with_its_status_headers_and_body()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var (recorder, _) = WarcRecorder.Open(paths);
        using (recorder) recorder.Record(Exchange("新闻?id=1", Noon, "<p>正文</p>"));

        var captures = WarcCaptures.Load(paths, since: null);

        var response = Assert.Single(captures.Responses);
        Assert.Equal("https://example.org/%E6%96%B0%E9%97%BB?id=1", response.Target.AbsoluteUri);
        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Header("content-type"));
        Assert.Equal("<p>正文</p>", Encoding.UTF8.GetString(response.Body));
        Assert.Equal(Noon, response.Date);
        Assert.Empty(captures.Problems);
        Assert.Empty(WarcCaptures.Load(paths, since: Noon.AddSeconds(1)).Responses);
    }
}
