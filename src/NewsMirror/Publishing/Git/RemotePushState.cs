using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// The last push to each remote, for <c>status</c>: kept in the repository's git folder
/// (<c>.git/newsmirror/remotes.json</c>), which is never committed, never shows as an untracked file, and belongs
/// with the remotes it describes.
/// </summary>
public static class RemotePushState
{
    /// <summary>A remote as last pushed to (at <see cref="Time"/>): <see cref="Holds"/> is the last commit it took, null if none yet.</summary>
    public sealed record Entry(string Remote, string Branch, DateTimeOffset Time, bool Pushed, string? Holds, string? Error, DateTimeOffset? LastPushed);

    /// <summary>What <c>status</c> shows of a remote: its last push, and whether HEAD holds commits it has not got.</summary>
    public sealed record Remote(Entry Last, bool Behind);

    private const string FileName = "newsmirror/remotes.json";

    /// <summary>Merges these outcomes into the file: a remote not pushed to this time keeps its entry.</summary>
    public static async Task RecordAsync(GitRepository git, IReadOnlyList<PushResult> results, string head, DateTimeOffset now, CancellationToken cancel)
    {
        var path = Path.Combine(await git.GitDirectoryAsync(cancel), FileName);
        var entries = Read(path).ToDictionary(e => e.Remote, StringComparer.Ordinal);
        foreach (var r in results)
        {
            var before = entries.GetValueOrDefault(r.Remote);
            entries[r.Remote] = r.Pushed
                ? new Entry(r.Remote, r.Branch, now, true, head, null, now)
                : new Entry(r.Remote, r.Branch, now, false, before?.Holds, r.Error, before?.LastPushed);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = JsonSerializer.Serialize(entries.Values.OrderBy(e => e.Remote, StringComparer.Ordinal).ToList(), RemotePushJson.Default.ListEntry);
        Archive.AtomicFile.WriteAllText(path, json + "\n");
    }

    /// <summary>Each remote pushed to, with whether HEAD has moved past what it holds; empty outside a git working tree or before any push.</summary>
    public static async Task<IReadOnlyList<Remote>> ReadAsync(string archiveRoot, CancellationToken cancel)
    {
        var git = new GitRepository(archiveRoot);
        try
        {
            if (!await git.IsWorkTreeAsync(cancel)) return [];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return []; // no git installed: nothing was ever pushed from here
        }
        var entries = Read(Path.Combine(await git.GitDirectoryAsync(cancel), FileName));
        if (entries.Count == 0) return [];
        var head = await git.RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancel: cancel) is { Ok: true } r ? r.Stdout.Trim() : null;
        return entries.Select(e => new Remote(e, head != e.Holds)).ToList();
    }

    private static List<Entry> Read(string path)
    {
        if (!File.Exists(path)) return [];
        try { return JsonSerializer.Deserialize(File.ReadAllText(path), RemotePushJson.Default.ListEntry) ?? []; }
        catch (JsonException) { return []; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<RemotePushState.Entry>))]
internal sealed partial class RemotePushJson : JsonSerializerContext;
