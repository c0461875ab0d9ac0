using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// An archive folder with a sibling folder standing for "everything outside the archive", so a test can
/// prove a run wrote nothing beside the archive and changed no article it had before.
/// </summary>
public sealed class ReliabilityArchive : IDisposable
{
    private readonly TempFolder _parent = new();

    public ReliabilityArchive()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "not for the archive\n");
    }

    public string Root => _parent.Combine("archive");
    public string Outside => _parent.Combine("outside");

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Writes newsmirror.yml; each source is (name = folder, url, extra YAML lines indented by four spaces).</summary>
    public void WriteSources(params (string Folder, string Url, string Extra)[] sources)
    {
        var yaml = new StringBuilder("sources:\n");
        foreach (var (folder, url, extra) in sources)
            yaml.Append($"  - name: {folder}\n    folder: {folder}\n    url: \"{url}\"\n    cleanup: none\n").Append(extra);
        File.WriteAllText(Combine("newsmirror.yml"), yaml.ToString());
    }

    /// <summary>Articles archived before the run under test, written in the archive format.</summary>
    public void Seed(string folder, int count)
    {
        var directory = Directory.CreateDirectory(Combine("articles", folder)).FullName;
        for (var i = 0; i < count; i++)
        {
            var record = new ArticleRecord(1_700_000_000_000 + i * 60_000L, $"{folder} 旧文 {i}", $"https://old.example/{folder}/{i}", $"<p>旧 {i}</p>");
            File.WriteAllText(Path.Combine(directory, $"{ArchiveFolder.EmptyFolderId - 1 - i}.md"), ArticleFile.Render(record));
        }
    }

    public Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(Root, ["run", .. args]);

    /// <summary>SHA-256 of every file under articles/.</summary>
    public Dictionary<string, string> ArticleHashes() => Hashes(Combine("articles"));

    /// <summary>Every file beside the archive, with its hash (the archive folder itself left out).</summary>
    public Dictionary<string, string> OutsideState() =>
        Hashes(_parent.Path).Where(p => !p.Key.StartsWith("archive" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary();

    public string[] ArticleFiles(string folder) =>
        Directory.Exists(Combine("articles", folder)) ? Directory.GetFiles(Combine("articles", folder)) : [];

    public static Dictionary<string, string> Hashes(string directory) =>
        !Directory.Exists(directory) ? [] : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The per-source objects of a <c>run --json</c> report, by folder.</summary>
    public static Dictionary<string, JsonElement> SourcesByFolder(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("folder").GetString()!, s => s.Clone());
    }

    public void Dispose() => _parent.Dispose();
}
