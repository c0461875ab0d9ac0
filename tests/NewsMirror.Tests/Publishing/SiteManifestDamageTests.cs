using System.Text;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

/// <summary>
/// The manifest's article table and text file (<c>.newsmirror/articles.bin</c>, <c>article-texts.bin</c>) damaged or
/// cut short between builds: the next build must make the site a full build makes, never one with stale or garbled
/// titles. Each case adds a new article after the damage, so its page shows its older neighbour's title as the
/// manifest remembers it.
/// </summary>
public class SiteManifestDamageTests
{
    private static TestArchive ArchiveWithArticles()
    {
        var archive = new TestArchive();
        archive.AddSource("甲", "a");
        for (int i = 0; i < 20; i++) archive.Write("a", 1000 + i, $"文章{i}号", $"<p>正文{i}</p>", TestArchive.BaseMs - i * 3_600_000L);
        return archive;
    }

    private static string ManifestFile(TestArchive archive, string name) => archive.SitePath(Path.Combine(".newsmirror", name));

    /// <summary>Adds an article newer than all, builds, and asserts every page equals a full build's of the same archive.</summary>
    private static void AssertNextBuildEqualsFullBuild(TestArchive archive)
    {
        archive.Write("a", 999, "最新的文章", "<p>新</p>", TestArchive.BaseMs + 60_000);
        archive.Build();
        Assert.Contains("文章0号", archive.ReadSite("articles/a/999.html"));

        using var full = new TestArchive();
        SiteBuilder.Build(archive.Options() with { OutputDirectory = full.Site });
        // The search index's term files are laid out differently after an update by design (SiteIncrementalEqualsFullTests).
        var files = SiteFiles(full.Site).Where(f => !f.StartsWith("search/", StringComparison.Ordinal)).ToList();
        Assert.Equal(files, SiteFiles(archive.Site).Where(f => !f.StartsWith("search/", StringComparison.Ordinal)));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(full.Site, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(archive.Site, file))),
                $"{file} differs from a full build's");
    }

    private static List<string> SiteFiles(string site) =>
        Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith(".newsmirror/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void A_garbled_title_in_the_text_file_is_read_again_from_the_article()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var texts = ManifestFile(archive, "article-texts.bin");
        var bytes = File.ReadAllBytes(texts);
        var title = Encoding.UTF8.GetBytes("文章0号");
        int at = bytes.AsSpan().IndexOf(title);
        Assert.True(at > 0, "the title is stored in the text file");
        Encoding.UTF8.GetBytes("文章X号").CopyTo(bytes, at);
        File.WriteAllBytes(texts, bytes);

        AssertNextBuildEqualsFullBuild(archive);
        Assert.DoesNotContain("文章X号", archive.ReadSite("articles/a/999.html"));
    }

    [Fact]
    public void A_truncated_text_file_makes_the_build_read_every_article_again()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var texts = ManifestFile(archive, "article-texts.bin");
        using (var stream = new FileStream(texts, FileMode.Open, FileAccess.Write)) stream.SetLength(stream.Length / 2);

        AssertNextBuildEqualsFullBuild(archive);
    }

    [Fact]
    public void A_truncated_article_table_makes_the_build_read_every_article_again()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var table = ManifestFile(archive, "articles.bin");
        using (var stream = new FileStream(table, FileMode.Open, FileAccess.Write)) stream.SetLength(stream.Length - 40);

        AssertNextBuildEqualsFullBuild(archive);
    }

    [Fact]
    public void A_changed_byte_in_the_article_table_makes_the_build_read_every_article_again()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var table = ManifestFile(archive, "articles.bin");
        var bytes = File.ReadAllBytes(table);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(table, bytes);

        AssertNextBuildEqualsFullBuild(archive);
    }

    [Fact]
    public void A_text_file_of_another_build_is_not_used()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var texts = ManifestFile(archive, "article-texts.bin");
        var first = File.ReadAllBytes(texts);
        // A later build writes a new text file (its own generation), then the old one is put back beside the new table.
        Directory.Delete(archive.SitePath(".newsmirror"), recursive: true);
        for (int i = 0; i < 20; i++) archive.Write("a", 1000 + i, $"标题{i}改", $"<p>正文{i}</p>", TestArchive.BaseMs - i * 3_600_000L);
        archive.Build();
        File.WriteAllBytes(texts, first);

        archive.Write("a", 999, "最新的文章", "<p>新</p>", TestArchive.BaseMs + 60_000);
        archive.Build();

        Assert.Contains("标题0改", archive.ReadSite("articles/a/999.html"));
        Assert.DoesNotContain("文章0号", archive.ReadSite("articles/a/999.html"));
    }

    [Fact]
    public void New_articles_append_their_texts_and_leave_the_stored_ones_in_place()
    {
        using var archive = ArchiveWithArticles();
        archive.Build();
        var texts = ManifestFile(archive, "article-texts.bin");
        var before = File.ReadAllBytes(texts);

        archive.Write("a", 999, "最新的文章", "<p>新</p>", TestArchive.BaseMs + 60_000);
        archive.Build();

        var after = File.ReadAllBytes(texts);
        Assert.True(after.Length > before.Length);
        Assert.True(after.AsSpan(0, before.Length).SequenceEqual(before), "the stored texts were rewritten");
        Assert.Contains("最新的文章", Encoding.UTF8.GetString(after, before.Length, after.Length - before.Length));
    }
}
