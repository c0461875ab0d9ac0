using System.Collections.Concurrent;

namespace NewsMirror.Publishing.Site;

/// <summary>What a feed entry shows of its article file: the original link and the sanitized body.</summary>
internal sealed record FeedBody(string Link, string SanitizedBody);

/// <summary>
/// The sanitized bodies of the Atom feeds' entries, carried from one build to the next in
/// <c>&lt;out&gt;/.newsmirror/feed-bodies.bin</c>. Every feed holds its newest entries with full bodies, so a build that
/// changes a feed would otherwise read and sanitize all of them again (about ten feeds of 50 entries, most of them
/// unchanged). Keyed by the content hash of the article file, so an edited file is sanitized afresh, and tied to the
/// layout key, so a new version of the renderer or sanitizer starts over. Safe to call from several threads.
/// </summary>
internal sealed class FeedBodies(SiteContext site)
{
    private const string FileName = "feed-bodies.bin";
    private const string Header = "newsmirror-site feed-bodies 1";

    private readonly HashSet<UInt128> _entries = [];
    private readonly Lazy<Dictionary<UInt128, FeedBody>> _previous = new(() => Load(site));
    private readonly ConcurrentDictionary<UInt128, FeedBody> _used = new();

    /// <summary>Notes a feed's entries (rendered or not), so that <see cref="Save"/> keeps the bodies of every feed.</summary>
    public void Expect(IEnumerable<SiteArticle> entries)
    {
        lock (_entries) _entries.UnionWith(entries.Select(e => e.ContentHash));
    }

    /// <summary>Null when the file can no longer be read as an article (then nothing is kept for it).</summary>
    public FeedBody? Of(SiteArticle entry)
    {
        if (_used.TryGetValue(entry.ContentHash, out var body) || _previous.Value.TryGetValue(entry.ContentHash, out body))
            return _used[entry.ContentHash] = body;
        if (ArticlePage.ReadRecord(site, entry) is not { } record) return null;
        return _used[entry.ContentHash] = new FeedBody(record.Link, BodySanitizer.Sanitize(record.Body));
    }

    /// <summary>The sanitized body of an article file this build's feeds already hold, so its page need not sanitize it again.</summary>
    public string? SanitizedIfKnown(SiteArticle article) => _used.GetValueOrDefault(article.ContentHash)?.SanitizedBody;

    /// <summary>Writes the bodies of the current feeds' entries when a feed was rendered; otherwise the file stays as it is.</summary>
    public void Save()
    {
        if (!_previous.IsValueCreated) return;
        var kept = _entries.Select(hash => (Hash: hash, Body: _used.GetValueOrDefault(hash) ?? _previous.Value.GetValueOrDefault(hash)))
            .Where(entry => entry.Body is not null)
            .ToList();
        var directory = SiteManifest.DirectoryOf(site.Options.OutputDirectory);
        Directory.CreateDirectory(directory);
        SiteManifest.Write(Path.Combine(directory, FileName), Header, kept, (writer, entry) =>
        {
            SiteManifest.WriteHash(writer, entry.Hash);
            SiteManifest.WriteHash(writer, site.LayoutKey);
            writer.Write(entry.Body!.Link);
            writer.Write(entry.Body.SanitizedBody);
        });
    }

    private static Dictionary<UInt128, FeedBody> Load(SiteContext site)
    {
        var bodies = new Dictionary<UInt128, FeedBody>();
        SiteManifest.Read(Path.Combine(SiteManifest.DirectoryOf(site.Options.OutputDirectory), FileName), Header, reader =>
        {
            var hash = SiteManifest.ReadHash(reader);
            var layoutKey = SiteManifest.ReadHash(reader);
            var body = new FeedBody(reader.ReadString(), reader.ReadString());
            if (layoutKey == site.LayoutKey) bodies[hash] = body;
        });
        return bodies;
    }
}
