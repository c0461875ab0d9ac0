using NewsMirror.Archive;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Archive;

public class FileSystemDurabilityTests
{
    [Fact]
    public void Every_file_of_the_batch_is_flushed_and_left_as_written()
    {
        using var folder = new TempFolder();
        var files = Enumerable.Range(0, 20).Select(i => folder.Combine($"{i}.tmp")).ToList();
        foreach (var file in files) File.WriteAllText(file, $"data {file}");

        FileSystemDurability.Instance.MakeDurable(files);

        Assert.All(files, f => Assert.Equal($"data {f}", File.ReadAllText(f)));
    }

    [Fact]
    public void A_file_that_is_gone_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("gone.tmp");

        var failure = Assert.ThrowsAny<IOException>(() => FileSystemDurability.FlushEach([missing]));
        Assert.Contains(missing, failure.Message);
    }
}
