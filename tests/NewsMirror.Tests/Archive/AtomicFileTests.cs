using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("newsmirror-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Entries() => Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void WriteAllText_writes_UTF8_without_BOM_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_directory, "德国之声.md");

        AtomicFile.WriteAllText(path, "德国之声\n------\n\n");

        Assert.Equal(Encoding.UTF8.GetBytes("德国之声\n------\n\n"), File.ReadAllBytes(path));
        Assert.Equal(["德国之声.md"], Entries());
    }

    [Fact]
    public void WriteAllBytes_replaces_an_existing_file()
    {
        var path = Path.Combine(_directory, "README.md");
        File.WriteAllText(path, "old and longer content");

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal("new"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["README.md"], Entries());
    }

    [Fact]
    public void WriteAllBytes_deletes_its_temp_file_and_rethrows_when_the_move_fails()
    {
        var path = Path.Combine(_directory, "taken");
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, "x"u8));
        Assert.Equal(["taken"], Entries());
    }

    [Fact]
    public void Writing_into_a_missing_folder_throws_and_creates_nothing()
    {
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllBytes(Path.Combine(_directory, "missing", "a.md"), "x"u8));
        Assert.Empty(Entries());
    }

    [Fact]
    public void TryCreateNew_creates_a_file_that_does_not_exist()
    {
        var path = Path.Combine(_directory, "999999.md");

        Assert.True(AtomicFile.TryCreateNew(path, "article"u8));

        Assert.Equal("article"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["999999.md"], Entries());
    }

    [Fact]
    public void TryCreateNew_never_replaces_an_existing_file()
    {
        var path = Path.Combine(_directory, "1000000.md");
        File.WriteAllText(path, "first");

        Assert.False(AtomicFile.TryCreateNew(path, "second"u8));

        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal(["1000000.md"], Entries());
    }

    [Fact]
    public void TryCreateNew_over_a_folder_of_that_name_throws_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_directory, "1048575.md");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.TryCreateNew(path, "article"u8));

        Assert.Equal(["1048575.md"], Entries());
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }

    [Fact]
    public void Of_concurrent_TryCreateNew_calls_for_one_name_exactly_one_wins()
    {
        var path = Path.Combine(_directory, "1048574.md");
        var payloads = Enumerable.Range(0, 16).Select(i => Encoding.UTF8.GetBytes($"writer {i}")).ToArray();
        var won = new bool[payloads.Length];

        Parallel.For(0, payloads.Length, i => won[i] = AtomicFile.TryCreateNew(path, payloads[i]));

        Assert.Single(won, w => w);
        Assert.Equal(payloads[Array.IndexOf(won, true)], File.ReadAllBytes(path));
        Assert.Equal(["1048574.md"], Entries());
    }
}
