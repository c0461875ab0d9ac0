using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>What import and verify both report about a folder's files: unreadable ones and ids held twice.</summary>
internal static class FolderFindings
{
    public static IEnumerable<ArchiveProblem> Unreadable(IEnumerable<ScannedFile> files)
    {
        foreach (var file in files)
        {
            if (file.Problem is null) continue;
            var kind = file.Record is null ? ProblemKinds.Unparsable : ProblemKinds.Malformed;
            yield return new ArchiveProblem(file.RelativePath, kind, file.Problem);
        }
    }

    public static IEnumerable<ArchiveProblem> IdCollisions(IEnumerable<ScannedFile> files)
    {
        foreach (var group in files.Where(f => f.Id is not null).GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                yield return new ArchiveProblem(other.RelativePath, ProblemKinds.IdCollision, $"id {group.Key} is also held by {first.File}");
        }
    }

    /// <summary>
    /// The same article archived twice: a later file (smaller id; files come newest first) with a link (scheme and
    /// #fragment aside) an earlier file of the folder already has.
    /// </summary>
    public static IEnumerable<ArchiveProblem> Duplicates(IEnumerable<ScannedFile> newestFirst)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in newestFirst.Reverse())
        {
            if (file.Header is not { Link.Length: > 0 } header) continue;
            if (seen.TryGetValue(LinkKey.Of(header.Link), out var first))
                yield return new ArchiveProblem(file.RelativePath, ProblemKinds.DuplicateArticle, $"same link as {first}");
            else seen[LinkKey.Of(header.Link)] = file.File;
        }
    }
}
