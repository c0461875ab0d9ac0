using NewsMirror.Archive;
using NewsMirror.Identity;
using NewsMirror.Publishing.Site;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Site;

/// <summary>
/// A <see cref="TestArchive"/> in a real git repository whose articles are archived and revised as a run does it: the
/// file written (or rewritten, for <c>on-change: update</c>), a line appended to the folder's identity log, a commit.
/// </summary>
internal sealed class RevisedArchive : IDisposable
{
    private readonly TestGit _git = new();

    public RevisedArchive()
    {
        _git.Run(Archive.Root, "init", "--quiet", "--initial-branch=main");
    }

    public TestArchive Archive { get; } = new();

    public List<SiteRemoval> Removals { get; } = [];

    private ArchivePaths Paths => new(Archive.Root);

    public void AddSource(string name, string folder) => Archive.AddSource(name, folder);

    /// <summary>A new article, as archived at <paramref name="at"/>.</summary>
    public void Add(string folder, long id, string title, string body, DateTimeOffset at)
    {
        var record = new ArticleRecord(TestArchive.BaseMs, title, Link(folder, id), body);
        Archive.Write(folder, id, title, body, record.TimestampMs, record.Link);
        Log(folder, new IdentityLogEntry(id, $"{id}.md", null, record.Link, title, record.TimestampMs, at) { Hash = ContentHash.Of(record) });
        Commit($"archive {folder}/{id}");
    }

    /// <summary>The source's new version written over the file (<c>on-change: update</c>).</summary>
    public void Update(string folder, long id, string title, string body, DateTimeOffset at)
    {
        var record = new ArticleRecord(TestArchive.BaseMs, title, Link(folder, id), body);
        Archive.Write(folder, id, title, body, record.TimestampMs, record.Link);
        Log(folder, new IdentityLogEntry(id, $"{id}.md", null, record.Link, title, record.TimestampMs, at)
        {
            Hash = ContentHash.Of(record),
            Change = IdentityLogEntry.Changes.Update,
        });
        Commit($"update {folder}/{id}");
    }

    /// <summary>A revision noticed but not written (<c>on-change: ignore</c>): only the log learns the new title.</summary>
    public void Ignore(string folder, long id, string newTitle, DateTimeOffset at)
    {
        Log(folder, new IdentityLogEntry(id, $"{id}.md", null, Link(folder, id), newTitle, TestArchive.BaseMs, at)
        {
            Change = IdentityLogEntry.Changes.Ignore,
        });
        Commit($"revision of {folder}/{id} noticed");
    }

    public SiteBuildReport Build() => SiteBuilder.Build(Archive.Options() with { Removals = Removals.ToList() });

    public static string Link(string folder, long id) => $"https://example.org/{folder}/{id}";

    private void Log(string folder, IdentityLogEntry entry) => IdentityLog.Append(Paths.IdentityLog(folder), [entry]);

    private void Commit(string message)
    {
        _git.Run(Archive.Root, "add", "-A", "articles", ".newsmirror");
        _git.Run(Archive.Root, "commit", "--quiet", "-m", message);
    }

    public void Dispose()
    {
        Archive.Dispose();
        _git.Dispose();
    }
}
