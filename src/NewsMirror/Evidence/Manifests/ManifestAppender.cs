using System.Text;
using System.Text.Json;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Manifests;

/// <summary>
/// Appends the line of one commit: the files it adds or changes with their sha256, the WARC files that changed since
/// they were last listed, the time, and the hash of the line before (continuing across month files). The month file
/// is replaced atomically, so a kill leaves it with or without the whole line, never half of it.
/// </summary>
public static class ManifestAppender
{
    /// <summary>How many month files back the last listing of a WARC file is looked for (captures roll over daily).</summary>
    private const int MonthsSearchedForWarc = 2;

    /// <param name="files">Paths relative to the archive root; manifest files and files no longer there are left out.</param>
    /// <returns>The month file written, relative to the archive root.</returns>
    public static string Append(ArchivePaths paths, IEnumerable<string> files, DateTimeOffset now)
    {
        var months = ManifestFiles.InOrder(paths);
        var recent = months.TakeLast(MonthsSearchedForWarc).SelectMany(ManifestRecord.ReadFile).ToList();
        var previous = recent.Count > 0 ? recent[^1] : LastOfEarlierMonths(months);
        var line = new ManifestLine(
            previous?.Hash,
            now.ToUniversalTime(),
            files.Where(f => !ManifestFiles.IsManifestPath(f)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Where(f => File.Exists(Path.Combine(paths.Root, f)))
                .Select(f => new ManifestFileHash(f, Sha256Hex.OfFile(Path.Combine(paths.Root, f))))
                .ToList(),
            ChangedWarcFiles(paths, recent));

        // Months follow the clock, but never go back: after a clock jump backwards the chain stays in the latest file.
        var name = ManifestFiles.MonthName(now);
        if (months.Count > 0 && string.CompareOrdinal(Path.GetFileName(months[^1]), name) > 0) name = Path.GetFileName(months[^1]);
        var target = Path.Combine(ManifestFiles.Folder(paths), name);
        var existing = File.Exists(target) ? File.ReadAllBytes(target) : [];
        var text = new List<byte>(existing);
        if (existing.Length > 0 && existing[^1] != '\n') text.Add((byte)'\n');
        text.AddRange(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, ManifestJson.Relaxed.ManifestLine)));
        text.Add((byte)'\n');
        Directory.CreateDirectory(ManifestFiles.Folder(paths));
        AtomicFile.WriteAllBytes(target, text.ToArray());
        return paths.Relative(target);
    }

    /// <summary>When the recent month files hold no line (they cannot be empty, but one may be hand-emptied): the last line of the others.</summary>
    private static ManifestRecord? LastOfEarlierMonths(IReadOnlyList<string> months) =>
        months.Reverse().Select(m => ManifestRecord.ReadFile(m).LastOrDefault()).FirstOrDefault(r => r is not null);

    /// <summary>
    /// WARC files (committed or git-ignored) not listed in the recent lines or written since the line that last listed
    /// them, and whose hash differs from that listing. Files untouched since their listing are not hashed again.
    /// </summary>
    private static List<ManifestFileHash> ChangedWarcFiles(ArchivePaths paths, IReadOnlyList<ManifestRecord> recent)
    {
        var folder = Path.Combine(paths.Root, ManifestFiles.WarcFolderName);
        if (!Directory.Exists(folder)) return [];
        var listed = new Dictionary<string, (string Sha256, DateTimeOffset Time)>(StringComparer.Ordinal);
        foreach (var record in recent)
            foreach (var warc in record.Line?.Warc ?? [])
                listed[warc.Path] = (warc.Sha256, record.Line!.Time);
        var changed = new List<ManifestFileHash>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (AtomicFile.IsTempFile(file)) continue;
            var relative = paths.Relative(file);
            if (listed.TryGetValue(relative, out var last) && File.GetLastWriteTimeUtc(file) < last.Time.UtcDateTime) continue;
            var hash = Sha256Hex.OfFile(file);
            if (last.Sha256 != hash) changed.Add(new ManifestFileHash(relative, hash));
        }
        return changed;
    }
}
