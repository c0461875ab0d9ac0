using System.Collections.Concurrent;
using System.Security.Cryptography;
using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Fetching;
using NewsMirror.Sources;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>
/// <c>images: localize</c>: downloads each image of a new article once into <c>assets/&lt;folder&gt;/&lt;hash&gt;.&lt;ext&gt;</c>
/// (named by content hash, so the same picture is stored once) and points the body at the copy, so the archive
/// shows its images where the outlet's CDN is blocked. A failed download keeps the original address.
/// </summary>
public sealed class ImageLocalizer(HttpFetcher fetcher, HostLimiter hosts, ArchivePaths paths)
{
    public const long MaxImageBytes = 10L * 1024 * 1024;

    /// <summary>Per folder and URL: each source stores its own copy, fetched under its own address policy.</summary>
    private readonly ConcurrentDictionary<string, Task<string?>> _downloads = new(StringComparer.Ordinal);

    /// <summary>The image files this instance stored or reused, for committing with the articles that point at them.</summary>
    public IReadOnlyCollection<string> Files => _downloads.Values.Where(d => d.IsCompletedSuccessfully && d.Result is not null).Select(d => d.Result!).ToList();

    public async Task<string> LocalizeAsync(string body, SourceConfig source, Uri? article, string articleFolder, SourceWarnings warnings, CancellationToken cancel)
    {
        var urls = ImageRewriter.ListImageUrls(body, article);
        var stored = await Task.WhenAll(urls.Select(url =>
            _downloads.GetOrAdd(source.Folder + " " + url, _ => DownloadAsync(url, source, article, warnings, cancel))));
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < urls.Count; i++)
            if (stored[i] is { } path)
                local[urls[i]] = Path.GetRelativePath(articleFolder, path).Replace('\\', '/');
        return local.Count == 0 ? body : ImageRewriter.Localize(body, local, article);
    }

    private async Task<string?> DownloadAsync(string url, SourceConfig source, Uri? article, SourceWarnings warnings, CancellationToken cancel)
    {
        try
        {
            if (!HttpUrl.TryParse(url, out var uri))
                throw new FetchException("not an http(s) address");
            var referer = ImageReferers.For(uri, article, source.Referers);
            var image = await hosts.RunAsync(uri.Host, () => fetcher.FetchUntrustedAsync(url, FetchPolicy.For(source), cancel, referer, MaxImageBytes), cancel);
            var extension = ImageFormat.Extension(image.Body)
                ?? throw new FetchException($"not an image ({image.ContentType ?? "no content type"})");
            var hash = Convert.ToHexStringLower(SHA256.HashData(image.Body))[..32];
            var folder = paths.AssetsFolder(source.Folder);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{hash}.{extension}");
            if (!File.Exists(path)) AtomicFile.TryCreateNew(path, image.Body);
            return path;
        }
        catch (FetchException e)
        {
            warnings.Add($"image kept at its original address ({e.Message}): {url}");
            return null;
        }
    }
}
