namespace NewsMirror.Tests.Support;

/// <summary>A folder laid out like NewsMirror's source repository, as far as <c>SourceCheckout</c> looks.</summary>
public static class FakeCheckout
{
    public static void Create(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "src", "NewsMirror"));
        File.WriteAllText(Path.Combine(root, "NewsMirror.slnx"), "<Solution />\n");
        File.WriteAllText(Path.Combine(root, "src", "NewsMirror", "NewsMirror.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        File.WriteAllText(Path.Combine(root, "README.md"), "# NewsMirror\n");
    }
}
