using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Archive.Layouts.Jekyll;
using NewsMirror.Publishing.Site;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive.Layouts;

public class ArchiveLayoutTests
{
    [Theory]
    [InlineData(ArchiveLayout.Duty, typeof(DutyMachineLayout))]
    [InlineData(ArchiveLayout.Jekyll, typeof(JekyllLayout))]
    public void Each_setting_has_its_own_layout(ArchiveLayout setting, Type implementation)
    {
        var layout = ArchiveLayouts.Of(setting);
        Assert.IsType(implementation, layout);
        Assert.Equal(setting, layout.Setting);
    }

    [Fact]
    public void Each_layout_keeps_articles_in_its_own_folder()
    {
        var paths = new ArchivePaths("/archive");
        Assert.Equal(Path.Combine(paths.Root, "articles", "rfi"), DutyMachineLayout.Instance.ArticlesFolder(paths, "rfi"));
        Assert.Equal(Path.Combine(paths.Root, "_posts"), JekyllLayout.Instance.ArticlesFolder(paths, "rfi"));

        Assert.True(DutyMachineLayout.Instance.IsArticlePath("articles/rfi/1048574.md"));
        Assert.False(DutyMachineLayout.Instance.IsArticlePath("_posts/2024-03-26-title.md"));
        Assert.True(JekyllLayout.Instance.IsArticlePath("_posts/2024-03-26-title.md"));
        Assert.False(JekyllLayout.Instance.IsArticlePath("articles/rfi/1048574.md"));
        Assert.False(DutyMachineLayout.Instance.IsArticlePath("assets/rfi/0a1b.jpg"));
    }

    [Fact]
    public void Only_duty_machine_file_names_hold_ids()
    {
        Assert.Equal(1046239, DutyMachineLayout.Instance.FileId("1046239_德国前总理施密特的艺术收藏 .md"));
        Assert.Null(DutyMachineLayout.Instance.FileId("007.md"));
        Assert.Null(JekyllLayout.Instance.FileId("2024-03-26-title.md"));
        Assert.True(JekyllLayout.Instance.IsArticleFileName("2024-03-26-title.md"));
        Assert.False(JekyllLayout.Instance.IsArticleFileName(".2024-03-26-title.md.tmp"));
    }

    [Fact]
    public void Jekyll_list_pages_link_posts_with_the_link_destination_escaped()
    {
        var page = JekyllLayout.Instance.RenderList("法广", [new ListEntry(1711442701000, "标题", "rfi", "2024-03-26-a (b) <c> 100%.md")]);
        Assert.Equal("法广\n------\n\n3-26 [标题](/_posts/2024-03-26-a%20%28b%29%20%3Cc%3E%20100%25.md)\n\n", page);
    }

    /// <summary>
    /// The site lists the files the archive counts as articles, by the same rule: ids are written without leading
    /// zeros, so <c>007.md</c> would be a second file for id 7 that runs, the log and the catalog never see.
    /// </summary>
    [Fact]
    public void The_site_lists_exactly_the_files_the_archive_counts_as_articles()
    {
        using var archive = new TempFolder();
        var folder = archive.Combine("articles", "rfi");
        Directory.CreateDirectory(folder);
        string[] names = ["7.md", "007.md", "1046239_ title .md", "README.md", "1234567890123456789.md", ".1048574.md.tmp", "01_title.md"];
        foreach (var name in names) File.WriteAllText(Path.Combine(folder, name), "");

        var listed = ArchiveScanner.Scan(archive.Path, "rfi").Select(f => f.FileName).Order(StringComparer.Ordinal);
        var counted = names.Where(n => ArticleFileName.TryParse(n, out _)).Order(StringComparer.Ordinal);
        Assert.Equal(["1046239_ title .md", "1234567890123456789.md", "7.md"], counted);
        Assert.Equal(counted, listed);
    }
}
