using System.Security.Cryptography;
using NewsMirror.Archive;
using NewsMirror.Bodies;

namespace NewsMirror.Publishing.Epub;

/// <summary>An image file carried in the book: its path in the book and in the archive.</summary>
internal sealed record EpubImage(string Href, string MediaType, string SourcePath);

/// <summary>
/// The images of the book: those an article points at in the archive's <c>assets/</c> folder (put there by
/// <c>images: localize</c>), each stored once. Only EPUB's core raster types are taken (JPEG, PNG, GIF): any other
/// format would need a fallback the archive does not have, so such an image is treated like a remote one.
/// </summary>
internal sealed class EpubImages(string archiveRoot)
{
    private readonly string _assets = Path.Combine(Path.GetFullPath(archiveRoot), ArchivePaths.AssetsFolderName) + Path.DirectorySeparatorChar;
    private readonly Dictionary<string, EpubImage?> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EpubImage> _byHref = new(StringComparer.Ordinal);

    public IReadOnlyCollection<EpubImage> All => _byHref.Values;

    /// <summary>The book's path of the image <paramref name="source"/> refers to from an article in <paramref name="articleDirectory"/>; null when it is not a usable local image.</summary>
    public string? Include(string source, string articleDirectory)
    {
        if (LocalPath(source, articleDirectory) is not { } path) return null;
        if (!_byPath.TryGetValue(path, out var image))
        {
            image = Load(path);
            if (image is not null) image = _byHref.TryAdd(image.Href, image) ? image : _byHref[image.Href];
            _byPath[path] = image;
        }
        return image?.Href;
    }

    /// <summary>A relative reference that stays inside the archive's assets folder, as a full path; null otherwise.</summary>
    private string? LocalPath(string source, string articleDirectory)
    {
        var reference = source.Split('#', '?')[0];
        if (reference.Length == 0 || reference.Contains(':') || reference.StartsWith('/') || reference.StartsWith('\\')) return null;
        string path;
        try { path = Path.GetFullPath(Path.Combine(articleDirectory, Uri.UnescapeDataString(reference))); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return null; }
        return path.StartsWith(_assets, StringComparison.Ordinal) ? path : null;
    }

    private static EpubImage? Load(string path)
    {
        byte[] content;
        try
        {
            if (new FileInfo(path) is not { Exists: true, Length: > 0 and <= ImageLocalizer.MaxImageBytes }) return null;
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var mediaType = ImageFormat.Extension(content) switch
        {
            "jpg" => "image/jpeg",
            "png" => "image/png",
            "gif" => "image/gif",
            _ => null,
        };
        if (mediaType is null) return null;
        var name = Convert.ToHexStringLower(SHA256.HashData(content))[..32];
        // Read again when the book is written, rather than held: a week's digest can carry hundreds of pictures.
        return new EpubImage($"images/{name}.{mediaType[6..].Replace("jpeg", "jpg")}", mediaType, path);
    }
}
