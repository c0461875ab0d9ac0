using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Identity;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive.Layouts.DutyMachine;

public class ArticleFileWriterTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 26, 12, 0, 0, TimeSpan.Zero);

    private static NewArticle Article(int n) =>
        new(new ArticleRecord(1711454400000 + n, $"标题 {n}", $"https://news.example/{n}", $"<p>正文 {n}</p>"), $"guid-{n}", null);

    /// <summary>
    /// What a crash of the machine may keep: the identity log must never name a file whose data could still be lost, so
    /// the batch's data is durable before its log lines are written, and no article file has its name before them.
    /// </summary>
    [Fact]
    public void A_batch_is_made_durable_before_the_identity_log_names_it_and_named_after()
    {
        using var archive = new TempFolder();
        var paths = new ArchivePaths(archive.Path);
        var folder = ArchiveFolder.Load(paths, "rfi");
        var log = paths.IdentityLog("rfi");
        NewArticle[] articles = [Article(1), Article(2), Article(3)];
        var durability = new RecordingDurability(temps =>
        {
            Assert.False(File.Exists(log) && IdentityLog.Read(log).Count > 0, "the log names files before their data is durable");
            Assert.DoesNotContain(Directory.GetFiles(folder.Path), f => !AtomicFile.IsTempFile(f));
            Assert.Equal(articles.Length, temps.Count);
        });

        var written = ArticleFileWriter.Write(paths, folder, articles, Now, new SourceWarnings(), durability);

        Assert.Equal(1, durability.Calls);
        Assert.Equal(written.Select(s => s.File), IdentityLog.Read(log).Select(e => e.File));
        foreach (var (stored, article) in written.Zip(articles))
            Assert.Equal(ArticleFile.Render(article.Record), File.ReadAllText(Path.Combine(folder.Path, stored.File)));
        Assert.DoesNotContain(Directory.GetFiles(folder.Path), AtomicFile.IsTempFile);
    }
}
