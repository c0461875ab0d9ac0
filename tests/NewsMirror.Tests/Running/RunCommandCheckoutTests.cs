using NewsMirror.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`run` and `watch` refuse to archive into NewsMirror's own source repository.</summary>
public class RunCommandCheckoutTests
{
    [Theory]
    [InlineData("run", "")]
    [InlineData("run", "articles")]
    [InlineData("watch", "")]
    public async Task Refuses_the_checkout_and_folders_inside_it(string command, string below)
    {
        using var checkout = new TempFolder();
        FakeCheckout.Create(checkout.Path);
        var archive = Path.Combine(checkout.Path, below).TrimEnd('/');
        var before = Directory.GetFileSystemEntries(checkout.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var result = await CliProcess.RunAsync(checkout.Path, command, "--archive", archive);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"refusing to archive into {archive}", result.Stderr);
        Assert.Contains("NewsMirror's own source repository", result.Stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(checkout.Path, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Equal("# NewsMirror\n", File.ReadAllText(checkout.Combine("README.md")));
    }

    [Fact]
    public void A_folder_with_only_one_of_the_marks_is_no_checkout()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("NewsMirror.slnx"), "<Solution />\n");

        Assert.Null(SourceCheckout.Enclosing(temp.Path));
        FakeCheckout.Create(temp.Path);
        Assert.Equal(temp.Path, SourceCheckout.Enclosing(temp.Combine("src", "NewsMirror")));
    }
}
