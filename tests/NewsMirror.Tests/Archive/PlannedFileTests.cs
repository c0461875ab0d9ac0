using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public sealed class PlannedFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsmirror-planned-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PlannedFile Planned(long id, string name) =>
        new(id, name, Encoding.UTF8.GetBytes($"article {id}"), new NewArticle(new ArticleRecord(null, $"title {id}", $"https://news.example/{id}", "<p>body</p>"), null, null));

    private string[] Entries() => Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void CreateAll_creates_every_free_name_and_never_replaces_a_taken_one()
    {
        File.WriteAllText(Path.Combine(_directory, "2.md"), "another writer's file");
        PlannedFile[] files = [Planned(3, "3.md"), Planned(2, "2.md"), Planned(1, "1.md")];

        var created = PlannedFile.CreateAll(_directory, files);

        Assert.Equal([true, false, true], created);
        Assert.Equal("article 3", File.ReadAllText(Path.Combine(_directory, "3.md")));
        Assert.Equal("another writer's file", File.ReadAllText(Path.Combine(_directory, "2.md")));
        Assert.Equal("article 1", File.ReadAllText(Path.Combine(_directory, "1.md")));
        Assert.Equal(["1.md", "2.md", "3.md"], Entries());
    }

    [Fact]
    public void A_failure_keeps_the_files_before_it_names_none_after_it_and_leaves_no_temp_file()
    {
        // A folder where the third file should go: its data is flushed, but it cannot take the name.
        Directory.CreateDirectory(Path.Combine(_directory, "3.md"));
        PlannedFile[] files = [Planned(5, "5.md"), Planned(4, "4.md"), Planned(3, "3.md"), Planned(2, "2.md"), Planned(1, "1.md")];

        Assert.ThrowsAny<IOException>(() => PlannedFile.CreateAll(_directory, files));

        Assert.Equal(["3.md", "4.md", "5.md"], Entries());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_directory, "3.md")));
    }
}
