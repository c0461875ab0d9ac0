using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public sealed class PlannedFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsmirror-planned-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PlannedFile Planned(long id, string name) =>
        new(id, name, Encoding.UTF8.GetBytes($"article {id}"), new NewArticle(new ArticleRecord(null, $"title {id}", $"https://news.example/{id}", "<p>body</p>"), null, null));

    private bool[] CreateAll(IReadOnlyList<PlannedFile> files) => PlannedFile.CreateAll(_directory, files, _ => { }, FileSystemDurability.Instance);

    private string[] Entries() => Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void CreateAll_creates_every_free_name_and_never_replaces_a_taken_one()
    {
        File.WriteAllText(Path.Combine(_directory, "2.md"), "another writer's file");
        PlannedFile[] files = [Planned(3, "3.md"), Planned(2, "2.md"), Planned(1, "1.md")];

        var created = CreateAll(files);

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

        Assert.ThrowsAny<IOException>(() => CreateAll(files));

        Assert.Equal(["3.md", "4.md", "5.md"], Entries());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_directory, "3.md")));
    }

    [Fact]
    public void The_batch_is_durable_before_it_is_logged_and_logged_before_any_file_has_its_name()
    {
        PlannedFile[] files = [Planned(3, "3.md"), Planned(2, "2.md"), Planned(1, "1.md")];
        var steps = new List<string>();
        var durability = new RecordingDurability(temps =>
        {
            // Every file's data is written, under hidden names only.
            Assert.Equal(files.Select(f => $"article {f.Id}").Order(), temps.Select(File.ReadAllText).Order());
            Assert.All(temps, t => Assert.True(AtomicFile.IsTempFile(t)));
            Assert.Equal(temps.Select(Path.GetFileName).Order(StringComparer.Ordinal), Entries());
            steps.Add("durable");
        });

        var created = PlannedFile.CreateAll(_directory, files, written =>
        {
            Assert.Equal(files, written);
            Assert.DoesNotContain(Entries(), e => e.EndsWith(".md", StringComparison.Ordinal));
            steps.Add("logged");
        }, durability);

        Assert.Equal(["durable", "logged"], steps);
        Assert.Equal([true, true, true], created);
        Assert.Equal(["1.md", "2.md", "3.md"], Entries());
    }

    [Fact]
    public void When_the_batch_cannot_be_made_durable_nothing_is_logged_named_or_left_behind()
    {
        PlannedFile[] files = [Planned(2, "2.md"), Planned(1, "1.md")];
        var logged = false;

        var failure = Assert.Throws<IOException>(() => PlannedFile.CreateAll(_directory, files, _ => logged = true,
            new RecordingDurability(_ => throw new IOException("Input/output error"))));

        Assert.Equal("Input/output error", failure.Message);
        Assert.False(logged);
        Assert.Empty(Entries());
    }

    [Fact]
    public void When_the_log_append_fails_no_file_gets_its_name_and_no_temp_file_is_left()
    {
        PlannedFile[] files = [Planned(2, "2.md"), Planned(1, "1.md")];

        Assert.Throws<IOException>(() => PlannedFile.CreateAll(_directory, files, _ => throw new IOException("No space left on device"),
            FileSystemDurability.Instance));

        Assert.Empty(Entries());
    }
}
