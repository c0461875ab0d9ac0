using System.Reflection;
using System.Text;
using NewsMirror.Archive;
using NewsMirror.Fetching;

namespace NewsMirror.Evidence.Warc;

/// <summary>
/// Keeps every exchange the fetcher completes as a WARC/1.1 <c>request</c> + <c>response</c> pair (ISO 28500), each
/// record its own gzip member, each file opened by a <c>warcinfo</c> record. Written here rather than with a .NET WARC
/// library: none is maintained, and the format needs only record framing, two digests and gzip.
/// </summary>
/// <remarks>
/// Every recorder starts a new file (<see cref="WarcFolder"/>: the next number of the UTC day) instead of appending to
/// an older one: a file, once a run is done with it, never changes, so committed captures (<c>raw: commit</c>) cost
/// git their size once. A file is rolled to the next number past <see cref="MaxFileBytes"/> and at a new UTC day.
/// Each pair is written and flushed to disk before <see cref="Record"/> returns, so no article exists without its capture.
/// </remarks>
public sealed class WarcRecorder : IExchangeRecorder, IDisposable
{
    public const long DefaultMaxFileBytes = 100L * 1024 * 1024;

    private readonly ArchivePaths _paths;
    private readonly long _maxFileBytes;
    private readonly Lock _gate = new();
    private readonly List<string> _files = [];
    private FileStream? _file;
    private DateOnly _day;
    private string _warcinfoId = "";
    private readonly Dictionary<string, string> _lastResponse = new(StringComparer.Ordinal);

    private WarcRecorder(ArchivePaths paths, long maxFileBytes)
    {
        _paths = paths;
        _maxFileBytes = maxFileBytes;
    }

    /// <summary>
    /// A recorder for the archive. The newest capture file is repaired first: a kill in the middle of a write leaves a
    /// torn last member, which is cut off so that every file reads clean.
    /// </summary>
    /// <returns>The recorder, and a note of what the repair cut (null: nothing).</returns>
    public static (WarcRecorder Recorder, string? Repaired) Open(ArchivePaths paths, long maxFileBytes = DefaultMaxFileBytes) =>
        (new WarcRecorder(paths, maxFileBytes), RepairNewest(paths));

    /// <summary>The capture files this recorder wrote, in order.</summary>
    public IReadOnlyList<string> Files
    {
        get { lock (_gate) return _files.ToList(); }
    }

    public void Record(HttpExchange exchange)
    {
        var requestId = WarcRecord.NewId();
        var responseId = WarcRecord.NewId();
        var target = exchange.Target.AbsoluteUri;
        var date = WarcRecord.FormatDate(exchange.Date);
        lock (_gate)
        {
            var file = FileFor(exchange.Date);
            var request = new WarcRecord(Fields("request", requestId, date, target, responseId, exchange, WarcDigest.Sha1(exchange.RequestHead), null),
                exchange.RequestHead);
            // The response's block (head and body) goes to the compressor in its parts, never joined: feeds run to megabytes.
            var responseFields = Fields("response", responseId, date, target, requestId, exchange,
                WarcDigest.Sha1(exchange.ResponseHead, exchange.Body), WarcDigest.Sha1(exchange.Body));
            var responseHead = WarcRecord.Head(responseFields, exchange.ResponseHead.Length + exchange.Body.Length);
            // Response first: a reader meeting the request already knows what it led to (either order is valid).
            Append(file,
                GzipMember.Compress(responseHead, exchange.ResponseHead, exchange.Body, WarcRecord.End.ToArray()),
                GzipMember.Compress(request.ToBytes()));
            _lastResponse[target] = responseId;
        }
    }

    /// <summary>The record id of the last response this recorder kept for <paramref name="uri"/> (null: none), for evidence that names its capture.</summary>
    public string? LastResponseId(string uri)
    {
        lock (_gate) return _lastResponse.GetValueOrDefault(uri);
    }

    private List<KeyValuePair<string, string>> Fields(string type, string id, string date, string target, string concurrentTo, HttpExchange exchange,
        string blockDigest, string? payloadDigest)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("WARC-Type", type),
            new("WARC-Record-ID", id),
            new("WARC-Date", date),
            new("WARC-Target-URI", target),
            new("WARC-Warcinfo-ID", _warcinfoId),
            new("WARC-Concurrent-To", concurrentTo),
        };
        if (exchange.Address is { } address) fields.Add(new("WARC-IP-Address", address.ToString()));
        fields.Add(new("WARC-Block-Digest", blockDigest));
        if (payloadDigest is not null) fields.Add(new("WARC-Payload-Digest", payloadDigest));
        fields.Add(new("Content-Type", $"application/http;msgtype={type}"));
        return fields;
    }

    /// <summary>The file to write to at <paramref name="date"/>: the open one, or a new one at a new day or past the size limit.</summary>
    private FileStream FileFor(DateTimeOffset date)
    {
        var day = DateOnly.FromDateTime(date.UtcDateTime);
        if (_file is not null && _day == day && _file.Length < _maxFileBytes) return _file;
        _file?.Dispose();
        _file = null;
        var number = WarcFolder.List(_paths).Where(e => e.Day == day).Select(e => e.Number + 1).DefaultIfEmpty(0).Max();
        var path = WarcFolder.FileOf(_paths, day, number);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _warcinfoId = WarcRecord.NewId();
        var info = new WarcRecord([
            new("WARC-Type", "warcinfo"),
            new("WARC-Record-ID", _warcinfoId),
            new("WARC-Date", WarcRecord.FormatDate(date)),
            new("WARC-Filename", Path.GetFileName(path)),
            new("Content-Type", "application/warc-fields"),
        ], Encoding.UTF8.GetBytes(
            $"software: NewsMirror/{typeof(WarcRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}\r\n" +
            "format: WARC File Format 1.1\r\n" +
            "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
            "description: feeds, article pages and images fetched by a NewsMirror run; response bodies are kept decoded (no Content-Encoding)\r\n"));
        Append(file, GzipMember.Compress(info.ToBytes()));
        (_file, _day) = (file, day);
        _files.Add(path);
        return file;
    }

    /// <summary>Writes and flushes to disk; a write that fails is taken back, so the file never keeps a torn member.</summary>
    private static void Append(FileStream file, params ReadOnlySpan<byte[]> members)
    {
        var before = file.Length;
        try
        {
            foreach (var member in members) file.Write(member);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            try { file.SetLength(before); }
            catch (IOException) { /* the next recorder's repair cuts it off */ }
            throw;
        }
    }

    private static string? RepairNewest(ArchivePaths paths)
    {
        if (WarcFolder.List(paths) is not [.., var newest]) return null;
        try
        {
            return Repair(paths, newest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{paths.Relative(newest.Path)}: a torn record could not be cut off ({e.Message}); the run writes to a new file";
        }
    }

    private static string? Repair(ArchivePaths paths, WarcFolder.Entry newest)
    {
        var scan = GzipMember.ScanFile(newest.Path);
        // An empty file is a run stopped between creating its file and writing the first record: as torn as any.
        if (!scan.Torn && scan.FileLength > 0) return null;
        var relative = paths.Relative(newest.Path);
        if (scan.CompleteLength == 0)
        {
            File.Delete(newest.Path);
            return $"{relative}: removed (a run was stopped before its first record was whole)";
        }
        using (var file = new FileStream(newest.Path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(scan.CompleteLength);
            file.Flush(flushToDisk: true);
        }
        return $"{relative}: cut the last {scan.FileLength - scan.CompleteLength} bytes (a record torn by a stopped run)";
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
