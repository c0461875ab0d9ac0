using System.Globalization;
using System.Text;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Epub;

/// <summary>What a digest holds: per source (display name), the titles in book order.</summary>
public sealed record EpubDigestReport(
    string Path,
    string Identifier,
    IReadOnlyList<(string Source, IReadOnlyList<string> Titles)> Sources,
    int Images,
    IReadOnlyList<string> Unreadable)
{
    public int Articles => Sources.Sum(s => s.Titles.Count);
}

/// <summary>
/// Writes an EPUB 3 digest of a period's articles: a table of contents per source, one XHTML content document per
/// article, the images localized into the archive. The same catalog, options and files give the same bytes.
/// </summary>
public static class EpubDigest
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The default file name: <c>newsmirror-YYYY-MM-DD.epub</c>, the period's last China-time day.</summary>
    public static string DefaultFileName(EpubDigestOptions options) =>
        $"newsmirror-{options.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.epub";

    public static EpubDigestReport Write(ArchiveCatalog catalog, EpubDigestOptions options, string path)
    {
        var (sections, unreadable) = DigestArticles.Select(catalog, options);
        var images = new EpubImages(catalog.Paths.Root);
        var files = new List<(string Path, byte[] Content)>();
        var items = new List<ManifestItem>();
        var toc = new List<(string Source, IReadOnlyList<TocEntry> Entries)>();
        foreach (var section in sections)
        {
            var entries = new List<TocEntry>();
            foreach (var article in section.Articles)
            {
                var id = $"a{items.Count + 1:D4}";
                var href = id + ".xhtml";
                var document = ContentDocument.Render(article, options.LanguageOf(article.Row.Folder), images);
                files.Add((href, Utf8.GetBytes(document)));
                items.Add(new ManifestItem(id, href, "application/xhtml+xml", InSpine: true));
                entries.Add(new TocEntry(href, article.Record.Title));
            }
            toc.Add((section.Name, entries));
        }
        TocEntry? empty = null;
        if (items.Count == 0)
        {
            empty = new TocEntry("empty.xhtml", "没有文章");
            files.Add((empty.Href, Utf8.GetBytes(ContentDocument.RenderEmpty(options))));
            items.Add(new ManifestItem("empty", empty.Href, "application/xhtml+xml", InSpine: true));
        }

        var title = Title(options, sections);
        files.Add((NavDocument.Href, Utf8.GetBytes(NavDocument.Render(options, title, toc, empty))));
        files.Add((XhtmlDocument.Stylesheet, Utf8.GetBytes(XhtmlDocument.StylesheetContent)));
        items.Add(new ManifestItem("css", XhtmlDocument.Stylesheet, "text/css", InSpine: false));
        var pictures = images.All.OrderBy(i => i.Href, StringComparer.Ordinal).ToList();
        foreach (var image in pictures)
        {
            items.Add(new ManifestItem("img-" + System.IO.Path.GetFileNameWithoutExtension(image.Href), image.Href, image.MediaType, InSpine: false));
        }

        var identifier = EpubIdentifier.For(options);
        var languages = sections.SelectMany(s => s.Articles).Select(a => options.LanguageOf(a.Row.Folder)).Prepend(options.Language).Distinct(StringComparer.Ordinal).ToList();
        var package = PackageDocument.Render(identifier, title, languages, Modified(options, sections), Description(options), items);
        EpubContainer.Write(path, package, files.Concat(pictures.Select(i => (i.Href, File.ReadAllBytes(i.SourcePath)))), Modified(options, sections));
        return new EpubDigestReport(path, identifier,
            toc.Select(s => (s.Source, (IReadOnlyList<string>)s.Entries.Select(e => e.Title).ToList())).ToList(),
            images.All.Count, unreadable);
    }

    private static string Title(EpubDigestOptions options, List<DigestSection> sections)
    {
        var day = options.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = options.Source is null ? "" : " · " + (sections.FirstOrDefault()?.Name ?? options.Source);
        return $"{options.Title} {day}{source}";
    }

    private static string Description(EpubDigestOptions options) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{options.Since.UtcDateTime:yyyy-MM-dd HH:mm} – {options.Until.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    /// <summary>The newest article's time (the end of the period when there is none): a later run over the same articles changes nothing.</summary>
    private static DateTimeOffset Modified(EpubDigestOptions options, List<DigestSection> sections)
    {
        var newest = sections.SelectMany(s => s.Articles)
            .Select(a => a.Row.Archived?.ToUnixTimeMilliseconds() ?? a.TimeMs ?? 0)
            .DefaultIfEmpty(options.Until.ToUnixTimeMilliseconds())
            .Max();
        var time = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(newest, options.Until.ToUnixTimeMilliseconds()));
        return new DateTimeOffset(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
