using NewsMirror.Archive;

namespace NewsMirror.Evidence.Warc;

/// <summary>The captured responses of an archive (or those since a day), read from every capture file, oldest first.</summary>
public sealed class WarcCaptures
{
    private readonly Dictionary<string, List<CapturedResponse>> _byTarget = new(StringComparer.Ordinal);

    /// <summary>Every response read, in the order captured.</summary>
    public IReadOnlyList<CapturedResponse> Responses { get; }

    /// <summary>What could not be read (a torn file end, a record that is not WARC), each naming its file.</summary>
    public IReadOnlyList<string> Problems { get; }

    private WarcCaptures(List<CapturedResponse> responses, List<string> problems)
    {
        Responses = responses;
        Problems = problems;
        foreach (var response in responses)
        {
            if (!_byTarget.TryGetValue(response.Target.AbsoluteUri, out var list)) _byTarget[response.Target.AbsoluteUri] = list = [];
            list.Add(response);
        }
    }

    /// <param name="since">Only captures made from this moment on (null: all).</param>
    /// <param name="keep">Which responses to hold in memory (e.g. not images, which no replay reads).</param>
    public static WarcCaptures Load(ArchivePaths paths, DateTimeOffset? since, Func<CapturedResponse, bool>? keep = null)
    {
        var responses = new List<CapturedResponse>();
        var problems = new List<string>();
        foreach (var entry in WarcFolder.List(paths))
        {
            if (since is { } from && entry.Day < DateOnly.FromDateTime(from.UtcDateTime)) continue;
            try
            {
                foreach (var record in WarcReader.Read(entry.Path, problems.Add))
                    if (CapturedResponse.From(record, paths.Relative(entry.Path)) is { } response && (since is null || response.Date >= since)
                        && (keep is null || keep(response)))
                        responses.Add(response);
            }
            catch (Exception e) when (e is WarcFormatException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{paths.Relative(entry.Path)}: {e.Message}");
            }
        }
        return new WarcCaptures(responses.OrderBy(r => r.Date).ToList(), problems);
    }

    /// <summary>The captures of one address, oldest first.</summary>
    public IReadOnlyList<CapturedResponse> Of(Uri target) => _byTarget.TryGetValue(target.AbsoluteUri, out var list) ? list : [];

    /// <summary>The newest capture of an address that is not an error answer (else the newest of any kind), or null.</summary>
    public CapturedResponse? Latest(Uri target) =>
        Of(target) is { Count: > 0 } list ? list.LastOrDefault(r => r.Status < 400) ?? list[^1] : null;

    /// <summary>
    /// The successful responses a request for <paramref name="address"/> ended at, each with the redirects that led
    /// there followed (a capture at the address itself, or at where its captured redirect pointed a moment later).
    /// </summary>
    public IEnumerable<CapturedResponse> Documents(Uri address)
    {
        foreach (var response in Of(address))
        {
            var current = response;
            for (var hop = 0; hop < 10 && current is { Status: >= 300 and <= 399 }; hop++)
                current = current.Header("Location") is { } location && Uri.TryCreate(current.Target, location, out var next)
                    ? Of(next).FirstOrDefault(r => r.Date >= current.Date)
                    : null;
            if (current is { Success: true }) yield return current;
        }
    }
}
