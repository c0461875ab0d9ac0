using NewsMirror.Archive;

namespace NewsMirror.Evidence.Manifests;

/// <summary>
/// Checks the manifests: every line parses, every line names the hash of the one before it (across month files),
/// and every listed file still has the hash of its latest listing (older listings of a file that changed are its
/// history). Each problem names the month file and line, or the file, that breaks.
/// </summary>
public static class ManifestVerifier
{
    public static ManifestReport Run(ArchivePaths paths)
    {
        var problems = new List<ManifestProblem>();
        foreach (var stray in StrayFiles(paths))
            problems.Add(new ManifestProblem(stray, null, "not a month file (YYYY-MM.jsonl): manifests hold nothing else"));

        var latest = new Dictionary<string, (string Sha256, string Where)>(StringComparer.Ordinal);
        ManifestRecord? previous = null;
        var lines = 0;
        foreach (var record in ManifestFiles.InOrder(paths).SelectMany(ManifestRecord.ReadFile))
        {
            lines++;
            if (record.ParseError is { } error) problems.Add(new ManifestProblem(record.Where, null, error));
            else if (ChainBreak(record, previous) is { } broken) problems.Add(new ManifestProblem(record.Where, null, broken));
            foreach (var file in record.Line?.Files.Concat(record.Line.Warc) ?? [])
                latest[file.Path] = (file.Sha256, record.Where);
            previous = record;
        }

        var absent = new List<string>();
        foreach (var (path, (sha256, where)) in latest.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var full = Path.Combine(paths.Root, path);
            if (!File.Exists(full))
            {
                if (ManifestFiles.IsWarcPath(path)) absent.Add(path);
                else problems.Add(new ManifestProblem(where, path, "deleted since it was listed"));
            }
            else if (Sha256Hex.OfFile(full) != sha256)
                problems.Add(new ManifestProblem(where, path, "changed since it was listed: its sha256 no longer matches"));
        }
        return new ManifestReport(lines, latest.Count, problems, absent);
    }

    private static string? ChainBreak(ManifestRecord record, ManifestRecord? previous)
    {
        var prev = record.Line!.Prev;
        if (previous is null)
            return prev is null ? null : "names a line before it, and there is none: earlier lines or month files were removed";
        if (prev is null) return $"starts a new chain although {previous.Where} comes before it";
        return prev == previous.Hash ? null
            : $"does not follow {previous.Where}: that line was changed, or lines between them were removed";
    }

    private static IEnumerable<string> StrayFiles(ArchivePaths paths)
    {
        var folder = ManifestFiles.Folder(paths);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !ManifestFiles.IsMonthFile(name) && !AtomicFile.IsTempFile(name))
            .Order(StringComparer.Ordinal)
            .Select(name => ManifestFiles.FolderName + "/" + name);
    }
}
