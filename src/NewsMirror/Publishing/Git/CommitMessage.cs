using System.Text;

namespace NewsMirror.Publishing.Git;

/// <summary>The message of a run's commit: a subject saying what was archived, and a line per source below it.</summary>
public static class CommitMessage
{
    private const int SourcesInSubject = 5;

    /// <param name="archived">Display name and number of new articles, per source.</param>
    /// <param name="failed">Display name and error of each source that failed.</param>
    /// <param name="leftover">What a run that died left uncommitted and this commit takes with it; null: nothing.</param>
    public static string For(IEnumerable<(string Name, int New)> archived, IEnumerable<(string Name, string Error)> failed, LeftoverFiles? leftover = null)
    {
        var counts = archived.Where(s => s.New > 0).OrderByDescending(s => s.New).ToList();
        var leftBehind = leftover is { Files: > 0 } ? leftover : null;
        var subject = new StringBuilder("archive: ");
        if (counts.Count > 0 || leftBehind is null)
        {
            subject.Append($"{counts.Sum(s => s.New)} new");
            if (counts.Count > 0) subject.Append(" — ").Append(Names(counts));
            if (leftBehind is not null) subject.Append("; ").Append(LeftBehind(leftBehind));
        }
        else
        {
            subject.Append(LeftBehind(leftBehind));
            var bySource = leftBehind.ArticlesBySource.Where(s => s.Articles > 0).ToList();
            if (bySource.Count > 0) subject.Append(" (").Append(Names(bySource)).Append(')');
        }

        var body = counts.Select(s => $"{s.Name}: {s.New} new")
            .Concat((leftBehind?.ArticlesBySource ?? []).Where(s => s.Articles > 0).Select(s => $"{s.Name}: {s.Articles} left by an interrupted run"))
            .Concat(failed.Select(s => $"{s.Name}: failed ({s.Error})"))
            .ToList();
        return body.Count == 0 ? subject.ToString() : subject + "\n\n" + string.Join("\n", body) + "\n";
    }

    private static string Names(IReadOnlyList<(string Name, int Count)> counts)
    {
        var sorted = counts.OrderByDescending(s => s.Count).ToList();
        var names = string.Join(", ", sorted.Take(SourcesInSubject).Select(s => $"{s.Name} {s.Count}"));
        return sorted.Count > SourcesInSubject ? names + ", …" : names;
    }

    /// <summary>"12 articles left by an interrupted run", or its files when it left no article (list pages, README).</summary>
    private static string LeftBehind(LeftoverFiles leftover) => leftover.Articles > 0
        ? $"{leftover.Articles} {(leftover.Articles == 1 ? "article" : "articles")} left by an interrupted run"
        : $"{leftover.Files} {(leftover.Files == 1 ? "file" : "files")} left by an interrupted run";
}
