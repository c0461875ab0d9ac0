using System.Diagnostics;
using System.Text.Json;

namespace NewsMirror.Tests.Evidence.Warc;

/// <summary>
/// Reads WARC files with webrecorder's warcio (npm), an implementation independent of NewsMirror's: the script in
/// <c>reader/</c> parses every record and recomputes every digest. Needs node and <c>npm ci</c> in that folder
/// (.ci/run does both); without them the calling test fails, saying so.
/// </summary>
public static class WarcioCheck
{
    public sealed record Record(string Type, string Id, string? Uri, int? Status, IReadOnlyList<string> ConcurrentTo, string? Warcinfo);

    public sealed record Report(IReadOnlyDictionary<string, IReadOnlyList<Record>> Files, IReadOnlyList<string> Problems, string Json);

    public static string ReaderFolder { get; } = FindReaderFolder();

    /// <summary>Every <c>*.warc.gz</c> under <paramref name="folder"/> (none: an empty report).</summary>
    public static Report Folder(string folder) =>
        Directory.Exists(folder)
            ? Files(Directory.GetFiles(folder, "*.warc.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray())
            : new Report(new Dictionary<string, IReadOnlyList<Record>>(), [], "{}");

    public static Report Files(params string[] files)
    {
        if (files.Length == 0) return new Report(new Dictionary<string, IReadOnlyList<Record>>(), [], "{}");
        var warcio = Path.Combine(ReaderFolder, "node_modules", "warcio", "package.json");
        Assert.True(File.Exists(warcio), $"warcio is not installed: run 'npm ci' in {ReaderFolder} (.ci/run does)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = ReaderFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check-warc.mjs");
        foreach (var file in files) start.ArgumentList.Add(file);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new Xunit.Sdk.XunitException($"node is not installed (needed to read WARC files with warcio): {e.Message}"); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode is 0 or 1, $"check-warc.mjs exited {process.ExitCode}: {stdout}{stderr.Result}");
            using var json = JsonDocument.Parse(stdout);
            var parsed = new Dictionary<string, IReadOnlyList<Record>>();
            foreach (var file in json.RootElement.GetProperty("files").EnumerateArray())
                parsed[file.GetProperty("file").GetString()!] = file.GetProperty("records").EnumerateArray().Select(ToRecord).ToList();
            var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            return new Report(parsed, problems, stdout);
        }
    }

    private static Record ToRecord(JsonElement r) => new(
        r.GetProperty("type").GetString()!,
        r.GetProperty("id").GetString()!,
        r.GetProperty("uri").GetString(),
        r.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32()
            : r.TryGetProperty("status", out status) && status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), out var s) ? s : null,
        r.GetProperty("concurrentTo").EnumerateArray().Select(c => c.GetString()!).ToList(),
        r.GetProperty("warcinfo").GetString());

    private static string FindReaderFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "NewsMirror.Tests", "Evidence", "Warc", "reader");
            if (File.Exists(Path.Combine(candidate, "check-warc.mjs"))) return candidate;
        }
        throw new InvalidOperationException($"tests/NewsMirror.Tests/Evidence/Warc/reader not found above {AppContext.BaseDirectory}");
    }
}
