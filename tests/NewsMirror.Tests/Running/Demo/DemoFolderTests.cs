using NewsMirror.Running.Demo;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Demo;

public class DemoFolderTests
{
    private static readonly DateTime Time = new(2026, 3, 1, 9, 5, 7);

    [Fact]
    public void Default_is_a_new_folder_named_by_the_time_and_never_an_existing_one()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("newsmirror-demo-20260301-090507"));

        Assert.Equal(temp.Combine("newsmirror-demo-20260301-090507-2"), DemoFolder.Choose(null, temp.Path, Time));
    }

    [Fact]
    public void Default_leaves_a_NewsMirror_checkout_alone()
    {
        using var temp = new TempFolder();
        FakeCheckout.Create(temp.Path);

        var chosen = DemoFolder.Choose(null, temp.Combine("src"), Time);

        Assert.False(chosen.StartsWith(temp.Path, StringComparison.Ordinal), chosen);
    }

    [Fact]
    public void An_empty_or_missing_folder_is_taken_as_given()
    {
        using var temp = new TempFolder();

        Assert.Equal(temp.Path, DemoFolder.Choose(temp.Path, "/", Time));
        Assert.Equal(temp.Combine("new"), DemoFolder.Choose("new", temp.Path, Time));
    }
}
