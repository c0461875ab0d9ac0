using NewsMirror.Fetching;
using NewsMirror.Urls;

namespace NewsMirror.Cli.FeedInspection;

/// <summary>The bytes of a feed named on the command line, with what the parser needs to know about where they came from.</summary>
internal sealed record FeedSource(byte[] Body, string? ContentType, Uri? Address)
{
    /// <summary>Reads a file path or file:// URL, or GETs an http(s) URL.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FetchException">The server could not be reached or answered with an error status.</exception>
    public static async Task<FeedSource> LoadAsync(string location, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && HttpUrl.Is(uri))
            return await DownloadAsync(uri, cancellationToken);
        var path = uri is { IsFile: true } && location.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? uri.LocalPath : location;
        if (!File.Exists(path))
            throw new FileNotFoundException($"No such file: {path}", path);
        // A file has no web address: relative links stay relative rather than becoming file: URLs.
        return new FeedSource(await File.ReadAllBytesAsync(path, cancellationToken), null, null);
    }

    private static async Task<FeedSource> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var fetcher = new HttpFetcher();
        var response = await fetcher.FetchAsync(uri.ToString(), ".", cancellationToken);
        return new FeedSource(response.Body, response.ContentType, response.Url);
    }
}
