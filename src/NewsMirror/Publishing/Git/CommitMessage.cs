using System.Text;

namespace NewsMirror.Publishing.Git;

/// <summary>The message of a run's commit: a subject saying what was archived, and a line per source below it.</summary>
public static class CommitMessage
{
    private const int SourcesInSubject = 5;

    /// <param name="archived">Display name and number of new articles, per source.</param>
    /// <param name="failed">Display name and error of each source that failed.</param>
    public static string For(IEnumerable<(string Name, int New)> archived, IEnumerable<(string Name, string Error)> failed)
    {
        var counts = archived.Where(s => s.New > 0).OrderByDescending(s => s.New).ToList();
        var subject = new StringBuilder($"archive: {counts.Sum(s => s.New)} new");
        if (counts.Count > 0)
            subject.Append(" — ").Append(string.Join(", ", counts.Take(SourcesInSubject).Select(s => $"{s.Name} {s.New}")));
        if (counts.Count > SourcesInSubject) subject.Append(", …");

        var body = counts.Select(s => $"{s.Name}: {s.New} new")
            .Concat(failed.Select(s => $"{s.Name}: failed ({s.Error})"))
            .ToList();
        return body.Count == 0 ? subject.ToString() : subject + "\n\n" + string.Join("\n", body) + "\n";
    }
}
